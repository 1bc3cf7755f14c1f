"""The endpoints: articles, topics, images, authors and organisations.

Each lists and shows only what ``coverage.api.sources`` allows, and fetches what its
fields read in a fixed number of queries per page (``with_related``).
"""

from __future__ import annotations

from typing import ClassVar

from django.db.models import Prefetch

from coverage.api import representations as show
from coverage.api import sources
from coverage.api.base import PublicAPIViewSet
from coverage.api.filters import ARTICLE_FILTERS, filter_articles, search_terms
from coverage.models import ArticleByline, ArticlePage, CreditedImage, TopicHubPage
from coverage.models.pages.hubs import attach_hubs
from editorial.models import Author, Organisation


def _type(obj, view) -> str:
    # Wagtail API v2's form, e.g. "coverage.ArticlePage".
    return type(obj)._meta.label


def _detail_url(obj, view) -> str:
    return view.detail_url(obj)


def _html_url(page, view) -> str:
    return page.get_full_url(view.request)


def _image_field(read):
    return lambda picture, view: read(picture)


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


class ArticlesAPIViewSet(PublicAPIViewSet):
    """Live articles, newest first; filters by topic, organisation, tag, dates; search."""

    endpoint_name = "articles"
    model = ArticlePage
    filter_parameters = ARTICLE_FILTERS
    # "id", not "pk", breaks ties: the search index can sort on its filter fields only.
    orderings: ClassVar[dict] = {
        "-first_published_at": ("-first_published_at", "-id"),
        "first_published_at": ("first_published_at", "id"),
        "-last_published_at": ("-last_published_at", "-id"),
        "title": ("title", "id"),
        "-title": ("-title", "-id"),
    }
    meta_fields: ClassVar[dict] = {
        "type": _type,
        "detail_url": _detail_url,
        "html_url": _html_url,
    }
    fields: ClassVar[dict] = {
        "title": lambda a, v: a.title,
        "sapo": lambda a, v: a.sapo,
        "first_published_at": lambda a, v: _iso(a.first_published_at),
        "last_published_at": lambda a, v: _iso(a.last_published_at),
        "topic": lambda a, v: show.topic(a.hub),
        "bylines": lambda a, v: [show.author(b.author) for b in a.byline_list],
        # Sorted here: the prefetches come back in no set order on PostgreSQL.
        "organisations": lambda a, v: [
            show.organisation(o) for o in sorted(a.organisations.all(), key=lambda o: o.short_name)
        ],
        "tags": lambda a, v: [
            {"name": t.name, "slug": t.slug} for t in sorted(a.tags.all(), key=lambda t: t.name)
        ],
        "hero_image": lambda a, v: show.image(a.hero_image, v.request),
        "source_line": lambda a, v: a.source_line,
        "print_issue": lambda a, v: show.print_issue(a, v.request),
        "body": lambda a, v: show.body_blocks(a, v.body_images, v.request),
    }
    listing_fields: ClassVar[list] = [name for name in fields if name != "body"]
    detail_only_fields: ClassVar[list] = ["body"]

    def get_queryset(self):
        return sources.visible_articles()

    def filter_objects(self, queryset):
        queryset = filter_articles(queryset, self.request).defer_streamfields()
        terms = search_terms(self.request)
        if not terms:
            return queryset.order_by(*self.ordering())
        # The search backend filters on its index's filter fields only (not tags or
        # organisations): it gets the filtered articles' keys instead.
        queryset = ArticlePage.objects.filter(pk__in=queryset.values("pk")).defer_streamfields()
        if "order" in self.request.GET:
            return queryset.order_by(*self.ordering()).search(terms, order_by_relevance=False)
        return queryset.search(terms)

    def with_related(self, objects: list, names: list[str]) -> list:
        ids = [article.pk for article in objects]
        queryset = (
            ArticlePage.objects.filter(pk__in=ids)
            .select_related("hero_image")
            .prefetch_related(
                Prefetch(
                    "bylines",
                    queryset=ArticleByline.objects.select_related("author").order_by(
                        "sort_order", "pk"
                    ),
                ),
                "organisations",
                "tags",
            )
        )
        if "body" not in names:
            queryset = queryset.defer_streamfields()
        articles = {article.pk: article for article in queryset}
        # Every body photo of the page in one query (a body alone fetches its own).
        self.body_images = {}
        if "body" in names:
            wanted = {pk for a in articles.values() for pk in show.body_image_ids(a) if pk}
            self.body_images = CreditedImage.objects.in_bulk(wanted)
        attach_hubs(articles.values(), TopicHubPage.objects.select_related("topic"))
        ArticlePage.attach_print_slots(articles.values())  # the issue each ran in
        return [articles[pk] for pk in ids if pk in articles]


