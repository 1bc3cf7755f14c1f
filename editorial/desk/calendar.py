"""The desk calendar: assignment due dates, scheduled publications, review steps falling
due and programme events, by month or by week, for one person or topic if asked.

Scheduled publications are read from Wagtail itself: a page revision approved to go live
later carries ``approved_go_live_at`` (what Wagtail's own "scheduled" status reads).
The whole calendar costs a fixed number of queries, however many items it shows.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.permissions import policy_registry

from editorial.desk.articles import filed_under
from editorial.models import Assignment, ProgrammeEvent

MONTH, WEEK = "month", "week"


@dataclass(frozen=True)
class CalendarItem:
    kind: str  # "due", "publish", "step" or "event": also the item's CSS modifier
    title: str
    url: str = ""
    time: datetime.time | None = None
    overdue: bool = False
    detail: str = ""


@dataclass
class CalendarDay:
    date: datetime.date
    in_period: bool
    is_today: bool
    items: list[CalendarItem] = field(default_factory=list)


@dataclass
class DeskCalendar:
    mode: str
    anchor: datetime.date
    start: datetime.date
    end: datetime.date  # inclusive
    weeks: list[list[CalendarDay]]
    previous: datetime.date
    next: datetime.date


def _period(mode: str, anchor: datetime.date) -> tuple[datetime.date, datetime.date, list]:
    """First and last day shown, and the weeks (Monday first, as Vietnamese calendars)."""
    if mode == WEEK:
        monday = anchor - datetime.timedelta(days=anchor.weekday())
        days = [monday + datetime.timedelta(days=n) for n in range(7)]
        return days[0], days[-1], [days]
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(anchor.year, anchor.month)
    return weeks[0][0], weeks[-1][-1], weeks


def _neighbours(mode: str, anchor: datetime.date) -> tuple[datetime.date, datetime.date]:
    if mode == WEEK:
        return anchor - datetime.timedelta(days=7), anchor + datetime.timedelta(days=7)
    first = anchor.replace(day=1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return previous, following


def _local_bounds(start: datetime.date, end: datetime.date):
    tz = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return low, high


def _due_items(user, start, end, person, topic, today):
    policy = policy_registry.get_by_type(Assignment)
    assignments = (
        policy.instances_user_has_any_permission_for(user, ["view"])
        .with_stage(today)
        .filter(due_date__range=(start, end))
        .select_related("assignee", "external_author", "topic")
        .order_by("due_date", "priority", "pk")
    )
    if person is not None:
        assignments = assignments.filter(Q(assignee=person) | Q(staff_contact=person))
    if topic is not None:
        assignments = assignments.filter(topic=topic)
    for assignment in assignments:
        yield (
            assignment.due_date,
            CalendarItem(
                kind="due",
                title=assignment.headline,
                url=reverse("desk_assignment:inspect", args=[assignment.pk]),
                overdue=assignment.overdue,
                detail=f"{assignment.writer_display} · {assignment.get_stage_display()}",
            ),
        )


def _publication_items(start, end, person, topic):
    low, high = _local_bounds(start, end)
    schedule = dict(
        Revision.page_revisions.filter(approved_go_live_at__gte=low, approved_go_live_at__lt=high)
        .order_by("approved_go_live_at")
        .values_list("object_id", "approved_go_live_at")
    )
    if not schedule:
        return
    pages = Page.objects.filter(pk__in=[int(pk) for pk in schedule])
    if topic is not None:
        pages = pages.filter(filed_under(topic))
    if person is not None:
        pages = pages.filter(
            Q(owner=person) | Q(assignment__assignee=person) | Q(assignment__staff_contact=person)
        )
    for page in pages.only("pk", "title"):
        moment = timezone.localtime(schedule[str(page.pk)])
        yield (
            moment.date(),
            CalendarItem(
                kind="publish",
                title=page.title,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                time=moment.time(),
            ),
        )


def _step_items(user, start, end, person, topic):
    """Open review steps on the day they fall due; an overdue one is flagged. Steps show to
    the people who may act on them (``person`` narrows to one reviewer)."""
    from wagtail.models import TaskState

    from editorial.pipelines.deadlines import task_states_with_due

    low, high = _local_bounds(start, end)
    reviewer = person or user
    steps = (
        task_states_with_due(TaskState.objects.reviewable_by(reviewer))
        .filter(status=TaskState.STATUS_IN_PROGRESS, due_at__gte=low, due_at__lt=high)
        .select_related("task", "workflow_state")
        .order_by("due_at")
    )
    states = list(steps)
    pages = Page.objects.filter(pk__in=[int(s.workflow_state.object_id) for s in states])
    if topic is not None:
        pages = pages.filter(filed_under(topic))
    titles = dict(pages.values_list("pk", "title"))
    for state in states:
        page_id = int(state.workflow_state.object_id)
        if page_id not in titles:
            continue
        moment = timezone.localtime(state.due_at)
        yield (
            moment.date(),
            CalendarItem(
                kind="step",
                title=titles[page_id],
                url=reverse("wagtailadmin_pages:edit", args=[page_id]),
                time=moment.time(),
                overdue=state.is_overdue,
                detail=state.task.name,
            ),
        )


def _event_items(start, end, topic):
    low, high = _local_bounds(start, end)
    events = ProgrammeEvent.objects.filter(
        starts_at__gte=low, starts_at__lt=high, cancelled=False
    ).order_by("starts_at")
    if topic is not None:
        events = events.filter(topic=topic)
    for event in events:
        moment = timezone.localtime(event.starts_at)
        yield (
            moment.date(),
            CalendarItem(kind="event", title=event.title, time=moment.time(), detail=event.place),
        )


def build_calendar(
    user,
    mode: str = MONTH,
    anchor: datetime.date | None = None,
    person=None,
    topic=None,
) -> DeskCalendar:
    """The calendar ``user`` may see: only assignments their permissions allow."""
    today = timezone.localdate()
    anchor = anchor or today
    mode = WEEK if mode == WEEK else MONTH
    start, end, weeks = _period(mode, anchor)
    by_day: dict[datetime.date, list[CalendarItem]] = defaultdict(list)
    for source in (
        _due_items(user, start, end, person, topic, today),
        _publication_items(start, end, person, topic),
        _step_items(user, start, end, person, topic),
        _event_items(start, end, topic),
    ):
        for day, item in source:
            by_day[day].append(item)
    grid = [
        [
            CalendarDay(
                date=day,
                in_period=mode == WEEK or day.month == anchor.month,
                is_today=day == today,
                items=by_day.get(day, []),
            )
            for day in week
        ]
        for week in weeks
    ]
    previous, following = _neighbours(mode, anchor)
    return DeskCalendar(mode, anchor, start, end, grid, previous, following)
