"""The named interface to the article page model ("start draft" creates one).

editorial does not import coverage's page classes: the model is named by the
``EDITORIAL_ARTICLE_MODEL`` setting and reached through Django's app registry, and its
hub through ``ProgrammeTopic.hub_page`` (the reverse relation coverage defines).
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page


def article_model() -> type[Page]:
    """The article page class, e.g. ``coverage.ArticlePage``."""
    return apps.get_model(settings.EDITORIAL_ARTICLE_MODEL)


def byline_model():
    """The orderable byline model on the article (``page.bylines``)."""
    return article_model()._meta.get_field("bylines").related_model


def hub_page_for(topic) -> Page | None:
    """The topic's hub page, where its articles are filed (None if it has none yet)."""
    try:
        return topic.hub_page
    except (ObjectDoesNotExist, AttributeError):
        return None
