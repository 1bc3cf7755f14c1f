"""An article's way through its pipelines: each step, who finished it, when, how long.

Read from Wagtail's own task states (the audit log holds the same events for the page's
History tab); nothing is copied. Submitted and published are the ends of the chain.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, TaskState

from editorial.pipelines.deadlines import task_states_with_due
from editorial.text import person_name


@dataclass(frozen=True)
class Step:
    name: str
    workflow: str
    status: str
    status_label: str
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    finished_by: str
    comment: str
    due_at: datetime.datetime | None
    is_overdue: bool

    @property
    def duration(self) -> datetime.timedelta:
        """Time spent at the step so far (until now while it is open)."""
        return (self.finished_at or timezone.now()) - self.started_at

    @property
    def duration_display(self) -> str:
        """ "2 ngày 3 giờ", "5 giờ 12 phút", "8 phút": what a desk reads at a glance."""
        minutes = int(self.duration.total_seconds() // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        if days:
            return f"{days} ngày {hours} giờ"
        if hours:
            return f"{hours} giờ {minutes} phút"
        return f"{minutes} phút"


def pipeline_steps(page_id: int) -> list[Step]:
    """Every step any pipeline run took on the page, oldest first (skipped ones left out)."""
    states = (
        task_states_with_due(
            TaskState.objects.filter(
                workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
                workflow_state__object_id=str(page_id),
            )
        )
        .exclude(status=TaskState.STATUS_SKIPPED)
        .select_related("task", "finished_by", "workflow_state__workflow")
        .order_by("started_at", "pk")
    )
    return [
        Step(
            name=state.task.name,
            workflow=state.workflow_state.workflow.name,
            status=state.status,
            status_label=str(state.get_status_display()),
            started_at=state.started_at,
            finished_at=state.finished_at,
            finished_by=person_name(state.finished_by) if state.finished_by else "",
            comment=state.comment,
            due_at=state.due_at,
            is_overdue=state.is_overdue,
        )
        for state in states
    ]
