"""People sort in Vietnamese order through the ORM, on SQLite and PostgreSQL alike.

Vietnamese lists sort by the given name (the last word), letter by letter in the
Vietnamese alphabet: a < ă < â … d < đ … o < ô < ơ … u < ư (editorial/models/people.py).
"""

from __future__ import annotations

import random

import pytest
from django.contrib.auth import get_user_model

from editorial.models import Author, StaffProfile

# Given names, one per contested letter, in the order a Vietnamese dictionary gives.
IN_ORDER = [
    "Nguyễn Văn An",
    "Trần Thị Ăng",
    "Lê Văn Ân",
    "Phạm Văn Dũng",
    "Hoàng Minh Đức",
    "Đỗ Thị Oanh",
    "Vũ Văn Ổn",
    "Bùi Văn Ơn",
    "Ngô Thị Uyên",
    "Đặng Quốc Ưng",
]


def shuffled(names: list[str]) -> list[str]:
    names = list(names)
    random.Random(2020).shuffle(names)
    assert names != IN_ORDER
    return names


@pytest.mark.django_db
def test_authors_sort_in_vietnamese_order():
    for name in shuffled(IN_ORDER):
        Author.objects.create(full_name=name)
    assert list(Author.objects.values_list("full_name", flat=True)) == IN_ORDER


@pytest.mark.django_db
def test_staff_sort_in_vietnamese_order():
    User = get_user_model()
    for number, name in enumerate(shuffled(IN_ORDER)):
        user = User.objects.create(username=f"nguoi{number}")
        StaffProfile.objects.create(user=user, full_name=name)
    assert list(StaffProfile.objects.values_list("full_name", flat=True)) == IN_ORDER


@pytest.mark.django_db
def test_same_given_name_falls_back_to_the_full_name():
    for name in ["Trần Văn Hà", "Đoàn Thị Hà", "Nguyễn Ngọc Hà", "Dương Văn Hà"]:
        Author.objects.create(full_name=name)
    assert list(Author.objects.values_list("full_name", flat=True)) == [
        "Dương Văn Hà",
        "Đoàn Thị Hà",
        "Nguyễn Ngọc Hà",
        "Trần Văn Hà",
    ]


@pytest.mark.django_db
def test_tones_only_break_ties():
    # Same letters: the tone decides (Anh < Ánh). A different letter outranks any tone:
    # ă follows a in the alphabet, so Ăn comes after Ánh.
    for name in ["Lê Văn Ăn", "Vũ Ngọc Ánh", "Ngô Văn Anh"]:
        Author.objects.create(full_name=name)
    assert list(Author.objects.values_list("given_name", flat=True)) == ["Anh", "Ánh", "Ăn"]
