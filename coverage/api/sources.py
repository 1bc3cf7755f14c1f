"""What each endpoint may show: the querysets every list, detail and filter starts from.

One rule per endpoint, all derived from ``ArticlePage.objects.visible()`` (the site's
own rule for anonymous readers, which other filters such as an embargo extend):

- articles: visible articles;
- topics: live, public topic hubs;
- images: those a visible article shows (its main photo or a body image block), so a
  photo uploaded for a draft cannot be found;
- authors and organisations: those named on at least one visible article, as the
  reader indexes do (coverage.models.pages.indexes).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from coverage.models import ArticleByline, ArticlePage, CreditedImage, TopicHubPage
from editorial.models import Author, Organisation


def visible_articles() -> QuerySet:
    return ArticlePage.objects.visible()


def visible_hubs() -> QuerySet:
    return TopicHubPage.objects.live().public()


def _body_image_ids() -> QuerySet:
    """Images the body blocks of visible articles point at, from Wagtail's reference index.

    The index is built from each page's database row, which holds the live version of a
    live page (a later draft lives in its revision), so a photo added only in a draft
    is not listed. It is updated by a background task after each save.
    """
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(CreditedImage),
        model_path__startswith="body.",
        object_id__in=visible_articles().annotate(key=Cast("pk", CharField())).values("key"),
    ).values("to_object_id")


def visible_images() -> QuerySet:
    hero_ids = visible_articles().filter(hero_image__isnull=False).values("hero_image_id")
    # The index keeps keys as text; compare them as text on both databases.
    return CreditedImage.objects.annotate(key=Cast("pk", CharField())).filter(
        Q(pk__in=hero_ids) | Q(key__in=_body_image_ids())
    )


def visible_authors() -> QuerySet:
    bylines = ArticleByline.objects.filter(page__in=visible_articles().values("pk"))
    return Author.objects.filter(pk__in=bylines.values("author_id"))


def visible_organisations() -> QuerySet:
    return Organisation.objects.filter(pk__in=visible_articles().values("organisations"))
