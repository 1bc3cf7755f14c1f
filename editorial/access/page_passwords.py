"""Wagtail's password views for private pages and documents, with a limit on guesses.

Mounted in ``editorial.urls`` on Wagtail's own paths and names, ahead of Wagtail's, so
every password form (Wagtail renders their action with these names) posts here. Each
POST from an address counts against the restriction it guesses at, right password or
not: past ``PAGE_PASSWORD_RATE`` the answer is 429 and the password is not even checked.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

RETRY_AFTER_SECONDS = 60 * 60


def _guess_limited(request: HttpRequest, kind: str, restriction_id: int) -> bool:
    if request.method != "POST":
        return False
    # When the cache cannot count, RATELIMIT_FAIL_OPEN lets the guess through.
    return is_ratelimited(
        request,
        group=f"editorial.{kind}_password.{restriction_id}",
        key="ip",
        rate=settings.PAGE_PASSWORD_RATE,
        increment=True,
    )


def _too_many_guesses(request: HttpRequest) -> HttpResponse:
    response = render(request, "pages/password_limited.html", status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    if _guess_limited(request, "page", page_view_restriction_id):
        return _too_many_guesses(request)
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)


def authenticate_document_with_password(request: HttpRequest, restriction_id: int) -> HttpResponse:
    if _guess_limited(request, "collection", restriction_id):
        return _too_many_guesses(request)
    return document_views.authenticate_with_password(request, restriction_id)
