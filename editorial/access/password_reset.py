"""Wagtail's password reset, throttled per address and per email address.

``WAGTAILADMIN_USER_PASSWORD_RESET_FORM`` names this form, so Wagtail's reset view (the
only way to ask for a reset mail) sends through it. Over either limit the mail is not
sent, but the view still answers with its "check your mail" page, as it does for an
address that has no account: the answer never tells who has one.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django_ratelimit.core import is_ratelimited
from wagtail.admin.forms.auth import PasswordResetForm

logger = logging.getLogger(__name__)

GROUP = "editorial.password_reset"


def reset_limited(request, email: str) -> bool:
    """Count this request against both limits; True when either is passed."""
    # Both counted every time, so changing address does not reset the email's count.
    by_address = is_ratelimited(
        request,
        group=f"{GROUP}.address",
        key="ip",
        rate=settings.PASSWORD_RESET_RATE_PER_ADDRESS,
        increment=True,
    )
    # Django finds accounts by email case-insensitively: so does the count.
    by_email = is_ratelimited(
        request,
        group=f"{GROUP}.email",
        key=lambda group, request: email.strip().casefold(),
        rate=settings.PASSWORD_RESET_RATE_PER_EMAIL,
        increment=True,
    )
    return by_address or by_email


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        if request is not None and reset_limited(request, self.cleaned_data["email"]):
            logger.warning("Password reset over the limit; no mail sent.")
            return
        return super().save(*args, request=request, **kwargs)
