"""Programme topics: the five content areas coverage is filed under."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from editorial.models.mixins import AutoSlugMixin


class ProgrammeTopic(AutoSlugMixin, index.Indexed, models.Model):
    """A content area of the programme (e.g. "refuting wrong and hostile views").

    Each topic has a public hub page where its articles live, and the publication
    pipeline (a Wagtail workflow) every article filed under it passes through; the
    pipeline is assigned to the hub page (``editorial.pipelines.routing``).
    """

    programme = models.ForeignKey(
        "editorial.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="topics",
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The area's number in the signed text (1–5).")
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "Short Vietnamese name shown to readers, e.g. Đấu tranh phản bác quan điểm sai trái."
        ),
    )
    name_en = models.CharField(
        _("English gloss"),
        max_length=255,
        blank=True,
        help_text=_("English name for partners and reports."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the area covers, in your own words; shown on the topic's hub page."),
    )
    lead_organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_topics",
        help_text=_("The body that leads work in this area."),
    )
    pipeline = models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=_("publication pipeline"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_topics",
        help_text=_(
            "The approval workflow every article filed under this topic passes through. "
            "Changing it applies to the next submission. Left empty, articles take the "
            "pipeline assigned to the programme page (the standard one)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in menus and lists.")
    )

    search_fields: ClassVar[list] = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("name_en"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["sort_order", "number"]
        verbose_name = _("programme topic")
        verbose_name_plural = _("programme topics")
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_topic_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"
