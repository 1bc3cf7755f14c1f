"""The ``desk`` fixture for the newsroom desk tests, built with ``tests.factories``: one
user per role, a small programme (two topics, a 2020 plan item), two beats with people on
them; and builders that fill in the desk's people (assignments, log entries)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from editorial.demo.users import load_users
from editorial.enums import (
    BeatRole,
    OrganisationKind,
    PhotoNeeds,
    PlanItemKind,
)
from editorial.models import (
    Assignment,
    BeatLogEntry,
)
from editorial.roles import sync_roles
from tests.factories import (
    AssignmentFactory,
    AuthorFactory,
    BeatAssignmentFactory,
    BeatFactory,
    BeatLogEntryFactory,
    OrganisationFactory,
    PlanFactory,
    PlanItemFactory,
    ProgrammeFactory,
    TopicFactory,
)

PASSWORD = "desk-test-password"


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def make_assignment(desk, **fields) -> Assignment:
    """An assignment for ``desk.journalist`` on the desk's topic, commissioned by
    ``desk.editor``, due in ten days."""
    fields = {"topic": desk.topic, "assignee": desk.journalist, "editor": desk.editor} | fields
    return AssignmentFactory(**fields)


def make_article(parent: Page | None = None, title: str = "Bài viết", **fields) -> Page:
    """A plain Wagtail page standing for an article: the stage reads only Page state."""
    parent = parent or Page.get_first_root_node()
    slug = f"bai-{Page.objects.count() + 1}"
    return parent.add_child(instance=Page(title=title, slug=slug, live=False, **fields))


@pytest.fixture
def desk(db):
    groups = sync_roles()
    users = {user.username: user for user in load_users(PASSWORD, groups)}
    committee = OrganisationFactory(
        short_name="DUKDNTW",
        name="Đảng ủy Khối Doanh nghiệp Trung ương",
        kind=OrganisationKind.PARTY_COMMITTEE,
    )
    evn = OrganisationFactory(
        short_name="EVN", name="Tập đoàn Điện lực Việt Nam", kind=OrganisationKind.GROUP
    )
    programme = ProgrammeFactory(title="Chương trình phối hợp (kiểm thử)")
    topic = TopicFactory(programme=programme, number=3, name="Tuyên truyền công tác xây dựng Đảng")
    topic2 = TopicFactory(
        programme=programme, number=2, name="Đấu tranh phản bác quan điểm sai trái"
    )
    plan = PlanFactory(programme=programme, year=2020)
    plan_item = PlanItemFactory(
        plan=plan,
        title="Đại hội đảng bộ các cấp",
        topic=topic,
        kind=PlanItemKind.CONGRESS,
        target=8,
    )
    beat = BeatFactory(name="Xây dựng Đảng ở Đảng ủy Khối", topic=topic)
    beat.organisations.add(committee)
    beat.save()
    beat2 = BeatFactory(name="Tập đoàn Điện lực Việt Nam", topic=None)
    beat2.organisations.add(evn)
    beat2.save()
    BeatAssignmentFactory(beat=beat, person=users["bientap"], role=BeatRole.EDITOR)
    BeatAssignmentFactory(
        beat=beat, person=users["phongvien"], role=BeatRole.REPORTER, starts_on=days(-100)
    )
    BeatAssignmentFactory(
        beat=beat2, person=users["phongvien2"], role=BeatRole.REPORTER, starts_on=days(-100)
    )
    external = AuthorFactory(full_name="Nguyễn Văn Ngoài", academic_title="TS.")
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
    """Today's entry by ``desk.journalist`` on the desk's party beat."""
    return BeatLogEntryFactory(beat=beat or desk.beat, author=author or desk.journalist, **fields)


def photo_assignment(desk, **fields) -> Assignment:
    return make_assignment(desk, photo_needs=PhotoNeeds.NEW, **fields)


User = get_user_model()
