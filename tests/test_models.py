"""The programme's models: validation, slugs, display names (editorial/models/)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from editorial.enums import OrganisationKind, SignatoryRole
from editorial.models import (
    AnnualPlan,
    Author,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeEvent,
    ProgrammePerson,
    ProgrammeTopic,
    StaffProfile,
)


@pytest.fixture
def programme(db) -> Programme:
    return Programme.objects.create(
        title="Chương trình phối hợp công tác",
        signed_on=datetime.date(2020, 3, 5),
        start_year=2020,
        end_year=2025,
    )


def organisation(short_name: str, name: str = "Tập đoàn thử") -> Organisation:
    return Organisation.objects.create(
        name=name, short_name=short_name, kind=OrganisationKind.GROUP
    )


@pytest.mark.django_db
def test_slug_keeps_the_d_of_dang():
    committee = organisation("DUKDNTW", "Đảng ủy Khối Doanh nghiệp Trung ương")
    assert committee.slug == "dang-uy-khoi-doanh-nghiep-trung-uong"


@pytest.mark.django_db
def test_topic_slug_from_its_name(programme):
    topic = ProgrammeTopic.objects.create(programme=programme, number=3, name="Xây dựng Đảng")
    assert topic.slug == "xay-dung-dang"


@pytest.mark.django_db
def test_tones_that_fold_alike_get_a_suffix():
    dong = Author.objects.create(full_name="Đông")
    dong_2 = Author.objects.create(full_name="Đồng")
    dong_3 = Author.objects.create(full_name="Đống")
    assert [dong.slug, dong_2.slug, dong_3.slug] == ["dong", "dong-2", "dong-3"]


@pytest.mark.django_db
def test_slug_is_kept_when_the_name_changes():
    evn = organisation("EVN", "Tập đoàn Điện lực Việt Nam")
    evn.name = "Tập đoàn Điện lực"
    evn.save()
    assert evn.slug == "tap-doan-dien-luc-viet-nam"


@pytest.mark.django_db
def test_short_names_are_unique():
    organisation("EVN")
    with pytest.raises(ValidationError) as caught:
        Organisation(name="Khác", short_name="EVN", kind=OrganisationKind.GROUP).full_clean()
    assert "short_name" in caught.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        organisation("EVN")


@pytest.mark.django_db
def test_display_names():
    evn = organisation("EVN", "Tập đoàn Điện lực Việt Nam")
    assert str(evn) == "Tập đoàn Điện lực Việt Nam (EVN)"
    author = Author.objects.create(full_name="Đoàn Minh Huấn", academic_title="PGS, TS.")
    assert author.display_name == "PGS, TS. Đoàn Minh Huấn"
    assert str(author) == "PGS, TS. Đoàn Minh Huấn"
    assert author.given_name == "Huấn"
    untitled = Author.objects.create(full_name="Hoàng Văn Ơn")
    assert untitled.display_name == "Hoàng Văn Ơn"


@pytest.mark.django_db
def test_staff_profile_given_name_and_roles(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create(username="hà")
    user.groups.add(Group.objects.create(name="Tổng Biên tập"))
    profile = StaffProfile.objects.create(
        user=user, full_name="Nguyễn Ngọc Hà", academic_title="PGS, TS."
    )
    assert profile.given_name == "Hà"
    assert str(profile) == "PGS, TS. Nguyễn Ngọc Hà"
    assert profile.roles == ["Tổng Biên tập"]


@pytest.mark.django_db
def test_programme_end_before_start_names_the_field(programme):
    programme.end_year = 2019
    with pytest.raises(ValidationError) as caught:
        programme.full_clean()
    assert list(caught.value.message_dict) == ["end_year"]


def test_programme_period_and_years():
    programme = Programme(title="CT", start_year=2020, end_year=2025)
    assert programme.period == "2020–2025"
    assert list(programme.years()) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert str(programme) == "CT (2020–2025)"


@pytest.mark.django_db
def test_signatories_and_witnesses(programme):
    ProgrammePerson.objects.create(
        programme=programme, name="Đoàn Minh Huấn", position="Tổng Biên tập", sort_order=0
    )
    ProgrammePerson.objects.create(
        programme=programme,
        name="Nguyễn Văn Bình",
        position="Trưởng Ban Kinh tế Trung ương",
        role=SignatoryRole.WITNESS,
        sort_order=1,
    )
    assert [p.name for p in programme.signatories()] == ["Đoàn Minh Huấn"]
    assert [p.name for p in programme.witnesses()] == ["Nguyễn Văn Bình"]


@pytest.mark.django_db
def test_plan_year_must_be_in_the_programme(programme):
    with pytest.raises(ValidationError) as caught:
        AnnualPlan(programme=programme, year=2026).full_clean()
    assert list(caught.value.message_dict) == ["year"]
    AnnualPlan(programme=programme, year=2025).full_clean()


@pytest.mark.django_db
def test_plan_item_due_date_must_fall_in_the_plan_year(programme):
    plan = AnnualPlan.objects.create(programme=programme, year=2020)
    item = PlanItem(plan=plan, title="Bài nghiên cứu", due_date=datetime.date(2021, 1, 2))
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert list(caught.value.message_dict) == ["due_date"]
    assert item.due_date_error(2021) is None
    assert "2020" in str(item.due_date_error(2020))
    item.due_date = datetime.date(2020, 12, 31)
    item.full_clean()


def test_done_or_not_done_item_counts_as_one():
    assert PlanItem(title="Hội thảo").effective_target == 1
    assert PlanItem(title="Bài", target=6).effective_target == 6


@pytest.mark.django_db
def test_event_cannot_end_before_it_starts():
    start = datetime.datetime(2020, 10, 19, 8, tzinfo=datetime.UTC)
    event = ProgrammeEvent(
        title="Đại hội", kind="congress", starts_at=start, ends_at=start - datetime.timedelta(1)
    )
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    assert list(caught.value.message_dict) == ["ends_at"]


@pytest.mark.django_db
def test_held_events_exclude_future_and_cancelled():
    now = datetime.datetime(2020, 12, 1, tzinfo=datetime.UTC)
    past = now - datetime.timedelta(days=30)
    ProgrammeEvent.objects.create(title="Đã họp", kind="meeting", starts_at=past)
    ProgrammeEvent.objects.create(title="Hủy", kind="meeting", starts_at=past, cancelled=True)
    ProgrammeEvent.objects.create(
        title="Sắp tới", kind="meeting", starts_at=now + datetime.timedelta(days=1)
    )
    assert [e.title for e in ProgrammeEvent.objects.held(now=now)] == ["Đã họp"]
