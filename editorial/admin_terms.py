"""Wagtail's own admin words that its Vietnamese catalogue renders against our usage.

Django reads our catalogue before Wagtail's (``editorial`` comes first in
``INSTALLED_APPS``), so a msgid translated in ``editorial/locale`` wins everywhere
Wagtail shows it. ``gettext_noop`` only marks the words for ``make messages``, which
would otherwise drop them from our catalogue as unused.
"""

from django.utils.translation import gettext_noop

WAGTAIL_TERMS = [
    gettext_noop("Home"),  # Wagtail's "Trang Chủ" on every breadcrumb: "Trang chủ" in Vietnamese
]
