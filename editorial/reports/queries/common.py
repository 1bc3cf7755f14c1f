"""What every report shares: the filters it was asked for, years and months, and how
a pipeline step finds its article's place in the page tree."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState

from editorial.enums import AssignmentStage

# The stage counts of the progress report: each bucket is a set of assignment stages.
# Scheduled work is approved but not yet live, so it still counts as "in review".
STAGE_BUCKETS: dict[str, tuple[str, ...]] = {
    "commissioned": (AssignmentStage.COMMISSIONED,),
    "in_progress": (
        AssignmentStage.ACCEPTED,
        AssignmentStage.DRAFTING,
        AssignmentStage.CHANGES_REQUESTED,
    ),
    "in_review": (AssignmentStage.IN_REVIEW, AssignmentStage.SCHEDULED),
    "published": (AssignmentStage.PUBLISHED,),
}
STAGE_BUCKET_LABELS = {
    "commissioned": _("Commissioned"),
    "in_progress": _("In progress"),
    "in_review": _("In review"),
    "published": _("Published"),
}
# Review decisions: a cancelled or skipped step measured nobody's work.
FINISHED_STEP_STATUSES = (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)


@dataclass(frozen=True)
class ReportParams:
    """The filters a report was asked for (validated), with the year defaulted."""

    year: int
    topic: object | None = None  # ProgrammeTopic
    person: object | None = None  # user
    group: Group | None = None
    today: datetime.date | None = None

    @property
    def topic_id(self) -> int | None:
        return self.topic.pk if self.topic is not None else None


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def month_label(year: int, month: int) -> str:
    """ "03/2020", as the newsroom writes a month."""
    return f"{month:02d}/{year}"


def default_year(plan_years: list[int], today: datetime.date | None = None) -> int:
    """This year if it has a plan, else the latest plan year before it, else this year."""
    today = today or timezone.localdate()
    earlier = [year for year in plan_years if year <= today.year]
    if today.year in plan_years:
        return today.year
    return max(earlier) if earlier else today.year


def page_steps(queryset: QuerySet | None = None) -> QuerySet:
    """Task states of page workflows, annotated with the page's ``page_id`` and
    ``page_path`` (the workflow state names its page by a text id)."""
    queryset = TaskState.objects.all() if queryset is None else queryset
    page_type = ContentType.objects.get_for_model(Page)
    page_id = Cast("workflow_state__object_id", IntegerField())
    pages = Page.objects.filter(pk=OuterRef("page_id"))
    return (
        queryset.filter(workflow_state__base_content_type=page_type)
        .annotate(page_id=page_id)
        .annotate(page_path=Subquery(pages.values("path")[:1]))
    )


def with_page_title(queryset: QuerySet) -> QuerySet:
    """Steps from ``page_steps`` with the page's admin title (its latest draft title)."""
    pages = Page.objects.filter(pk=OuterRef("page_id"))
    return queryset.annotate(page_title=Subquery(pages.values("draft_title")[:1]))