class TopicsAPIViewSet(PublicAPIViewSet):
    """The programme's topic hubs (the ``topic`` filter of articles takes their ids)."""

    endpoint_name = "topics"
    model = TopicHubPage
    orderings: ClassVar[dict] = {"number": ("topic__number", "pk"), "title": ("title", "pk")}
    meta_fields = ArticlesAPIViewSet.meta_fields
    fields: ClassVar[dict] = {
        "title": lambda h, v: h.title,
        "number": lambda h, v: h.topic.number,
        "name": lambda h, v: h.topic.name,
        "name_en": lambda h, v: h.topic.name_en,
        "description": lambda h, v: h.topic.description,
        "intro": lambda h, v: h.intro,
    }
    listing_fields: ClassVar[list] = list(fields)

    def get_queryset(self):
        return sources.visible_hubs().select_related("topic")


class ImagesAPIViewSet(PublicAPIViewSet):
    """Photos live articles show, each with its credit and caption."""

    endpoint_name = "images"
    model = CreditedImage
    orderings: ClassVar[dict] = {"-id": ("-pk",), "id": ("pk",), "title": ("title", "pk")}
    meta_fields: ClassVar[dict] = {"type": _type, "detail_url": _detail_url}
    fields: ClassVar[dict] = {name: _image_field(read) for name, read in show.IMAGE_FIELDS.items()}
    fields["url"] = lambda picture, view: show.absolute_url(view.request, picture.file.url)
    listing_fields: ClassVar[list] = list(fields)

    def get_queryset(self):
        return sources.visible_images()


class AuthorsAPIViewSet(PublicAPIViewSet):
    """Authors with at least one live article: byline name, title and position."""

    endpoint_name = "authors"
    model = Author
    orderings: ClassVar[dict] = {"full_name": ("full_name", "pk"), "id": ("pk",)}
    meta_fields: ClassVar[dict] = {"type": _type, "detail_url": _detail_url}
    fields: ClassVar[dict] = {
        "full_name": lambda p, v: p.full_name,
        "academic_title": lambda p, v: p.academic_title,
        "display_name": lambda p, v: p.display_name,
        "position": lambda p, v: p.position,
        "slug": lambda p, v: p.slug,
        "organisation": lambda p, v: show.organisation(p.organisation) if p.organisation else None,
        "bio": lambda p, v: p.bio,
    }
    listing_fields: ClassVar[list] = [name for name in fields if name != "bio"]

    def get_queryset(self):
        return sources.visible_authors().select_related("organisation")


class OrganisationsAPIViewSet(PublicAPIViewSet):
    """Enterprises and bodies live articles mention."""

    endpoint_name = "organisations"
    model = Organisation
    orderings: ClassVar[dict] = {"short_name": ("short_name", "pk"), "id": ("pk",)}
    meta_fields: ClassVar[dict] = {"type": _type, "detail_url": _detail_url}
    fields: ClassVar[dict] = {
        "name": lambda o, v: o.name,
        "short_name": lambda o, v: o.short_name,
        "slug": lambda o, v: o.slug,
        "kind": lambda o, v: o.kind,
        "website": lambda o, v: o.website,
        "description": lambda o, v: o.description,
    }
    listing_fields: ClassVar[list] = [name for name in fields if name != "description"]

    def get_queryset(self):
        return sources.visible_organisations()
