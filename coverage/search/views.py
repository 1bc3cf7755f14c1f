"""Reader search page and headline autocomplete."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from coverage.search.forms import SearchForm
from coverage.search.service import (
    SearchFilters,
    autocomplete_titles,
    recent_articles,
    search_articles,
)
from coverage.search.text import highlight, query_terms

RESULTS_PER_PAGE = 10
# Generous for a person, tight for a scraper hammering the database.
SEARCH_RATE = "30/m"
AUTOCOMPLETE_RATE = "120/m"


def _cards(pages: list) -> list:
    """The same pages, re-fetched with bylines, topics and photos in a fixed number of queries."""
    from coverage.models import ArticlePage, TopicHubPage
    from coverage.models.pages.hubs import attach_hubs

    articles = list(ArticlePage.objects.filter(pk__in=[p.pk for p in pages]).for_cards())
    # Each card names its topic; without this every card looked its hub up (ten queries).
    attach_hubs(articles, TopicHubPage.objects.select_related("topic"))
    by_pk = {article.pk: article for article in articles}
    return [by_pk[page.pk] for page in pages if page.pk in by_pk]


def _too_many_requests(request):
    response = render(request, "pages/search_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


@require_GET
@ratelimit(key="ip", rate=SEARCH_RATE, block=False)
def search(request):
    if getattr(request, "limited", False):
        return _too_many_requests(request)
    form = SearchForm(request.GET or None)
    values = form.values()
    query = values.get("q", "")
    filters = SearchFilters(
        topic=values.get("topic"), year=values.get("year"), tag=values.get("tag") or None
    )
    outcome = search_articles(query, filters)
    page_obj = Paginator(outcome.results, RESULTS_PER_PAGE).get_page(request.GET.get("trang"))
    terms = query_terms(query)
    results = [
        {
            "article": article,
            "title": highlight(article.title, terms),
            "sapo": highlight(article.sapo, terms),
        }
        for article in _cards(list(page_obj.object_list))
    ]
    suggestions = [] if results or not query else _cards(recent_articles(filters.topic))
    querystring = request.GET.copy()
    querystring.pop("trang", None)
    response = render(
        request,
        "pages/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "page_obj": page_obj,
            "result_count": len(outcome.results),
            "more_results": outcome.truncated,
            "broadened": outcome.broadened,
            "suggestions": suggestions,
            "querystring": querystring.urlencode(),
        },
    )
    # Results change with every publication; never cache them in shared caches.
    response["Cache-Control"] = "private, max-age=0"
    return response


@require_GET
@ratelimit(key="ip", rate=AUTOCOMPLETE_RATE, block=False)
def autocomplete(request):
    if getattr(request, "limited", False):
        return JsonResponse({"error": "Bạn tìm quá nhanh, xin thử lại sau ít phút."}, status=429)
    prefix = SearchForm({"q": request.GET.get("q", "")}).values().get("q", "")
    results = [
        {"title": hit.title, "url": hit.url} for hit in autocomplete_titles(prefix, request=request)
    ]
    response = JsonResponse({"query": prefix, "results": results})
    response["Cache-Control"] = "private, max-age=0"
    return response
