"""People's names on the desk read as Vietnamese writes them: family name first."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from editorial.text import person_name
from tests.support.desk import make_assignment


def test_person_name_puts_the_family_name_first():
    user = get_user_model()(username="phongvien", first_name="Dũng", last_name="Phạm Văn")
    # Django's own order ("Dũng Phạm Văn") is wrong in Vietnamese; the app replaces it.
    assert user.get_full_name() == "Phạm Văn Dũng"
    assert person_name(user) == "Phạm Văn Dũng"


def test_person_name_falls_back_to_the_username():
    assert person_name(get_user_model()(username="bananh")) == "bananh"


@pytest.mark.django_db
def test_the_desk_shows_writers_and_followers_family_name_first(desk, as_user):
    assignment = make_assignment(desk)  # written by phongvien, Phạm Văn Dũng
    client = as_user(desk.editor)
    listing = client.get(reverse("desk_assignment:index")).content.decode()
    card = client.get(reverse("desk_assignment:inspect", args=[assignment.pk])).content.decode()
    beats = client.get(reverse("desk_beat:index")).content.decode()
    for page in (listing, card, beats):
        assert "Phạm Văn Dũng" in page
        assert "Dũng Phạm Văn" not in page
