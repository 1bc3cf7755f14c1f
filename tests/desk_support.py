"""Fixtures and builders for the newsroom desk tests: one user per role, a small programme
(two topics, a 2020 plan item), two beats with people on them, and an assignment builder."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from editorial.demo.users import load_users
from editorial.enums import (
    AssignmentStatus,
    BeatRole,
    OrganisationKind,
    PhotoNeeds,
    PlanItemKind,
)
from editorial.models import (
    AnnualPlan,
    Assignment,
    Author,
    Beat,
    BeatAssignment,
    BeatLogEntry,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeTopic,
)
from editorial.roles import sync_roles

PASSWORD = "desk-test-password"


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def make_assignment(desk, **fields) -> Assignment:
    """An assignment for ``desk.journalist`` on topic 1, commissioned by ``desk.editor``."""
    values = {
        "headline": "Đảng bộ EVN với chuyển đổi số",
        "brief": "Phỏng vấn Bí thư Đảng ủy về mô hình mới.",
        "topic": desk.topic,
        "assignee": desk.journalist,
        "editor": desk.editor,
        "due_date": days(10),
        "status": AssignmentStatus.COMMISSIONED,
    }
    values.update(fields)
    return Assignment.objects.create(**values)


def make_article(parent: Page | None = None, title: str = "Bài viết", **fields) -> Page:
    """A plain Wagtail page standing for an article: the stage reads only Page state."""
    parent = parent or Page.get_first_root_node()
    slug = f"bai-{Page.objects.count() + 1}"
    return parent.add_child(instance=Page(title=title, slug=slug, live=False, **fields))


@pytest.fixture
def desk(db):
    groups = sync_roles()
    users = {user.username: user for user in load_users(PASSWORD, groups)}
    committee, _ = Organisation.objects.get_or_create(
        short_name="DUKDNTW",
        defaults={
            "name": "Đảng ủy Khối Doanh nghiệp Trung ương",
            "kind": OrganisationKind.PARTY_COMMITTEE,
        },
    )
    evn, _ = Organisation.objects.get_or_create(
        short_name="EVN",
        defaults={"name": "Tập đoàn Điện lực Việt Nam", "kind": OrganisationKind.GROUP},
    )
    programme = Programme.objects.create(
        title="Chương trình phối hợp (kiểm thử)",
        signed_on=datetime.date(2020, 3, 5),
        start_year=2020,
        end_year=2025,
    )
    topic = ProgrammeTopic.objects.create(
        programme=programme, number=3, name="Tuyên truyền công tác xây dựng Đảng"
    )
    topic2 = ProgrammeTopic.objects.create(
        programme=programme, number=2, name="Đấu tranh phản bác quan điểm sai trái"
    )
    plan = AnnualPlan.objects.create(programme=programme, year=2020)
    plan_item = PlanItem.objects.create(
        plan=plan,
        title="Đại hội đảng bộ các cấp",
        topic=topic,
        kind=PlanItemKind.CONGRESS,
        target=8,
    )
    beat = Beat.objects.create(name="Xây dựng Đảng ở Đảng ủy Khối", topic=topic)
    beat.organisations.add(committee)
    beat.save()
    beat2 = Beat.objects.create(name="Tập đoàn Điện lực Việt Nam", topic=None)
    beat2.organisations.add(evn)
    beat2.save()
    BeatAssignment.objects.create(
        beat=beat,
        person=users["bientap"],
        role=BeatRole.EDITOR,
        starts_on=datetime.date(2020, 3, 5),
    )
    BeatAssignment.objects.create(
        beat=beat, person=users["phongvien"], role=BeatRole.REPORTER, starts_on=days(-100)
    )
    BeatAssignment.objects.create(
        beat=beat2, person=users["phongvien2"], role=BeatRole.REPORTER, starts_on=days(-100)
    )
    external = Author.objects.create(full_name="Nguyễn Văn Ngoài", academic_title="TS.")
    return SimpleNamespace(
        users=users,
        chief=users["tongbientap"],
        editor=users["bientap"],
        editor2=users["bientap2"],
        journalist=users["phongvien"],
        journalist2=users["phongvien2"],
        journalist3=users["phongvien3"],
        photo=users["bananh"],
        committee=committee,
        evn=evn,
        programme=programme,
        topic=topic,
        topic2=topic2,
        plan=plan,
        plan_item=plan_item,
        beat=beat,
        beat2=beat2,
        external=external,
    )


@pytest.fixture
def as_user(client):
    """``as_user(user)`` → the test client logged in as that user."""

    def _as(user):
        client.force_login(user)
        return client

    return _as


def log_entry(desk, author=None, beat=None, **fields) -> BeatLogEntry:
    values = {
        "beat": beat or desk.beat,
        "author": author or desk.journalist,
        "summary": "Giao ban với Ban Tuyên giáo Đảng ủy Khối về đại hội cơ sở.",
        "date": today(),
    }
    values.update(fields)
    return BeatLogEntry.objects.create(**values)


def photo_assignment(desk, **fields) -> Assignment:
    return make_assignment(desk, photo_needs=PhotoNeeds.NEW, **fields)


User = get_user_model()
