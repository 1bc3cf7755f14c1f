"""The programme page: the signed deal and the year's plan, read from the newsroom's models."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from coverage.models.pages.articles import ArticlePage
from coverage.models.pages.mixins import ReaderPageMixin
from editorial.enums import SignatoryRole
from editorial.models import Programme, ProgrammeParty, ProgrammePerson, ProgrammeResponsibility


class ProgrammePage(ReaderPageMixin, Page):
    """The coordination programme for readers: parties, signatories, witness, period,
    purposes, topics and a year's plan. Editors maintain the facts in the newsroom's
    programme screens; this page only chooses which programme to show.
    """

    template = "pages/programme_page.html"
    max_count = 1
    parent_page_types: ClassVar[list] = ["coverage.HomePage"]
    subpage_types: ClassVar[list] = ["coverage.TopicHubPage"]

    programme = models.ForeignKey(
        "editorial.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="programme_pages",
        help_text=_("The signed programme this page presents."),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional lines above the programme's own summary."),
    )

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("programme"),
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    def get_programme(self):
        """The programme with its parties, people, purposes and mechanism (fixed queries)."""
        return Programme.objects.prefetch_related(
            "purposes",
            *(
                Prefetch(relation, queryset=model.objects.select_related("organisation"))
                for relation, model in _with_organisation()
            ),
        ).get(pk=self.programme_id)

    def topics_with_hubs(self, programme) -> list:
        """The programme's topics; each carries ``live_hub`` (its hub if live, else None)."""
        topics = list(programme.topics.select_related("hub_page", "lead_organisation"))
        for topic in topics:
            hub = getattr(topic, "hub_page", None)
            topic.live_hub = hub if hub is not None and hub.live else None
        return topics

    def choose_plan(self, programme, requested_year: str | None):
        """The plan for the requested year, else this year's, else the latest with items."""
        plans = list(programme.plans.annotate(item_count=models.Count("items")).order_by("year"))
        by_year = {plan.year: plan for plan in plans}
        if requested_year and requested_year.isdigit() and int(requested_year) in by_year:
            return by_year[int(requested_year)], plans
        this_year = by_year.get(timezone.localdate().year)
        if this_year is not None and this_year.item_count:
            return this_year, plans
        with_items = [plan for plan in plans if plan.item_count]
        return (with_items[-1] if with_items else None), plans

    def plan_items(self, plan) -> list:
        """The plan's items with their topic, lead and live articles."""
        if plan is None:
            return []
        live = ArticlePage.objects.visible().defer_streamfields().order_by("first_published_at")
        return list(
            plan.items.select_related("topic", "lead_organisation").prefetch_related(
                Prefetch("articles", queryset=live, to_attr="live_articles")
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programme = self.get_programme()
        plan, plans = self.choose_plan(programme, request.GET.get("nam"))
        people = list(programme.people.all())
        context.update(
            programme=programme,
            signatories=[p for p in people if p.role == SignatoryRole.SIGNATORY],
            witnesses=[p for p in people if p.role == SignatoryRole.WITNESS],
            topics=self.topics_with_hubs(programme),
            plan=plan,
            plans=plans,
            plan_items=self.plan_items(plan),
        )
        return context


def _with_organisation():
    """The programme's inline relations whose rows point at an organisation."""
    return [
        ("parties", ProgrammeParty),
        ("people", ProgrammePerson),
        ("responsibilities", ProgrammeResponsibility),
    ]
