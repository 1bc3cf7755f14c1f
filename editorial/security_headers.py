"""Security headers Django does not set: Content-Security-Policy and Permissions-Policy.

Two policies, chosen by path:

- **Readers** (everything outside ``/admin/``): ``default-src 'self'`` and nothing inline.
  The reader templates load one stylesheet and one script (search suggestions) from
  ``/static/``, and no inline script or style, so no nonce is needed. Media come from
  ``MEDIA_URL`` (its origin is added when media live elsewhere, e.g. object storage);
  video embeds may frame the providers in ``EMBED_FRAME_SOURCES`` (other embeds show
  their link, as with JavaScript off).
- **The admin** (``/admin/``): what Wagtail's admin needs, measured by loading 30
  kinds of admin page (dashboard, page editor with its preview, comments and choosers,
  snippets, desk, reports, users, workflows) in Chromium and recording every
  ``securitypolicyviolation``. Under the reader policy they raised 94 distinct
  violations: inline ``<script>`` elements (Wagtail 8 writes one for each date field,
  inline panel and chooser panel), an inline handler (the image cropper), ``style``
  attributes (Wagtail's and our report legends') and ``<style>`` its editor injects.
  So ``script-src`` and ``style-src`` allow ``'unsafe-inline'`` there, and only there;
  no ``eval``, no other origin. Under this policy the same pages raised none. The
  admin is behind a login and every other directive stays as strict as the readers'.

Why not django-csp: the policies are fixed per path, no view varies them and no nonce
is needed, so the package would add a dependency and its settings for what these few
lines do. Django 6.0 ships CSP; move to it when the project does.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ADMIN_PREFIX = "/admin/"
EMBED_FRAME_SOURCES = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
)
# Browser features no page of ours uses: a script injected into a page cannot use them
# either, nor can a framed embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "battery", "bluetooth",
        "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
        "magnetometer", "microphone", "midi", "payment", "serial", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def reader_policy() -> str:
    media = [origin for origin in [_origin(settings.MEDIA_URL)] if origin]
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": ["'self'", "data:", *media],
            "media-src": ["'self'", *media],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "frame-src": list(EMBED_FRAME_SOURCES),
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'none'"],
        }
    )


def admin_policy() -> str:
    media = [origin for origin in [_origin(settings.MEDIA_URL)] if origin]
    return _policy(
        {
            "default-src": ["'self'"],
            # Measured: Wagtail 8 writes inline <script> for every date field, inline
            # panel and chooser panel, and its image cropper sets handler attributes.
            # Only our own origin may serve script files; no eval was needed.
            "script-src": ["'self'", "'unsafe-inline'"],
            # Measured: style attributes (ours in report legends, Wagtail's throughout)
            # and <style> elements its scripts inject (the rich text editor).
            "style-src": ["'self'", "'unsafe-inline'"],
            # Image previews before upload (blob:) and Wagtail's inline SVG icons (data:).
            "img-src": ["'self'", "data:", "blob:", *media],
            "media-src": ["'self'", *media],
            "font-src": ["'self'", "data:"],
            "connect-src": ["'self'"],
            # The page editor's live preview frames our own preview view; embeds preview.
            "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            # The preview view is framed by the editor (same origin); nothing else frames us.
            "frame-ancestors": ["'self'"],
        }
    )


class SecurityHeadersMiddleware:
    """Adds the path's Content-Security-Policy and the Permissions-Policy to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.reader = reader_policy()
        self.admin = admin_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = self.admin if request.path.startswith(ADMIN_PREFIX) else self.reader
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
