"""Assignments (đặt bài): the commission of one article, from proposal to publication.

Before a draft exists the assignment's stage is its own ``status`` (proposed,
commissioned, accepted, declined, cancelled). Once "start draft" has created the article
page, the stage is read from that page's Wagtail state (live, scheduled revision,
workflow state) by ``AssignmentQuerySet.with_stage()``, in the database, so listings can
filter and sort on it. Nothing about the article's progress is stored here.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, WorkflowState
from wagtail.search import index

from editorial.desk.articles import plan_item_of_article
from editorial.enums import (
    AssignmentPriority,
    AssignmentStage,
    AssignmentStatus,
    DeskNotice,
    PhotoNeeds,
)
from editorial.text import person_name

# Stages in which nothing is owed any more: such an assignment is never overdue.
CLOSED_STAGES = (
    AssignmentStage.DECLINED,
    AssignmentStage.CANCELLED,
    AssignmentStage.SCHEDULED,
    AssignmentStage.PUBLISHED,
)
# Stages a person is still working towards (desk panel, reminders).
OPEN_STAGES = tuple(stage for stage in AssignmentStage if stage not in CLOSED_STAGES)


def _for_article(queryset: models.QuerySet) -> models.QuerySet:
    """Rows of a Wagtail generic model (workflow states, revisions) about the outer
    assignment's article page. ``object_id`` is text there, hence the cast."""
    return queryset.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef("article_id"), models.CharField(max_length=255)),
    )


