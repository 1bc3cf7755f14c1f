"""RSS 2.0 feeds (Django's syndication framework): the whole site, and one per topic hub.

Each item carries the hero photo as an enclosure, and its description repeats the
photo with caption and credit line before the sapo, so feed readers show the credit.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed, rfc3339_date
from wagtail.models import Page

from coverage.caching import mark_cacheable
from coverage.models.pages.articles import CARD_FILTER, ArticlePage

FEED_LENGTH = 30
SITE_TITLE = "Tạp chí Cộng sản · Khối Doanh nghiệp Trung ương"
SITE_DESCRIPTION = (
    "Tin bài của Tạp chí Cộng sản về chương trình phối hợp với "
    "Đảng ủy Khối Doanh nghiệp Trung ương, giai đoạn 2020–2025."
)


class UpdatedRssFeed(Rss201rev2Feed):
    """RSS 2.0 has no "modified" date: each item carries Atom's ``<atom:updated>``
    (the namespace Django's RSS already declares), the article's ``dateModified``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("updateddate") is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))


class ArticleFeed(Feed):
    """Newest visible articles, newest first; an article's notices open its description."""

    feed_type = UpdatedRssFeed
    language = "vi"

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return mark_cacheable(request, super().__call__(request, *args, **kwargs))

    def title(self, obj=None) -> str:
        return SITE_TITLE

    def description(self, obj=None) -> str:
        return SITE_DESCRIPTION

    def link(self, obj=None) -> str:
        return "/"

    def articles(self, obj=None):
        return ArticlePage.objects.visible()

    def items(self, obj=None) -> list:
        # The issue each item ran in, for all of them in one query; notices prefetched.
        return ArticlePage.attach_print_slots(
            self.articles(obj).for_cards().prefetch_related("notices")[:FEED_LENGTH]
        )

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url(self.request)

    def item_description(self, item: ArticlePage) -> str:
        hero = item.hero_image
        return render_to_string(
            "components/feed-item.html",
            {"article": item, "image": hero, "request": self.request},
        )

    def item_author_name(self, item: ArticlePage) -> str:
        return item.byline_text

    def item_pubdate(self, item: ArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage):
        return item.updated_at or item.last_published_at

    def item_guid(self, item: ArticlePage) -> str:
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_enclosures(self, item: ArticlePage) -> list[Enclosure]:
        image = item.hero_image
        if image is None:
            return []
        rendition = image.get_rendition(CARD_FILTER)
        try:
            length = rendition.file.size
        except OSError:
            length = 0
        mime = "image/png" if rendition.url.endswith(".png") else "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(rendition.url), str(length), mime)]


class SiteFeed(ArticleFeed):
    """The whole site's feed, at /rss/."""


class TopicFeed(ArticleFeed):
    """One topic hub's feed, at <hub>/rss/: served by the hub's own route
    (``TopicHubPage.feed``), which passes itself, so this module need not know hubs."""

    def get_object(self, request: HttpRequest, hub: Page):
        return hub

    def title(self, obj: Page) -> str:
        return f"{obj.title} · {SITE_TITLE}"

    def description(self, obj: Page) -> str:
        return obj.topic.description or SITE_DESCRIPTION

    def link(self, obj: Page) -> str:
        return obj.get_url(self.request)

    def articles(self, obj: Page):
        return ArticlePage.objects.visible().child_of(obj)
