"""The desk calendar (month and week): due dates, scheduled go-lives and programme events,
filtered by person and topic, in Vietnamese; and the "My desk" dashboard panel."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.enums import AssignmentStatus, EventKind
from editorial.models import Assignment, ProgrammeEvent
from tests.support.desk import days, log_entry, make_article, make_assignment

pytestmark = pytest.mark.django_db

HANOI = timezone.get_fixed_timezone(7 * 60)


def calendar(client, **params):
    return client.get(reverse("desk_calendar:index"), params).content.decode()


def test_month_shows_due_dates_go_lives_and_events(desk, as_user):
    anchor = (days(0).replace(day=1) + datetime.timedelta(days=45)).replace(day=15)
    make_assignment(desk, headline="Bài hạn giữa tháng", due_date=anchor)
    page = make_article(title="Bài lên trang sau")
    page.go_live_at = datetime.datetime.combine(anchor, datetime.time(8, 30), tzinfo=HANOI)
    page.save_revision(user=desk.chief).publish()  # in the future: Wagtail schedules it
    ProgrammeEvent.objects.create(
        title="Hội thảo khoa học khơi thông nguồn lực",
        kind=EventKind.SEMINAR,
        starts_at=datetime.datetime.combine(anchor, datetime.time(14, 0), tzinfo=HANOI),
        topic=desk.topic2,
    )
    body = calendar(as_user(desk.editor), date=anchor.isoformat())
    assert "Bài hạn giữa tháng" in body
    assert "Hội thảo khoa học khơi thông nguồn lực" in body
    assert "14:00" in body
    assert "Thứ 2" in body and "Chủ nhật" in body  # Vietnamese weekday headers
    assert f"Tháng {anchor.month}/{anchor.year}" in body
    assert "Bài lên trang sau" in body and "08:30" in body


def test_week_view_and_filters(desk, as_user):
    monday = days(7) - datetime.timedelta(days=days(7).weekday())
    make_assignment(desk, headline="Của phóng viên một", due_date=monday)
    make_assignment(desk, headline="Của phóng viên hai", due_date=monday, assignee=desk.journalist2)
    make_assignment(desk, headline="Chủ đề hai", due_date=monday, topic=desk.topic2)
    make_assignment(desk, headline="Tuần sau nữa", due_date=monday + datetime.timedelta(days=7))
    client = as_user(desk.editor)

    week = calendar(client, view="week", date=monday.isoformat())
    assert "Của phóng viên một" in week and "Của phóng viên hai" in week
    assert "Tuần sau nữa" not in week

    mine = calendar(client, view="week", date=monday.isoformat(), person=desk.journalist2.pk)
    assert "Của phóng viên hai" in mine and "Của phóng viên một" not in mine

    topic = calendar(client, view="week", date=monday.isoformat(), topic=desk.topic2.pk)
    assert "Chủ đề hai" in topic and "Của phóng viên một" not in topic


def test_a_journalist_sees_only_their_assignments_on_the_calendar(desk, as_user):
    make_assignment(desk, headline="Của tôi", due_date=days(1))
    make_assignment(desk, headline="Của người khác", due_date=days(1), assignee=desk.journalist2)
    body = calendar(as_user(desk.journalist), view="week", date=days(1).isoformat())
    assert "Của tôi" in body and "Của người khác" not in body


def test_overdue_is_marked_in_words_not_only_colour(desk, as_user):
    late = make_assignment(desk, headline="Bài trễ", due_date=days(1))
    Assignment.objects.filter(pk=late.pk).update(due_date=days(-1))
    body = calendar(as_user(desk.editor), view="week", date=days(-1).isoformat())
    assert 'desk-overdue"' in body or "desk-overdue " in body
    assert ">Quá hạn<" in body


def test_my_desk_panel(desk, as_user):
    late = make_assignment(desk, headline="Trễ hạn <b>đậm</b>", due_date=days(1))
    Assignment.objects.filter(pk=late.pk).update(due_date=days(-2))
    make_assignment(desk, headline="Hạn sau", due_date=days(5))
    make_assignment(desk, headline="Đã hủy", status=AssignmentStatus.CANCELLED)
    make_assignment(desk, headline="Của người khác", assignee=desk.journalist2)
    log_entry(desk, summary="Hẹn gọi lại Ban Tổ chức", follow_up_needed=True, follow_up_by=days(2))
    body = as_user(desk.journalist).get(reverse("wagtailadmin_home")).content.decode()
    assert "Trễ hạn &lt;b&gt;đậm&lt;/b&gt;" in body  # escaped
    assert body.index("Trễ hạn") < body.index("Hạn sau")  # by due date
    assert "Đã hủy" not in body and "Của người khác" not in body
    assert desk.beat.name in body
    assert "Hẹn gọi lại Ban Tổ chức" in body
    assert 'class="desk-overdue"' in body
