"""/dinh-chinh/: every published correction, clarification and update, newest first.

It lists the notices of visible articles only (an unpublished or embargoed article's
notices stay unseen), from the rows of the live versions: a notice in a draft is not
there yet. A fixed number of queries per page of the list, whatever its length.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coverage.caching import mark_cacheable
from coverage.models import ArticleNotice, ArticlePage

NOTICES_PER_PAGE = 20


def published_notices():
    """Notices readers can see, newest first, each with its article."""
    return (
        ArticleNotice.objects.filter(
            published_at__isnull=False, page__in=ArticlePage.objects.visible().values("pk")
        )
        .select_related("page")
        .only("kind", "text", "published_at", "page__title", "page__url_path", "page__path")
        .order_by("-published_at", "-pk")
    )


@require_GET
def corrections(request: HttpRequest) -> HttpResponse:
    page_obj = Paginator(published_notices(), NOTICES_PER_PAGE).get_page(request.GET.get("trang"))
    response = render(
        request,
        "pages/corrections.html",
        {"page_obj": page_obj, "notices": list(page_obj.object_list)},
    )
    return mark_cacheable(request, response)
