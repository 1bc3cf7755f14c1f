"""Development only: readers' error pages instead of Django's debug pages.

With ``DEBUG`` on, Django answers a missing page or a crash with its English technical
page, so a newcomer trying ``make run`` never sees the site's own Vietnamese 404 and 500
(``templates/404.html``, ``500.html``), which production shows. This middleware, listed
in the development settings only, renders those instead; the traceback still goes to
the console through the ``django.request`` logger. ``TECHNICAL_ERRORS=1`` brings Django's
pages back for debugging.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpResponseNotFound, HttpResponseServerError
from django.template.loader import render_to_string

from editorial.outage import is_outage, outage_response

logger = logging.getLogger("django.request")


class ReaderErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Middleware listed after this one (a refused publication) answers first.
        if isinstance(exception, Http404):
            return HttpResponseNotFound(render_to_string("404.html", request=request))
        if is_outage(exception):
            return outage_response()
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"request": request},
        )
        # As Django's own handler500: no request context, in case the crash was in it.
        return HttpResponseServerError(render_to_string("500.html"))
