"""The words a person reads on screen, looked up the way the admin looks them up.

Wagtail's Vietnamese catalogue is partial and ours is still to come, so a button reads
"Update" today and may read "Cập nhật" tomorrow. Journeys find links, buttons and fields
by these lookups instead of hard-coding either language, so they keep passing when the
translation lands, and still fail when the thing itself is gone.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

LANGUAGE = "vi"


def t(message: str) -> str:
    """``message`` as the admin shows it in Vietnamese (English if not yet translated)."""
    with translation.override(LANGUAGE):
        return gettext(message)


def label(model: type[Model], field: str) -> str:
    """A model field's form label as Django renders it: its verbose name, capitalised."""
    with translation.override(LANGUAGE):
        return str(capfirst(model._meta.get_field(field).verbose_name))
