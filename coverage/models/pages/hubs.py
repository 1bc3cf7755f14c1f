"""Topic hubs: one public page per programme topic, holding that topic's articles."""

from __future__ import annotations

from typing import ClassVar

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from coverage.feeds import TopicFeed
from coverage.models.pages.articles import ArticlePage
from coverage.models.pages.mixins import ReaderPageMixin

ARTICLES_PER_PAGE = 12


class TopicHubPage(ReaderPageMixin, RoutablePageMixin, Page):
    """The public page of one programme topic: its description and its articles, newest first.

    Articles are written as children of their topic's hub; the hub's RSS feed is at rss/.
    """

    template = "pages/topic_hub_page.html"
    parent_page_types: ClassVar[list] = ["coverage.ProgrammePage"]
    subpage_types: ClassVar[list] = ["coverage.ArticlePage"]

    topic = models.OneToOneField(
        "editorial.ProgrammeTopic",
        verbose_name=_("programme topic"),
        on_delete=models.PROTECT,
        related_name="hub_page",
        help_text=_("The content area this hub shows. Each topic has exactly one hub."),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional lines for readers above the list; the topic's description follows."),
    )

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("topic hub")
        verbose_name_plural = _("topic hubs")

    def live_articles(self):
        return ArticlePage.objects.visible().child_of(self)

    @path("")
    def index(self, request):
        paginator = Paginator(self.live_articles().for_cards(), ARTICLES_PER_PAGE)
        articles = paginator.get_page(request.GET.get("trang"))
        context = {"articles": articles, "canonical": paged_canonical(request, articles)}
        return self.render(request, context_overrides=context)

    @path("rss/", name="feed")
    def feed(self, request):
        return TopicFeed()(request, hub=self)

    @property
    def feed_url(self) -> str:
        return self.url + self.reverse_subpage("feed")


def paged_canonical(request, page_of_articles) -> str:
    """The canonical path of a list page: page 1 has no query string, page N has ?trang=N."""
    number = page_of_articles.number
    return request.path if number == 1 else f"{request.path}?trang={number}"


def attach_hubs(articles, hubs) -> None:
    """Give each article its hub from ``hubs`` so ``article.topic`` costs no query."""
    by_path = {hub.path: hub for hub in hubs}
    for article in articles:
        hub = by_path.get(article.path[: -article.steplen])
        if hub is not None:
            article.__dict__["hub"] = hub


def latest_per_hub(hubs: list[TopicHubPage], per_hub: int) -> dict[int, list]:
    """The newest ``per_hub`` visible articles of each hub.

    Per hub, a bounded query for the keys only, newest first (the database walks its
    index on the publication date and stops after ``per_hub``), then the cards in one
    query. A window function ranking every article of every hub took time that grew with
    the archive (108 ms of the home page at 20,000 articles on PostgreSQL).
    """
    visible = ArticlePage.objects.visible()  # the view restrictions read once
    keys = []
    for hub in hubs:
        newest = visible.child_of(hub).order_by("-first_published_at", "-pk")
        keys.extend(newest.values_list("pk", flat=True)[:per_hub])
    articles = list(ArticlePage.objects.filter(pk__in=keys).for_cards()) if keys else []
    attach_hubs(articles, hubs)
    result: dict[int, list] = {hub.pk: [] for hub in hubs}
    by_path = {hub.path: hub.pk for hub in hubs}
    for article in articles:
        result[by_path[article.path[: -article.steplen]]].append(article)
    return result
