"""Pipeline cycle times: how long each review step took (Wagtail's own task states,
``started_at`` → ``finished_at``) and how long from commission to publication
(``Assignment.commissioned_at`` → the article's ``first_published_at``), as a median and
90th percentile per step, topic or month; and the open items waiting longest.

A step's topic is its article's topic, read from the article's place under a topic hub.
An article published before its assignment was commissioned (history entered after the
fact) has no commission-to-publication time and is left out.
"""

from __future__ import annotations

from django.db.models import DurationField, ExpressionWrapper, F, QuerySet
from django.db.models.functions import ExtractMonth
from wagtail.models import TaskState, WorkflowTask

from editorial.desk.articles import TopicHub, topic_of_path
from editorial.enums import AssignmentStage
from editorial.models import Assignment
from editorial.models.assignments import OPEN_STAGES
from editorial.reports.percentiles import DurationStats, duration_stats
from editorial.reports.queries.common import FINISHED_STEP_STATUSES, page_steps, with_page_title

STEP, TOPIC, MONTH = "step", "topic", "month"
#: The measure name of commission-to-publication, beside the steps' task ids.
COMMISSION = "commission"

STEP_DURATION = ExpressionWrapper(F("finished_at") - F("started_at"), output_field=DurationField())
COMMISSION_DURATION = ExpressionWrapper(
    F("article__first_published_at") - F("commissioned_at"), output_field=DurationField()
)


def finished_steps(year: int, hubs: list[TopicHub], topic_id: int | None) -> QuerySet:
    steps = page_steps(
        TaskState.objects.filter(status__in=FINISHED_STEP_STATUSES, finished_at__year=year)
    ).annotate(
        topic=topic_of_path(hubs, "page_path"),
        month=ExtractMonth("finished_at"),
        workflow_id=F("workflow_state__workflow_id"),
        step_name=F("task__name"),
        pipeline_name=F("workflow_state__workflow__name"),
    )
    return steps.filter(topic=topic_id) if topic_id is not None else steps


def commissions(year: int, topic_id: int | None) -> QuerySet:
    done = Assignment.objects.filter(
        commissioned_at__isnull=False,
        article__live=True,
        article__first_published_at__year=year,
        article__first_published_at__gte=F("commissioned_at"),
    ).annotate(month=ExtractMonth("article__first_published_at"))
    return done.filter(topic_id=topic_id) if topic_id is not None else done


def step_stats(year: int, hubs, topic_id, grouping: str) -> dict[tuple, DurationStats]:
    """Steps grouped by (workflow, task) or (topic, task) or (month, task)."""
    outer = {STEP: "workflow_id", TOPIC: "topic", MONTH: "month"}[grouping]
    steps = finished_steps(year, hubs, topic_id)
    return duration_stats(steps, (outer, "task_id", "step_name", "pipeline_name"), STEP_DURATION)


def commission_stats(year: int, topic_id, grouping: str) -> dict[tuple, DurationStats]:
    outer = {STEP: None, TOPIC: "topic_id", MONTH: "month"}[grouping]
    group = (outer,) if outer else ()
    return duration_stats(commissions(year, topic_id), group, COMMISSION_DURATION)


def step_positions() -> dict[tuple[int, int], int]:
    """``{(workflow id, task id): position}``: steps are listed in pipeline order."""
    return {
        (row["workflow_id"], row["task_id"]): row["sort_order"] or 0
        for row in WorkflowTask.objects.values("workflow_id", "task_id", "sort_order")
    }


# --- The open items waiting longest ---------------------------------------------------


def open_steps(hubs, topic_id: int | None, limit: int) -> list:
    steps = with_page_title(
        page_steps(TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)).annotate(
            topic=topic_of_path(hubs, "page_path")
        )
    )
    if topic_id is not None:
        steps = steps.filter(topic=topic_id)
    return list(steps.select_related("task").order_by("started_at", "pk")[:limit])


def open_assignments(topic_id: int | None, limit: int) -> list:
    """Commissioned work not yet published (nor declined or cancelled), oldest first."""
    waiting = [s.value for s in OPEN_STAGES if s != AssignmentStage.PROPOSED]
    assignments = Assignment.objects.with_stage().filter(
        stage__in=waiting, commissioned_at__isnull=False
    )
    if topic_id is not None:
        assignments = assignments.filter(topic_id=topic_id)
    return list(
        assignments.select_related("assignee", "external_author").order_by("commissioned_at", "pk")[
            :limit
        ]
    )
