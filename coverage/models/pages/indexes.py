"""Reader indexes: articles by tag, by author and by organisation.

Each index is one page with a route per item (/the/<slug>/, /tac-gia/<slug>/,
/don-vi/<slug>/). They list visible articles only, and an item with none is a 404,
so a draft never reveals its tags, authors or organisations.
"""

from __future__ import annotations

from typing import ClassVar

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from coverage.models.pages.articles import ArticlePage
from coverage.models.pages.hubs import paged_canonical
from coverage.models.pages.mixins import ReaderPageMixin
from coverage.models.tags import Tag
from editorial.models import Author, Organisation

ARTICLES_PER_PAGE = 12


class ArticleIndexPage(ReaderPageMixin, RoutablePageMixin, Page):
    """Base of the tag, author and organisation indexes: one page, a route per item."""

    parent_page_types: ClassVar[list] = ["coverage.HomePage"]
    subpage_types: ClassVar[list] = []
    max_count = 1

    item_template: ClassVar[str] = ""
    # From an article to its items, e.g. "bylines__author".
    article_lookup: ClassVar[str] = ""
    # From an item back to the article's primary key, e.g. "bylines__page".
    item_relation: ClassVar[str] = ""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Optional lines above the list.")
    )

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def items(self) -> models.QuerySet:
        """Every item of this index (subclasses say which model)."""
        raise NotImplementedError

    def visible_articles(self):
        return ArticlePage.objects.visible()

    def items_with_articles(self) -> models.QuerySet:
        """Items with at least one visible article, each with ``article_count``."""
        visible = Q(**{f"{self.item_relation}__in": self.visible_articles().values("pk")})
        return (
            self.items()
            .annotate(article_count=Count(self.item_relation, filter=visible, distinct=True))
            .filter(article_count__gt=0)
        )

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"items": self.items_with_articles()})

    @path("<slug:slug>/", name="item")
    def item(self, request, slug):
        item = self.items().filter(slug=slug).first()
        if item is None:
            raise Http404
        articles = (
            self.visible_articles()
            .filter(
                pk__in=self.visible_articles().filter(**{self.article_lookup: item}).values("pk")
            )
            .for_cards()
        )
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        if paginator.count == 0:
            raise Http404
        page_of_articles = paginator.get_page(request.GET.get("trang"))
        return self.render(
            request,
            template=self.item_template,
            context_overrides={
                "item": item,
                "articles": page_of_articles,
                "canonical": paged_canonical(request, page_of_articles),
            },
        )

    def item_url(self, item, base: str | None = None) -> str:
        """The item's page under this index: site-relative, or after ``base`` (this page's
        full URL) for the sitemap and purges."""
        path = self.reverse_subpage("item", kwargs={"slug": item.slug}).lstrip("/")
        return (base or self.url) + path

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls.extend({"location": self.item_url(item, base)} for item in self.items_with_articles())
        return urls


class TagIndexPage(ArticleIndexPage):
    """Tag pages: /the/ lists the tags in use, /the/<slug>/ the articles with one tag."""

    template = "pages/tag_index_page.html"
    item_template = "pages/tag_page.html"
    article_lookup = "tagged_items__tag"
    item_relation = "tagged_articles__content_object"

    class Meta:
        verbose_name = _("tag index")

    def items(self):
        return Tag.objects.order_by("name")


class AuthorIndexPage(ArticleIndexPage):
    """Author pages: one per byline, with the author's bio and articles."""

    template = "pages/author_index_page.html"
    item_template = "pages/author_page.html"
    article_lookup = "bylines__author"
    item_relation = "bylines__page"

    class Meta:
        verbose_name = _("author index")

    def items(self):
        return Author.objects.select_related("organisation")


class OrganisationIndexPage(ArticleIndexPage):
    """Organisation pages: coverage mentioning an enterprise, bank or body."""

    template = "pages/organisation_index_page.html"
    item_template = "pages/organisation_page.html"
    article_lookup = "organisations"
    item_relation = "articles"

    class Meta:
        verbose_name = _("organisation index")

    def items(self):
        return Organisation.objects.all()
