"""The reader's address for the search rate limits, from the proxy's header when there is one.

``RATELIMIT_IP_META_KEY`` (the settings) names ``reader_address``; the header it reads
comes from ``COVERAGE_CLIENT_IP_META_KEY`` (the ``RATELIMIT_IP_META_KEY`` environment
variable, e.g. ``HTTP_X_REAL_IP``). Given the header name directly, django-ratelimit
raised ImproperlyConfigured (a 500) for any request without that header, a health
probe or a request sent to the app server past the proxy, and ValueError for a header
that was not an address. Here such a request is counted under the address it came from.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# A unix-socket peer has no address: its requests share one bucket rather than fail.
UNKNOWN = "0.0.0.0"  # noqa: S104 (a bucket name, nothing binds to it)


def _address(value: str | None) -> str | None:
    if not value:
        return None
    # X-Forwarded-For lists every hop; the last one is what our own proxy saw (the
    # ones before it are whatever the client sent, so a reader could not pick a bucket).
    candidate = value.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def reader_address(request: HttpRequest) -> str:
    header = getattr(settings, "COVERAGE_CLIENT_IP_META_KEY", None)
    if header:
        forwarded = _address(request.META.get(header))
        if forwarded:
            return forwarded
    return _address(request.META.get("REMOTE_ADDR")) or UNKNOWN
