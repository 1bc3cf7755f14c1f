"""The site's root page: the lead story, the latest per topic and the programme at a glance."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from coverage.models.pages.articles import SHARE_FILTER, ArticlePage
from coverage.models.pages.hubs import TopicHubPage, attach_hubs, latest_per_hub
from coverage.models.pages.mixins import ReaderPageMixin
from coverage.models.pages.programme import ProgrammePage

LATEST_PER_TOPIC = 3


class HomePage(ReaderPageMixin, Page):
    """The front page of the coverage site. One per site; it sits at the root of the tree."""

    template = "pages/home_page.html"
    max_count = 1
    parent_page_types: ClassVar[list] = ["wagtailcore.Page"]
    subpage_types: ClassVar[list] = [
        "coverage.ProgrammePage",
        "coverage.TagIndexPage",
        "coverage.AuthorIndexPage",
        "coverage.OrganisationIndexPage",
        "coverage.PrintIssueIndexPage",
    ]

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the site name saying what this site covers."),
    )
    lead_article = models.ForeignKey(
        "coverage.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The story at the top of the home page. Leave blank to lead with the newest."),
    )

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("lead_article"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programme_page = (
            ProgrammePage.objects.live().descendant_of(self).select_related("programme").first()
        )
        hubs = []
        if programme_page is not None:
            hubs = list(
                TopicHubPage.objects.live()
                .child_of(programme_page)
                .select_related("topic")
                .order_by("topic__sort_order", "topic__number")
            )
        visible = ArticlePage.objects.visible()
        lead = None
        if self.lead_article_id:
            lead = visible.filter(pk=self.lead_article_id).for_cards(SHARE_FILTER).first()
        if lead is None:
            lead = visible.for_cards(SHARE_FILTER).first()
        if lead is not None:
            attach_hubs([lead], hubs)
        latest = latest_per_hub(hubs, LATEST_PER_TOPIC)
        context.update(
            lead=lead,
            programme_page=programme_page,
            topic_sections=[(hub, latest.get(hub.pk, [])) for hub in hubs],
        )
        return context
