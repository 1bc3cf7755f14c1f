"""Annual plans: what the two bodies agreed to deliver in a year, item by item."""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from editorial.enums import PlanItemKind
from editorial.models.programme import YEAR_VALIDATORS


class AnnualPlan(RevisionMixin, index.Indexed, ClusterableModel):
    """One year's plan under a programme, edited with its items and kept in revisions."""

    programme = models.ForeignKey(
        "editorial.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="plans",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=YEAR_VALIDATORS, help_text=_("The calendar year this plan covers.")
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Optional; e.g. Chương trình phối hợp năm 2020."),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Anything agreed beyond the items.")
    )

    search_fields: ClassVar[list] = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("year"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["year"]
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        # The delivery reports (editorial/reports/) read every plan, article and
        # assignment: a permission of their own, held by editors and the editor-in-chief.
        permissions: ClassVar[list] = [
            ("view_reports", _("Can see the programme delivery reports")),
        ]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["programme", "year"], name="unique_plan_year")
        ]

    def __str__(self) -> str:
        return self.title or _("Plan %(year)s") % {"year": self.year}

    def clean(self) -> None:
        super().clean()
        programme = getattr(self, "programme", None)
        if programme and self.year and self.year not in programme.years():
            raise ValidationError(
                {
                    "year": _("The programme runs from %(start)s to %(end)s.")
                    % {"start": programme.start_year, "end": programme.end_year}
                }
            )


class PlanItemManager(models.Manager):
    # An item is named by its plan's year ("2021: ..."): every choice list of items (the
    # article editor, events, assignments and their filters) would read each plan again.
    def get_queryset(self):
        return super().get_queryset().select_related("plan")


class PlanItem(Orderable, index.Indexed):
    """One thing the plan promises, with a target; delivery is counted, never typed in.

    Articles and events point at the item they fulfil; reports count those that are
    live (articles) or held (events) against ``target``.
    """

    plan = ParentalKey(AnnualPlan, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(
        _("title"), max_length=255, help_text=_("Short name of the deliverable, for lists.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What exactly was agreed.")
    )
    topic = models.ForeignKey(
        "editorial.ProgrammeTopic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
        help_text=_("The content area this item belongs to."),
    )
    lead_organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("lead"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_plan_items",
        help_text=_("The body responsible for delivering it."),
    )
    kind = models.CharField(
        _("kind"), max_length=32, choices=PlanItemKind.choices, default=PlanItemKind.OTHER
    )
    target = models.PositiveSmallIntegerField(
        _("target"),
        null=True,
        blank=True,
        help_text=_(
            "How many articles or events fulfil it. Leave blank for a done / not done item "
            "(done once one deliverable exists)."
        ),
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, help_text=_("Must fall within the plan's year.")
    )
    notes = models.TextField(_("notes"), blank=True)
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("Tick for illustrative items that were not formally agreed."),
    )

    objects = PlanItemManager()

    search_fields: ClassVar[list] = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("topic_id"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return f"{self.plan.year}: {self.title}" if self.plan_id else self.title

    @property
    def effective_target(self) -> int:
        """A done / not done item counts as a target of one."""
        return self.target or 1

    def due_date_error(self, year: int | None):
        """The error for a due date outside ``year``, or None. Shared with the plan form."""
        if self.due_date and year and self.due_date.year != year:
            return _("The due date must fall within %(year)s, the plan's year.") % {"year": year}
        return None

    def clean(self) -> None:
        super().clean()
        plan = getattr(self, "plan", None)
        error = self.due_date_error(plan.year if plan else None)
        if error:
            raise ValidationError({"due_date": error})
