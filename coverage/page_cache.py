"""The server-side page cache for anonymous readers, for when no Varnish is in front.

``ReaderPageCacheMiddleware`` keeps a successful anonymous GET that the page marked
``Cache-Control: public`` (coverage.caching) in Django's cache (``COVERAGE_PAGE_CACHE``
names the alias; ``None`` turns it off) for at most that max-age, keyed on the host and
the full path. It never stores or serves:

- anything under the admin, documents, Wagtail's password forms, health, static, media;
- a request carrying a session cookie (an editor, or a reader who unlocked a page:
  whoever it is, the page is built for them), or an Authorization header;
- a response that is not a 200, not ``public``, streamed, sets a cookie, or varies on
  anything but the cookie and the language.

``PageCacheBackend`` is a ``wagtail.contrib.frontend_cache`` backend: a purge of a URL
forgets every cached copy of its path, with any query string (``?trang=2``), by dropping
the path's key version. ``coverage.purge`` purges it on publish like Varnish.

Several app processes share the cache only if the cache is shared (Redis, via
``REDIS_URL``); with per-process memory a purge reaches the publishing process only, and
the others serve their copy for at most the max-age (as a browser may).

The middleware also drops ``Vary: Accept-Language`` (LocaleMiddleware adds it to every
response) from public reader responses while the site has one language: a URL's page is
the same whatever the browser asks for, and the header split caches per browser language.
"""

from __future__ import annotations

import hashlib
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, get_max_age
from wagtail.contrib.frontend_cache.backends import BaseBackend

from coverage.caching import max_age

NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/_util/",
    "/healthz",
    "/static/",
    "/media/",
)
# What a stored response may vary on: the anonymous copy is the same for every reader.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
HIT_HEADER = "X-Page-Cache"


def cache_alias() -> str | None:
    return getattr(settings, "COVERAGE_PAGE_CACHE", None)


def _version_key(path: str) -> str:
    return "pagecache:v:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def _path_version(cache, path: str) -> str:
    """The path's current key version; a new one once the path was purged (or evicted)."""
    key = _version_key(path)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key) or "none"
    return version


def _response_key(request: HttpRequest, version: str) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:r:{version}:{digest}"


def forget_path(path: str, alias: str | None = None) -> None:
    """Forget every cached copy of ``path`` (any host, any query string)."""
    alias = alias or cache_alias()
    if alias:
        caches[alias].delete(_version_key(path))


def request_may_use_cache(request: HttpRequest) -> bool:
    if request.method != "GET":
        return False
    if request.path.startswith(NEVER_CACHED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def response_may_be_stored(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Set-Cookie"):
        return False
    cache_control = {
        part.strip().split("=")[0].lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if "public" not in cache_control or cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - HARMLESS_VARY:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def drop_language_vary(response: HttpResponse) -> None:
    """No ``Vary: Accept-Language`` on a public response while there is one language."""
    if len(settings.LANGUAGES) != 1 or not response.has_header("Vary"):
        return
    if "public" not in response.get("Cache-Control", ""):
        return
    kept = [
        v.strip()
        for v in cc_delim_re.split(response["Vary"])
        if v.strip() and v.strip().lower() != "accept-language"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class ReaderPageCacheMiddleware:
    """Serve and store anonymous reader pages (see the module docstring).

    Sits after WhiteNoise and before the session, CSRF and locale middleware, so it sees
    the cookies they set and the Vary they add, and a hit costs no session or user query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        alias = cache_alias()
        key = None
        if alias and request_may_use_cache(request):
            cache = caches[alias]
            key = _response_key(request, _path_version(cache, request.path))
            cached = cache.get(key)
            if cached is not None:
                cached[HIT_HEADER] = "hit"
                return cached
        response = self.get_response(request)
        drop_language_vary(response)
        if key is not None and response_may_be_stored(request, response):
            timeout = get_max_age(response)
            timeout = max_age() if timeout is None else timeout
            if timeout > 0:
                caches[alias].set(key, response, timeout)
                response[HIT_HEADER] = "miss"
        return response


class PageCacheBackend(BaseBackend):
    """A frontend-cache backend purging the server-side page cache.

    ``CACHE`` names the cache alias (default: ``COVERAGE_PAGE_CACHE``).
    """

    def __init__(self, params):
        params = dict(params)
        self.alias = params.pop("CACHE", None)
        super().__init__(params)

    def purge(self, url: str) -> None:
        forget_path(urlsplit(url).path or "/", self.alias)
