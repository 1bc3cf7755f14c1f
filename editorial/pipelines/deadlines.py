"""Time allowed per pipeline step: when a step is due, which steps are overdue.

A step's allowance lives on its task (both newsroom step types have one; Wagtail's plain
group task has none and is never overdue). The due time is computed by the database
(``started_at + allowance``), so listings and reports can filter and count on it.
"""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, DurationField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import TaskState

# One relation per step type that has an allowance (multi-table children of Task).
ALLOWANCE_FIELDS = (
    "task__pipelinegrouptask__allowance",
    "task__namedreviewertask__allowance",
)


def task_states_with_due(queryset: QuerySet | None = None, now=None) -> QuerySet:
    """Task states annotated with ``allowance``, ``due_at`` (null when the step has no
    allowance) and ``is_overdue`` (in progress past ``due_at`` at ``now``)."""
    now = now or timezone.now()
    queryset = TaskState.objects.all() if queryset is None else queryset
    return queryset.annotate(
        allowance=Coalesce(*ALLOWANCE_FIELDS, output_field=DurationField()),
    ).annotate(
        due_at=F("started_at") + F("allowance"),
        is_overdue=Case(
            When(
                Q(status=TaskState.STATUS_IN_PROGRESS, allowance__isnull=False) & Q(due_at__lt=now),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def overdue_task_states(now=None, queryset: QuerySet | None = None) -> QuerySet:
    """In-progress steps past their allowance at ``now``, oldest due first."""
    return task_states_with_due(queryset, now=now).filter(is_overdue=True).order_by("due_at", "pk")


def due_at(task_state) -> datetime.datetime | None:
    """The due time of one task state (from the annotation when present)."""
    annotated = getattr(task_state, "due_at", None)
    if annotated is not None:
        return annotated
    allowance = getattr(task_state.task.specific, "allowance", None)
    return task_state.started_at + allowance if allowance else None


def send_overdue_reminders(now=None) -> int:
    """Queue one reminder per overdue step to its reviewers; a step is reminded once.

    The ``StepReminder`` row is claimed before the mail is queued, inside one transaction,
    so two runs at once (cron and the worker's loop) cannot both send it.
    """
    from django.db import IntegrityError, transaction

    from editorial.models import StepReminder
    from editorial.pipelines.notifications import queue

    now = now or timezone.now()
    due = overdue_task_states(now).filter(overdue_reminder__isnull=True)
    sent = 0
    for task_state in due:
        try:
            with transaction.atomic():
                StepReminder.objects.create(task_state=task_state, sent_at=now)
                queue("step_overdue", task_state.pk)
        except IntegrityError:
            continue
        sent += 1
    return sent
