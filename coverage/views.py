"""Small public views that are not pages: robots.txt and the cached sitemap."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from coverage.caching import mark_cacheable


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read everything public; the admin and search results are off limits."""
    text = render_to_string(
        "robots.txt", {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    )
    return mark_cacheable(request, HttpResponse(text, content_type="text/plain; charset=utf-8"))


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """Wagtail's sitemap of live, public pages (articles with their last publication)."""
    response = wagtail_sitemap(request)
    response.render()
    return mark_cacheable(request, response)
