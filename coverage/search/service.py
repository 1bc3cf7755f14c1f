"""Reader search over live articles: backend ranking, Vietnamese-aware re-ranking, filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from coverage.search.text import accent_exact_hits, exact_terms, has_words, query_terms
from editorial.text import fold

# Results per query: ten pages of ten, more than readers page through. Every row in the
# window is loaded and re-ranked in Python (at 300 rows that cost as much as the query),
# and the backend ranks only the headline groups it needs to fill the window.
RESULT_WINDOW = 100
# What re-ranking reads. Neither the body (a StreamField, the largest column) nor whole
# pages are loaded here: the view re-fetches the one page of results it shows.
RANKING_FIELDS = ("pk", "title", "sapo")


@dataclass(frozen=True)
class SearchFilters:
    topic: object | None = None  # editorial.ProgrammeTopic
    year: int | None = None
    tag: str | None = None


class SearchHit(NamedTuple):
    """One result as ranking sees it; the view loads full cards for the page it shows."""

    pk: int
    title: str
    sapo: str


@dataclass
class SearchOutcome:
    query: str
    results: list[SearchHit] = field(default_factory=list)
    broadened: bool = False  # no page had every word, so pages with any word are shown
    truncated: bool = False  # more pages matched than RESULT_WINDOW


def live_articles() -> QuerySet:
    from coverage.models import ArticlePage

    return ArticlePage.objects.visible()


def filtered_articles(filters: SearchFilters) -> QuerySet:
    """Live, public articles narrowed by topic (its hub's subtree), year and tag."""
    from coverage.models import ArticlePage

    articles = live_articles()
    if filters.topic is not None:
        hub = getattr(filters.topic, "hub_page", None)
        if hub is None:
            return articles.none()
        articles = articles.descendant_of(hub)
    if filters.year:
        zone = timezone.get_current_timezone()
        start = datetime(filters.year, 1, 1, tzinfo=zone)
        end = datetime(filters.year + 1, 1, 1, tzinfo=zone)
        articles = articles.filter(first_published_at__gte=start, first_published_at__lt=end)
    if filters.tag:
        # The search backend filters on indexed fields only; ids are one of them.
        tagged = list(
            ArticlePage.objects.filter(tags__slug=filters.tag).values_list("pk", flat=True)
        )
        articles = articles.filter(pk__in=tagged)
    return articles


def _rerank(pages: list[SearchHit], query: str) -> list[SearchHit]:
    """Headline matches first, then matches of the query's exact diacritics.

    Backends score differently (SQLite's bm25 can let a long body outweigh a short
    headline), so the rule readers expect is applied here, identically on both
    databases: more query words in the headline first; then, when the reader typed
    accents, pages whose headline and sapo carry those exact accents ("Đảng" is not
    "đang"). The backend's order is kept within each group (the sort is stable).
    """
    folded_terms = query_terms(query)
    accented = fold(query) != query.casefold()
    terms = exact_terms(query) if accented else set()

    def key(page):
        headline_words = query_terms(page.title)
        return (
            -len(folded_terms & headline_words),
            -accent_exact_hits(page.title, terms),
            -accent_exact_hits(page.sapo, terms),
        )

    return sorted(pages, key=key)


def _best_matches(
    backend, query: str, articles: QuerySet, operator: str, narrow: bool
) -> list[SearchHit]:
    """The window of best matches, one past RESULT_WINDOW, most headline words first.

    The backend picks the window in the order ``_rerank`` refines (query words in the
    headline, then relevance), so it can rank only the headline matches when there
    are enough of them: "xay dung dang" is in most of the archive, and ranking every
    match was what made it slow. Only what re-ranking reads is loaded, not pages.
    """
    pks = backend.ranked_pks(
        query, articles, operator=operator, limit=RESULT_WINDOW + 1, narrow=narrow
    )
    rows = articles.filter(pk__in=pks).values_list(*RANKING_FIELDS)
    hits = {row[0]: SearchHit(*row) for row in rows}
    # The index can change while a search reads it (the worker indexing, an editor
    # publishing): a page unpublished since the backend ranked it is left out, and one
    # re-indexed between PostgreSQL's group queries (a headline edit) shown once.
    return [hits[pk] for pk in dict.fromkeys(pks) if pk in hits]


def search_articles(query: str, filters: SearchFilters | None = None) -> SearchOutcome:
    """Live articles matching every word of ``query`` (or, failing that, any word)."""
    outcome = SearchOutcome(query=query)
    if not has_words(query):
        return outcome
    backend = get_search_backend()
    filters = filters or SearchFilters()
    articles = filtered_articles(filters)
    narrow = bool(filters.topic or filters.year or filters.tag)
    # One row past the window tells "exactly 100" from "more than 100" without a count.
    pages = _best_matches(backend, query, articles, "and", narrow)
    if not pages and len(query.split()) > 1:
        pages = _best_matches(backend, query, articles, "or", narrow)
        outcome.broadened = bool(pages)
    outcome.truncated = len(pages) > RESULT_WINDOW
    outcome.results = _rerank(pages[:RESULT_WINDOW], query)
    return outcome


class Suggestion(NamedTuple):
    """One autocomplete headline: what the JSON answer carries."""

    pk: int
    title: str
    url: str


def autocomplete_titles(prefix: str, limit: int = 8, request=None) -> list[Suggestion]:
    """Live articles whose headline holds the words typed so far (the last one begun).

    The backend finds the keys in one bounded query over the indexed headlines
    (``autocomplete_pks``); one more reads those few pages' titles and paths, and each
    address is worked out from the path as Wagtail does, without loading the pages.
    """
    from wagtail.models import Page

    if len(prefix) < 2 or not has_words(prefix):
        return []
    articles = live_articles()
    pks = get_search_backend().autocomplete_pks(prefix, articles, limit=limit)
    rows = {
        pk: (title, url_path)
        for pk, title, url_path in articles.filter(pk__in=pks).values_list(
            "pk", "title", "url_path"
        )
    }
    suggestions = []
    for pk in pks:
        if pk in rows:  # unpublished since the backend read the index
            title, url_path = rows[pk]
            url = Page(pk=pk, url_path=url_path).get_url(request)
            if url:
                suggestions.append(Suggestion(pk, title, url))
    return suggestions


def recent_articles(topic=None, limit: int = 5) -> list:
    """Suggestions when nothing matched: the latest articles, in the topic if one was chosen."""
    articles = filtered_articles(SearchFilters(topic=topic))
    return list(articles.order_by("-first_published_at")[:limit])
