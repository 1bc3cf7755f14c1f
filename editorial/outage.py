"""A lost database answers 503 with Retry-After, not a crash page.

While PostgreSQL restarts (or SQLite is locked past its timeout) every request that
needs the database fails with ``OperationalError``. That is an outage, not a bug: the
reader or editor should be told to try again in a moment, and a balancer or a proxy may
retry elsewhere. The page says a change sent just then may not have been saved, so an
editor looks before sending it again. Other errors keep the site's 500 page.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

RETRY_AFTER_SECONDS = 10


def is_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, OperationalError | InterfaceError)


def outage_response() -> HttpResponse:
    # No request context: the context processors might need the database too.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request, template_name="500.html"):
    """``handler500``: Django calls it while handling the exception."""
    if is_outage(sys.exc_info()[1]):
        return outage_response()
    return defaults.server_error(request, template_name)
