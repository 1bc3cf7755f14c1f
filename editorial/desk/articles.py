"""The named interface to the article page model ("start draft" creates one).

editorial does not import coverage's page classes: the model is named by the
``EDITORIAL_ARTICLE_MODEL`` setting and reached through Django's app registry, and its
hub through ``ProgrammeTopic.hub_page`` (the reverse relation coverage defines).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Case, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from wagtail.models import Page

from editorial.models.topics import ProgrammeTopic


def article_model() -> type[Page]:
    """The article page class, e.g. ``coverage.ArticlePage``."""
    return apps.get_model(settings.EDITORIAL_ARTICLE_MODEL)


def byline_model():
    """The orderable byline model on the article (``page.bylines``)."""
    return article_model()._meta.get_field("bylines").related_model


def hub_page_for(topic) -> Page | None:
    """The topic's hub page, where its articles are filed (None if it has none yet)."""
    try:
        return topic.hub_page
    except (ObjectDoesNotExist, AttributeError):
        return None


# --- Reading articles in bulk (the delivery reports) ---------------------------------------
# The article model has, besides Wagtail's page fields, ``plan_item`` (FK to PlanItem),
# ``organisations`` (M2M to Organisation) and ``bylines`` (orderable, ``page`` → ``author``).
# Reports filter and group on those names through the functions below.


@dataclass(frozen=True)
class TopicHub:
    """Where one topic's articles live in the page tree: the hub's path and depth."""

    topic_id: int
    path: str
    depth: int

    def contains(self, prefix: str = "") -> Q:
        """Pages filed directly under this hub (``prefix`` reaches a related page)."""
        return Q(**{f"{prefix}path__startswith": self.path, f"{prefix}depth": self.depth + 1})


def live_articles() -> QuerySet:
    """Articles readers can see (Wagtail's ``live``), whatever their topic."""
    return article_model().objects.live()


def with_print_issues(articles) -> list:
    """The articles, each knowing the print issue it ran in (``print_issue``), read for
    the whole list at once (the article model's ``attach_print_slots``)."""
    return article_model().attach_print_slots(articles)


def held_back_articles() -> QuerySet:
    """Live, public articles readers still may not see: the article model's own
    ``visible()`` leaves them out (an embargo not yet over, whatever made them live)."""
    articles = article_model().objects
    return articles.live().public().exclude(pk__in=articles.visible().values("pk"))


def topic_hubs() -> list[TopicHub]:
    """Every topic that has a hub page, with the hub's place in the tree (one query)."""
    rows = (
        ProgrammeTopic.objects.filter(hub_page__isnull=False)
        .order_by()
        .values_list("pk", "hub_page__path", "hub_page__depth")
    )
    return [TopicHub(topic_id, path, depth) for topic_id, path, depth in rows]


def filed_under(topic) -> Q:
    """Pages filed under ``topic``, directly under its hub (none while it has no hub)."""
    hub = hub_page_for(topic)
    if hub is None:
        return Q(pk__in=[])
    return TopicHub(topic.pk, hub.path, hub.depth).contains()


def topic_of_path(hubs: list[TopicHub], path_field: str = "path") -> Case:
    """The topic id of the page whose tree path is ``path_field`` (a field or an
    annotation), computed by the database from the hubs' paths; null outside any hub.

    Articles are filed under their topic's hub, so the prefix of the path is the topic:
    no join to the hub is needed, and the same expression works on any queryset that
    can name the page's path.
    """
    whens = [
        When(**{f"{path_field}__startswith": hub.path}, then=Value(hub.topic_id)) for hub in hubs
    ]
    if not whens:
        return Value(None, output_field=IntegerField())
    return Case(*whens, default=Value(None), output_field=IntegerField())


def plan_item_of_article(article_id: str = "article_id") -> Subquery:
    """The plan item the article whose id is the outer query's ``article_id`` is filed
    under, as its page row has it (the version last published, or the draft as started)."""
    rows = article_model().objects.filter(pk=OuterRef(article_id)).values("plan_item_id")
    return Subquery(rows[:1])