class AssignmentQuerySet(models.QuerySet):
    def with_filing(self) -> AssignmentQuerySet:
        """Annotate ``filed_plan_item`` (an id): the commission's plan item until a draft
        exists, then the article's own, so re-filing the article moves the assignment
        with it (one truth: the article)."""
        return self.annotate(
            filed_plan_item=Case(
                When(article__isnull=True, then=F("plan_item_id")),
                default=plan_item_of_article(),
                output_field=models.BigIntegerField(),
            )
        )

    def with_stage(self, today: datetime.date | None = None) -> AssignmentQuerySet:
        """Annotate ``stage``, ``review_step`` (the pipeline step's name while in review)
        and ``is_overdue``, all computed by the database from the article's state."""
        today = today or timezone.localdate()
        workflows = _for_article(WorkflowState.objects.all())
        scheduled = _for_article(Revision.objects.filter(approved_go_live_at__isnull=False))
        stage = Case(
            When(article__isnull=True, then=F("status")),
            When(article__live=True, then=Value(AssignmentStage.PUBLISHED.value)),
            When(
                Exists(workflows.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)),
                then=Value(AssignmentStage.CHANGES_REQUESTED.value),
            ),
            When(
                Exists(workflows.filter(status=WorkflowState.STATUS_IN_PROGRESS)),
                then=Value(AssignmentStage.IN_REVIEW.value),
            ),
            When(Exists(scheduled), then=Value(AssignmentStage.SCHEDULED.value)),
            default=Value(AssignmentStage.DRAFTING.value),
            output_field=models.CharField(max_length=32),
        )
        review_step = Subquery(
            workflows.filter(status=WorkflowState.STATUS_IN_PROGRESS).values(
                "current_task_state__task__name"
            )[:1]
        )
        return self.annotate(stage=stage, review_step=review_step).annotate(
            is_overdue=Case(
                When(
                    Q(due_date__lt=today) & ~Q(stage__in=[s.value for s in CLOSED_STAGES]),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )


class Assignment(index.Indexed, models.Model):
    """One commissioned article (đặt bài): what to write, for whom, by when.

    An editor commissions it; the journalist (or, for an external author, the staff
    contact) accepts or declines; "start draft" creates the article page under the
    topic's hub, after which progress is read from the page.
    """

    headline = models.CharField(
        _("working headline"),
        max_length=255,
        help_text=_("A provisional headline; it becomes the draft article's title."),
    )
    brief = models.TextField(
        _("brief"),
        help_text=_("What the article should cover: angle, sources, questions to answer."),
    )
    topic = models.ForeignKey(
        "editorial.ProgrammeTopic",
        verbose_name=_("programme topic"),
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text=_("The content area; the draft is filed under this topic's hub page."),
    )
    plan_item = models.ForeignKey(
        "editorial.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        help_text=_("The annual-plan item the article delivers, if any."),
    )
    # A string reference: editorial never imports the reader site's page classes.
    projected_issue = models.ForeignKey(
        "coverage.PrintIssuePage",
        verbose_name=_("projected issue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="slated_assignments",
        help_text=_("The print issue the piece is slated for, if it should run in print."),
    )
    beat = models.ForeignKey(
        "editorial.Beat",
        verbose_name=_("beat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        help_text=_("The beat the story comes from, if any."),
    )
    source_log_entry = models.ForeignKey(
        "editorial.BeatLogEntry",
        verbose_name=_("from log entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        editable=False,
    )
    # Set when a received exchange item becomes an assignment (editorial.exchange).
    source_exchange_item = models.ForeignKey(
        "editorial.ExchangeItem",
        verbose_name=_("from exchange item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        editable=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("journalist"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="desk_assignments",
        help_text=_("The staff journalist who writes it. Leave blank for an external author."),
    )
    external_author = models.ForeignKey(
        "editorial.Author",
        verbose_name=_("external author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        help_text=_("An outside writer (enterprise leader, researcher) without an account."),
    )
    staff_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff contact"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_assignments",
        help_text=_("For an external author: the colleague who liaises and files the text."),
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("commissioning editor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commissioned_assignments",
        help_text=_("The editor who commissions it and hears when it is accepted or declined."),
    )
    due_date = models.DateField(_("due date"), help_text=_("When the text is due on the desk."))
    target_length = models.PositiveIntegerField(
        _("target length (words)"),
        null=True,
        blank=True,
        help_text=_("Roughly how many words, e.g. 1500 for a news feature, 4000 for research."),
    )
    photo_needs = models.CharField(
        _("photo needs"),
        max_length=16,
        choices=PhotoNeeds.choices,
        default=PhotoNeeds.NONE,
        help_text=_("Whether the photo desk must find or take pictures."),
    )
    photo_notes = models.TextField(
        _("photo notes"),
        blank=True,
        help_text=_("What the photos should show, where and when they can be taken."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        choices=AssignmentPriority.choices,
        default=AssignmentPriority.NORMAL,
        help_text=_("Urgent work comes first on the desk."),
    )
    status = models.CharField(
        _("status before drafting"),
        max_length=16,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PROPOSED,
        editable=False,
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True, editable=False)
    article = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignment",
        editable=False,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_assignments",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    commissioned_at = models.DateTimeField(_("commissioned"), null=True, editable=False)
    answered_at = models.DateTimeField(_("accepted or declined"), null=True, editable=False)

    objects = AssignmentQuerySet.as_manager()

    search_fields: ClassVar[list] = [
        index.SearchField("headline", boost=2),
        index.AutocompleteField("headline"),
        index.SearchField("brief"),
        index.FilterField("status"),
        index.FilterField("assignee_id"),
        index.FilterField("topic_id"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["due_date", "priority", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        permissions: ClassVar[list] = [
            ("commission_assignment", _("Can commission, reassign and cancel assignments")),
            ("view_photo_assignment", _("Can see assignments that need photos")),
        ]
        constraints: ClassVar[list] = [
            models.CheckConstraint(
                condition=Q(assignee__isnull=True) | Q(external_author__isnull=True),
                name="assignment_one_writer",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    # --- Validation --------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        errors: dict[str, object] = {}
        if self.assignee_id and self.external_author_id:
            errors["external_author"] = _(
                "Choose either a staff journalist or an external author, not both."
            )
        if self.external_author_id and not self.staff_contact_id:
            errors["staff_contact"] = _("An external author needs a staff contact.")
        if self._state.adding and self.due_date and self.due_date < timezone.localdate():
            errors["due_date"] = _("The due date cannot be in the past.")
        plan_item = self.plan_item if self.plan_item_id else None
        if plan_item and plan_item.topic_id and plan_item.topic_id != self.topic_id:
            errors["plan_item"] = _("This plan item belongs to another topic: %(topic)s.") % {
                "topic": plan_item.topic
            }
        if errors:
            raise ValidationError(errors)

    # --- Reading the stage ------------------------------------------------------------

    @property
    def current_stage(self) -> AssignmentStage:
        """The stage, from the ``with_stage()`` annotation if the row came with one;
        otherwise asked of the database the same way, so there is one definition."""
        stage = getattr(self, "stage", None)
        if stage is None:
            stage = Assignment.objects.with_stage().values_list("stage", flat=True).get(pk=self.pk)
            self.stage = stage
        return AssignmentStage(stage)

    def get_stage_display(self) -> str:
        stage = self.current_stage
        step = getattr(self, "review_step", None)
        if stage == AssignmentStage.IN_REVIEW and step:
            return f"{stage.label}: {step}"
        return str(stage.label)

    @property
    def overdue(self) -> bool:
        annotated = getattr(self, "is_overdue", None)
        if annotated is not None:
            return bool(annotated)
        return self.due_date < timezone.localdate() and self.current_stage not in CLOSED_STAGES

    # --- People -------------------------------------------------------------------------

    @property
    def writer_display(self) -> str:
        """Who writes it: the journalist's name, or the external author."""
        if self.external_author_id:
            return str(self.external_author)
        if self.assignee_id:
            return person_name(self.assignee)
        return ""

    @property
    def responsible_user(self):
        """The account that answers for the writing: the journalist, or the staff contact."""
        return self.assignee if self.assignee_id else self.staff_contact

    def is_responsible(self, user) -> bool:
        return user.pk is not None and user.pk in (self.assignee_id, self.staff_contact_id)


class DeskNotification(models.Model):
    """A mail the desk sent about an assignment: lets the daily reminder run skip what
    it already sent (one per assignment, kind, recipient and due date)."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=16, choices=DeskNotice.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_notifications"
    )
    # The reminders are about a due date; moving it makes a new reminder due.
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("desk notification")
        verbose_name_plural = _("desk notifications")
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "recipient", "due_date"],
                name="unique_desk_notification",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.assignment})"
