"""Print issues: the journal's numbered issues, their lineups and proof rounds.

An issue is a page under the issues index ("/so-tap-chi/"), so it has a public table of
contents, revisions and history. Its lineup (``IssueSlot``) is the one truth of which
issue an article ran in: the article reads it from there. Proof rounds are part of the
issue's own revisions; the editor-in-chief's sign-off is its own row (``IssueSignOff``),
so publishing an older revision never undoes it, and the audit log records it.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, Page

from coverage.enums import IssueKind, IssueSection, IssueStatus
from coverage.models.pages.articles import ArticlePage
from coverage.models.pages.mixins import ReaderPageMixin

JOURNAL_NAME = "Tạp chí Cộng sản"


class IssueSlotQuerySet(models.QuerySet):
    def in_print(self) -> IssueSlotQuerySet:
        """Slots of live, public issues, earliest issue first, with the issue loaded
        (``ArticlePage.print_slot`` reads its own through ``print_slots``)."""
        return (
            self.filter(issue__live=True, issue__in=Page.objects.public())
            .select_related("issue")
            .order_by("issue__print_date", "issue__number")
        )


class PrintIssueIndexPage(ReaderPageMixin, Page):
    """The issues archive ("/so-tap-chi/"), by year, newest first. One per site."""

    template = "pages/print_issue_index_page.html"
    max_count = 1
    parent_page_types: ClassVar[list] = ["coverage.HomePage"]
    subpage_types: ClassVar[list] = ["coverage.PrintIssuePage"]

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Optional lines above the archive.")
    )

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("issues archive")

    def issues_by_year(self) -> list[tuple[int, list]]:
        issues = (
            PrintIssuePage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover")
            .order_by("-print_date", "-number")
        )
        years: dict[int, list] = {}
        for issue in issues:
            years.setdefault(issue.print_date.year, []).append(issue)
        return list(years.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = self.issues_by_year()
        return context


class PrintIssuePage(ReaderPageMixin, Page):
    """One printed issue (Số 940): its lineup, page budget, proof rounds and cover.

    Editors plan it in the issue planner (from the page's header), slate commissioned
    pieces for it from the assignment form, run proof rounds in its "Proof" tab; the
    editor-in-chief signs the final proof off from the planner.
    """

    template = "pages/print_issue_page.html"
    parent_page_types: ClassVar[list] = ["coverage.PrintIssueIndexPage"]
    subpage_types: ClassVar[list] = []

    number = models.PositiveIntegerField(
        _("issue number"), unique=True, help_text=_("The printed number, e.g. 940 for Số 940.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=IssueKind.choices,
        default=IssueKind.MONTHLY,
        help_text=_("A monthly issue, or a thematic one (chuyên đề) with its own title."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=255,
        blank=True,
        help_text=_("Thematic issues only: the theme printed on the cover."),
    )
    print_date = models.DateField(
        _("planned print date"), help_text=_("When the issue goes to the printer.")
    )
    page_budget = models.PositiveSmallIntegerField(
        _("page budget"),
        default=100,
        help_text=_("How many pages the issue has for articles; the planner warns beyond it."),
    )
    cover = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The printed cover; its credit comes from the image."),
    )

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("kind"), FieldPanel("print_date")]),
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("page_budget"), FieldPanel("cover")]),
        InlinePanel("slots", heading=_("Lineup"), label=_("slot")),
    ]
    proof_panels: ClassVar[list] = [
        InlinePanel("proof_rounds", heading=_("Proof rounds"), label=_("proof round"), max_num=3),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(proof_panels, heading=_("Proof")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("print issue")
        verbose_name_plural = _("print issues")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """ "Số 940" ("Số chuyên đề 163" for a thematic issue)."""
        prefix = "Số chuyên đề" if self.kind == IssueKind.THEMATIC else "Số"
        return f"{prefix} {self.number}"

    @property
    def dated_label(self) -> str:
        """ "Số 940, tháng 3-2020" (and the theme of a thematic issue)."""
        theme = f" ({self.theme})" if self.kind == IssueKind.THEMATIC and self.theme else ""
        return f"{self.label}{theme}, tháng {self.print_date.month}-{self.print_date.year}"

    @cached_property
    def sign_off(self) -> IssueSignOff | None:
        return IssueSignOff.objects.filter(issue=self).select_related("signed_by").first()

    @property
    def status(self) -> IssueStatus:
        """Derived: proof rounds put it in proof, the sign-off sends it to print, and a
        signed issue whose page is live is online."""
        # A listing annotates ``is_signed`` and ``round_count`` to read it without queries.
        signed = getattr(self, "is_signed", None)
        if signed is None:
            signed = self.sign_off is not None
        if signed:
            return IssueStatus.ONLINE if self.live else IssueStatus.PRINTED
        rounds = getattr(self, "round_count", None)
        if rounds is None:
            rounds = self.proof_rounds.count()
        return IssueStatus.IN_PROOF if rounds else IssueStatus.PLANNING

    def table_of_contents(self) -> list[tuple[str, list]]:
        """The online articles of the lineup by section, in lineup order (one query).

        Slots whose article is not visible (a draft, an assignment) are left out: a
        reader never learns the headline of a piece still being written.
        """
        slots = (
            self.slots.filter(article__in=ArticlePage.objects.visible())
            .select_related("article")
            .defer("article__body")
            .order_by("sort_order", "pk")
        )
        sections: list[tuple[str, list]] = []
        for slot in slots:
            if not sections or sections[-1][0] != slot.get_section_display():
                sections.append((slot.get_section_display(), []))
            sections[-1][1].append(slot)
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.table_of_contents()
        return context


class IssueSlot(Orderable):
    """One place in an issue's lineup: an article and/or the assignment it comes from."""

    objects = IssueSlotQuerySet.as_manager()

    issue = ParentalKey("coverage.PrintIssuePage", on_delete=models.CASCADE, related_name="slots")
    section = models.CharField(
        _("section"),
        max_length=16,
        choices=IssueSection.choices,
        default=IssueSection.STUDIES,
        help_text=_("The journal section the piece prints in."),
    )
    article = models.ForeignKey(
        "coverage.ArticlePage",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="print_slots",
        help_text=_("The article page, once there is one."),
    )
    assignment = models.ForeignKey(
        "editorial.Assignment",
        verbose_name=_("assignment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="print_slots",
        help_text=_("The commission the piece comes from, before its article exists."),
    )
    start_page = models.PositiveSmallIntegerField(
        _("first page"), null=True, blank=True, help_text=_("Where it starts in print.")
    )
    page_count = models.PositiveSmallIntegerField(
        pgettext_lazy("issue slot", "pages"),
        default=4,
        help_text=_("How many printed pages it takes."),
    )

    panels: ClassVar[list] = [
        FieldRowPanel([FieldPanel("section"), FieldPanel("start_page"), FieldPanel("page_count")]),
        FieldRowPanel([FieldPanel("article"), FieldPanel("assignment")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("lineup slot")
        verbose_name_plural = _("lineup")

    @property
    def end_page(self) -> int | None:
        if self.start_page is None:
            return None
        return self.start_page + max(self.page_count, 1) - 1


class ProofRound(Orderable, ClusterableModel):
    """A proof round (đọc soát, morat 1/2/3): who reads it, by when, what they corrected."""

    issue = ParentalKey(
        "coverage.PrintIssuePage", on_delete=models.CASCADE, related_name="proof_rounds"
    )
    due_date = models.DateField(_("due date"), help_text=_("When the proofs are due back."))
    proofreaders = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proof-readers"),
        blank=True,
        related_name="proof_rounds",
        help_text=_("Who reads this round's proofs."),
    )
    corrections = models.TextField(
        _("corrections"),
        blank=True,
        help_text=_("What the proof-readers corrected, page by page."),
    )
    completed_at = models.DateTimeField(
        _("completed"), null=True, blank=True, help_text=_("When the round was finished.")
    )

    panels: ClassVar[list] = [
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("completed_at")]),
        FieldPanel("proofreaders"),
        FieldPanel("corrections"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("proof round")
        verbose_name_plural = _("proof rounds")

    @property
    def number(self) -> int:
        """Round 1, 2, 3 in order (set by the planner, which numbers the rounds)."""
        return getattr(self, "_number", (self.sort_order or 0) + 1)


class IssueSignOff(models.Model):
    """The editor-in-chief's sign-off of the final proof: who and when (and the log entry)."""

    issue = models.OneToOneField(
        "coverage.PrintIssuePage", on_delete=models.CASCADE, related_name="signed_off"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        verbose_name = _("final proof sign-off")

    def __str__(self) -> str:
        return f"{self.issue} · {self.signed_by}"


__all__ = [
    "JOURNAL_NAME",
    "IssueSignOff",
    "IssueSlot",
    "PrintIssueIndexPage",
    "PrintIssuePage",
    "ProofRound",
]
