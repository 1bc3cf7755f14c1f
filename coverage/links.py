"""Where the reader indexes live, so templates can link a tag, author or organisation."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.models import Page

_CACHE_ATTR = "_coverage_reader_indexes"


def reader_indexes(request: HttpRequest | None) -> dict[str, str]:
    """{"tag": "/the/", "author": "/tac-gia/", "organisation": "/don-vi/"} for live indexes.

    One query per request, remembered on the request.
    """
    if request is not None and hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    from coverage.models import AuthorIndexPage, OrganisationIndexPage, TagIndexPage

    kinds = {
        ContentType.objects.get_for_model(TagIndexPage).pk: "tag",
        ContentType.objects.get_for_model(AuthorIndexPage).pk: "author",
        ContentType.objects.get_for_model(OrganisationIndexPage).pk: "organisation",
    }
    urls: dict[str, str] = {}
    for page in Page.objects.live().filter(content_type_id__in=kinds).order_by("path"):
        url = page.get_url(request)
        if url:
            urls.setdefault(kinds[page.content_type_id], url)
    if request is not None:
        setattr(request, _CACHE_ATTR, urls)
    return urls
