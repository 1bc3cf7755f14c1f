"""Sign-in lockouts (django-axes): the page a locked-out sign-in gets, and who is locked.

Axes counts failures per account and per address in its ``AccessAttempt`` rows
(``AXES_LOCKOUT_PARAMETERS``); a lockout is an account or an address whose failures within
the cool-off reach ``AXES_FAILURE_LIMIT``. The editor-in-chief lifts one early with
``unlock`` (the ``UNLOCK_SIGN_IN`` permission in ``editorial.roles``).
"""

from __future__ import annotations

from dataclasses import dataclass

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled

USERNAME = "username"
ADDRESS = "ip_address"


def cool_off_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed sign-in attempts. Signing in is blocked for %(minutes)d minute; "
        "the editor-in-chief can unlock it sooner.",
        "Too many failed sign-in attempts. Signing in is blocked for %(minutes)d minutes; "
        "the editor-in-chief can unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """Wagtail's login page again, empty, with the lockout message (``AXES_LOCKOUT_CALLABLE``).

    An empty form: the view's own "wrong username or password" would be untrue (the right
    password is refused too) and would invite more guesses.
    """
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    context = {
        "form": get_user_login_form()(request),
        "show_password_reset": password_reset_enabled(),
        "username_field": user_model._meta.get_field(user_model.USERNAME_FIELD).verbose_name,
        "lockout_message": lockout_message(),
    }
    response = render(
        request, "editorial/access/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    response["Retry-After"] = str(cool_off_minutes() * 60)
    return response


@dataclass(frozen=True)
class Lockout:
    """One locked account or address: what it is, how many failures, the last one's time."""

    kind: str  # USERNAME or ADDRESS
    value: str
    failures: int
    last_attempt: object


def _current_attempts():
    # Failures older than the cool-off no longer count (axes deletes them on its next run).
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off())


def current_lockouts() -> list[Lockout]:
    """Every account and address locked now, most recent first."""
    lockouts = []
    for kind in (USERNAME, ADDRESS):
        rows = (
            _current_attempts()
            .exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        )
        lockouts += [Lockout(kind, row[kind], row["failures"], row["last_attempt"]) for row in rows]
    return sorted(lockouts, key=lambda lockout: lockout.last_attempt, reverse=True)


def unlock(kind: str, value: str) -> int:
    """Forget the failures of one account or one address; the number of rows removed."""
    if kind == USERNAME:
        return reset(username=value)
    if kind == ADDRESS:
        return reset(ip=value)
    raise ValueError(kind)


def describe(lockout: Lockout) -> str:
    if lockout.kind == USERNAME:
        return _("Account %(username)s") % {"username": lockout.value}
    return _("Address %(address)s") % {"address": lockout.value}
