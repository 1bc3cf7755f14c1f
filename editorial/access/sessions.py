"""Sliding admin sessions that do not write on every request.

An admin session ends after ``SESSION_COOKIE_AGE`` (8 hours) without a request. Django's
``SESSION_SAVE_EVERY_REQUEST`` gets that by re-saving the session row on every request, so
each admin page view (and every autosave, every listing) paid a write, and SQLite's single
writer lock was taken by plain reads. This middleware re-saves a session at most once per
``SESSION_REFRESH_EVERY`` seconds instead: the expiry still slides 8 hours past the latest
activity, give or take those few minutes, with one write per few minutes of work.
"""

from __future__ import annotations

import time

from django.conf import settings

TOUCHED = "_touched"  # seconds since the epoch of the latest save by this middleware


class SlidingSessionMiddleware:
    """Sits below ``SessionMiddleware``, so it marks the session before that one saves it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # A reader without a session gets none; an emptied session (sign-out) is deleted
        # by SessionMiddleware itself and must not be brought back.
        if session is None or session.is_empty() or not session.keys():
            return response
        now = int(time.time())
        every = getattr(settings, "SESSION_REFRESH_EVERY", 300)
        if now - int(session.get(TOUCHED, 0)) >= every:
            session[TOUCHED] = now  # marks it modified: saved with a fresh expiry
        return response
