"""Programme topics: the five content areas coverage is filed under."""

from typing import ClassVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Workflow, WorkflowPage
from wagtail.search import index

from editorial.models.mixins import AutoSlugMixin


class TopicQuerySet(models.QuerySet):
    def filing(self, page) -> "TopicQuerySet":
        """The topic ``page`` is filed under: the one whose hub is the page's parent.

        The one rule for "the topic of an article". The same rule in SQL, for many
        articles at once, is ``editorial.desk.articles.topic_of_path``; a topic's articles
        are ``TopicHub.contains`` there.
        """
        if not page.path or page.depth is None or page.depth < 2:
            return self.none()
        return self.filter(hub_page__path=page.path[: -page.steplen])


class ProgrammeTopic(AutoSlugMixin, index.Indexed, models.Model):
    """A content area of the programme (e.g. "refuting wrong and hostile views").

    Each topic has a public hub page where its articles live, and the publication
    pipeline (a Wagtail workflow) every article filed under it passes through. The
    pipeline is stored once, where Wagtail looks for it: assigned to the hub page
    (``WorkflowPage``). The topic's form edits that assignment; Wagtail's Workflows screen
    edits the same row (``editorial.pipelines.routing``).
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
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in menus and lists.")
    )

    objects = TopicQuerySet.as_manager()

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

    @property
    def pipeline(self) -> Workflow | None:
        """The workflow assigned to the topic's hub page; None when the hub has none
        (its articles then take the programme page's, the standard one) or no hub yet."""
        try:
            hub_id = self.hub_page.pk
        except ObjectDoesNotExist:
            return None
        assigned = WorkflowPage.objects.filter(page_id=hub_id).select_related("workflow").first()
        return assigned.workflow if assigned else None
