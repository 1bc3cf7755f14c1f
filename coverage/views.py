"""Small public views that are not pages: robots.txt and the sitemap index and its sitemaps."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import views as wagtail_sitemaps

from coverage.caching import mark_cacheable
from coverage.sitemaps import SITEMAPS


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read everything public; the admin and search results are off limits."""
    text = render_to_string(
        "robots.txt", {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    )
    return mark_cacheable(request, HttpResponse(text, content_type="text/plain; charset=utf-8"))


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the index of the section sitemaps (coverage.sitemaps)."""
    response = wagtail_sitemaps.index(
        request, SITEMAPS, sitemap_url_name="coverage_sitemap_section"
    )
    response.render()
    return mark_cacheable(request, response)


@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """/sitemap-<section>.xml (``?p=2``...): one section's pages, a bounded number per file.

    Django's own template rendered each of 2,000 addresses through ``spaceless``,
    ``changefreq``/``priority``/``alternates`` tests we never fill and an aware-datetime
    ``date`` filter (1.2 s a file); ours prints what the sitemaps carry, the day already
    worked out in the site's time zone (coverage.sitemaps).
    """
    response = wagtail_sitemaps.sitemap(
        request, SITEMAPS, section=section, template_name="coverage/sitemap.xml"
    )
    response.render()
    return mark_cacheable(request, response)
