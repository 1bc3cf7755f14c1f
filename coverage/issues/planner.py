"""The issue planner's rows: each lineup slot and each slated assignment, with its stage,
length, what is missing and the plan item it contributes to.

Stages are the assignments' own, read from their articles' Wagtail state by
``Assignment.objects.with_stage()``; nothing is copied. A fixed number of queries,
whatever the issue's size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from coverage.models import ArticlePage, IssueSlot, PrintIssuePage
from editorial.enums import AssignmentStage
from editorial.models import Assignment

# A printed page of the journal holds about this many words of body text.
WORDS_PER_PAGE = 700


@dataclass
class PlannerRow:
    headline: str
    stage: str
    pages: int | None
    words: int | None
    plan_item: object | None
    missing: list[str] = field(default_factory=list)
    slot: IssueSlot | None = None
    assignment: Assignment | None = None
    article: object | None = None
    section: str = ""


@dataclass
class IssuePlan:
    issue: PrintIssuePage
    rows: list[PlannerRow]
    slated: list[PlannerRow]

    @property
    def lineup_pages(self) -> int:
        return sum(row.pages or 0 for row in self.rows)

    @property
    def projected_pages(self) -> int:
        """The lineup plus what slated pieces will take, estimated from their target length."""
        return self.lineup_pages + sum(row.pages or 0 for row in self.slated)

    @property
    def over_budget(self) -> int:
        return max(self.lineup_pages - self.issue.page_budget, 0)

    @property
    def projected_over_budget(self) -> int:
        return max(self.projected_pages - self.issue.page_budget, 0)


def _article_stage(article) -> str:
    """For an article in the lineup without an assignment: from its own live flag."""
    stage = AssignmentStage.PUBLISHED if article.live else AssignmentStage.DRAFTING
    return str(stage.label)


def _estimated_pages(words: int | None) -> int | None:
    return math.ceil(words / WORDS_PER_PAGE) if words else None


def working_copy(issue: PrintIssuePage) -> PrintIssuePage:
    """The issue as the desk last saved it (its latest revision, draft or not).

    Editors save drafts of the issue page (only the editor-in-chief publishes), so the
    planner reads the lineup and proof rounds from there; readers see the published one.
    """
    working = issue.get_latest_revision_as_object() if issue.latest_revision_id else issue
    working.__dict__["sign_off"] = issue.sign_off
    return working


def plan_issue(issue: PrintIssuePage) -> IssuePlan:
    """The planner's rows for ``issue``'s working copy (``working_copy``)."""
    slots = sorted(issue.slots.all(), key=lambda slot: (slot.sort_order or 0, slot.pk or 0))
    articles = {
        article.pk: article
        for article in ArticlePage.objects.filter(
            pk__in=[slot.article_id for slot in slots if slot.article_id]
        )
        .select_related("plan_item__plan")
        .defer_streamfields()
    }
    in_lineup = [slot.assignment_id for slot in slots if slot.assignment_id]
    assignments = {
        assignment.pk: assignment
        for assignment in Assignment.objects.with_stage()
        .filter(pk__in=in_lineup)
        .select_related("plan_item__plan")
    }
    rows = []
    for slot in slots:
        assignment = assignments.get(slot.assignment_id)
        article = articles.get(slot.article_id)
        missing = []
        if article is None:
            missing.append(_("No article yet"))
        if slot.start_page is None:
            missing.append(_("No first page"))
        if assignment is not None:
            stage = assignment.get_stage_display()
        elif article is not None:
            stage = _article_stage(article)
        else:
            stage = _("Not commissioned")
        plan_item = (article.plan_item if article else None) or (
            assignment.plan_item if assignment else None
        )
        rows.append(
            PlannerRow(
                headline=article.title if article else (assignment.headline if assignment else ""),
                stage=stage,
                pages=slot.page_count,
                words=assignment.target_length if assignment else None,
                plan_item=plan_item,
                missing=missing,
                slot=slot,
                assignment=assignment,
                article=article,
                section=slot.get_section_display(),
            )
        )
    slated = [
        PlannerRow(
            headline=assignment.headline,
            stage=assignment.get_stage_display(),
            pages=_estimated_pages(assignment.target_length),
            words=assignment.target_length,
            plan_item=assignment.plan_item,
            missing=[_("Not in the lineup")],
            assignment=assignment,
        )
        for assignment in Assignment.objects.with_stage()
        .filter(projected_issue=issue)
        .exclude(pk__in=in_lineup)
        .select_related("plan_item__plan")
        .order_by("due_date", "pk")
    ]
    return IssuePlan(issue=issue, rows=rows, slated=slated)
