"""Overdue work: assignments past their due date and pipeline steps past their time
allowance (``editorial.pipelines.deadlines``), listed and counted by person."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, IntegerField, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from editorial.desk.articles import TopicHub, topic_of_path
from editorial.models import Assignment, PipelineGroupTask
from editorial.pipelines.deadlines import overdue_task_states
from editorial.reports.queries.common import ReportParams, page_steps, with_page_title

RESPONSIBLE = Coalesce("assignee", "staff_contact", output_field=IntegerField())


def overdue_assignments(params: ReportParams) -> QuerySet:
    """Late assignments, earliest due first; ``person`` narrows to one writer."""
    late = Assignment.objects.with_stage(params.today).filter(is_overdue=True)
    if params.topic_id is not None:
        late = late.filter(topic_id=params.topic_id)
    if params.person is not None:
        late = late.filter(Q(assignee=params.person) | Q(staff_contact=params.person))
    return late.select_related("topic", "assignee", "external_author", "staff_contact", "editor")


def overdue_steps(params: ReportParams, hubs: list[TopicHub], now=None) -> QuerySet:
    """Review steps past their allowance, earliest due first, with the article's title.
    ``person`` narrows to steps naming that reviewer, ``group`` to a group's steps."""
    steps = with_page_title(
        page_steps(overdue_task_states(now or timezone.now())).annotate(
            topic=topic_of_path(hubs, "page_path")
        )
    )
    if params.topic_id is not None:
        steps = steps.filter(topic=params.topic_id)
    if params.person is not None:
        steps = steps.filter(namedreviewertaskstate__reviewer=params.person)
    if params.group is not None:
        steps = steps.filter(task__pipelinegrouptask__groups=params.group)
    return steps.select_related(
        "task", "workflow_state__workflow", "namedreviewertaskstate__reviewer"
    ).order_by("due_at", "pk")


def step_groups(task_ids) -> dict[int, list[str]]:
    """The reviewing groups of group steps: ``{task id: [group names]}`` (one query)."""
    through = PipelineGroupTask.groups.through
    names: dict[int, list[str]] = {}
    rows = (
        through.objects.filter(pipelinegrouptask_id__in=set(task_ids))
        .order_by("group__name")
        .values_list("pipelinegrouptask_id", "group__name")
    )
    for task_id, name in rows:
        names.setdefault(task_id, []).append(name)
    return names


def by_person(params: ReportParams, hubs: list[TopicHub], now=None) -> list[dict]:
    """Per person (and per reviewing group, for group steps): overdue assignments they
    answer for and overdue steps named to them. Rows have ``user`` or ``group``."""
    assignments = (
        overdue_assignments(params)
        .annotate(person=RESPONSIBLE)
        .filter(person__isnull=False)
        .order_by()
        .values("person")
        .annotate(n=Count("pk"))
    )
    steps = overdue_steps(params, hubs, now).select_related(None).order_by()
    named = (
        steps.filter(namedreviewertaskstate__reviewer__isnull=False)
        .values("namedreviewertaskstate__reviewer")
        .annotate(n=Count("pk"))
    )
    grouped = (
        steps.filter(task__pipelinegrouptask__isnull=False)
        .values("task__pipelinegrouptask__groups")
        .annotate(n=Count("pk"))
    )
    people: dict[int, dict] = {}
    for row in assignments:
        people.setdefault(row["person"], {"assignments": 0, "steps": 0})["assignments"] = row["n"]
    for row in named:
        key = row["namedreviewertaskstate__reviewer"]
        people.setdefault(key, {"assignments": 0, "steps": 0})["steps"] = row["n"]
    users = get_user_model().objects.in_bulk(list(people))
    rows = [{"user": users.get(pk), "group": None, **counts} for pk, counts in people.items()]
    group_counts = {
        row["task__pipelinegrouptask__groups"]: row["n"]
        for row in grouped
        if row["task__pipelinegrouptask__groups"] is not None
    }
    groups = Group.objects.in_bulk(list(group_counts))
    rows += [
        {"user": None, "group": groups[pk], "assignments": 0, "steps": n}
        for pk, n in group_counts.items()
        if pk in groups
    ]
    rows.sort(key=lambda row: (-(row["assignments"] + row["steps"]), _label(row)))
    return rows


def _label(row) -> str:
    if row["user"] is not None:
        return row["user"].get_full_name() or row["user"].get_username()
    return row["group"].name if row["group"] is not None else ""
