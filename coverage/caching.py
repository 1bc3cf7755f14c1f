"""HTTP caching for the public site.

Anonymous GETs of live pages, feeds and the sitemap are marked ``Cache-Control: public``
for a short time (``COVERAGE_CACHE_MAX_AGE`` seconds), so browsers and a proxy can reuse
them. Nothing is cached on the server, so a publish shows on the next request; a proxy
in front should be purged by ``wagtail.contrib.frontend_cache`` on publish, and the short
max-age bounds staleness when there is none.

Logged-in users (editors see the userbar and drafts), previews and pages unlocked
with a password are marked private instead.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from wagtail.models import PageViewRestriction

DEFAULT_MAX_AGE = 120


def max_age() -> int:
    return getattr(settings, "COVERAGE_CACHE_MAX_AGE", DEFAULT_MAX_AGE)


def is_anonymous_reader(request: HttpRequest) -> bool:
    """True for a reader with no account and no unlocked private pages."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if getattr(request, "is_preview", False):
        return False
    session = getattr(request, "session", None)
    return not (
        session is not None
        and session.get(PageViewRestriction.passed_view_restrictions_session_key)
    )


def mark_cacheable(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Mark a successful anonymous GET public for ``max_age()``; anything else private."""
    if response.has_header("Cache-Control"):
        return response
    if (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and is_anonymous_reader(request)
    ):
        patch_cache_control(response, public=True, max_age=max_age())
        # A reader who logs in must not be served the anonymous copy.
        patch_vary_headers(response, ["Cookie"])
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response
