"""Embargo: an approved article held until an agreed moment, whatever path it takes.

An embargo is not a go-live time. ``ArticlePage.embargo_until`` says "not before";
``go_live_at`` (Wagtail's scheduled publishing) says "then". The pipeline's last step
turns one into the other: approving an article under embargo schedules its publication
for the embargo time (``editorial.pipelines.sign_off``), so the scheduler makes it live
with nothing done by hand. The rule holds at three depths:

- going live before the time is a publication problem (``coverage.publication``), so the
  article's own ``save()`` refuses it on every path and the scheduler withholds a
  schedule set earlier than the embargo;
- ``ArticlePageQuerySet.visible()`` and the sitemap leave it out, so no listing, feed,
  search or index shows a page that some back door made live;
- ``ArticlePage.serve()`` answers 404 until the time.

Lifting an embargo early is the editor-in-chief's act alone (``BREAK_EMBARGO``), recorded
in the page's history (``coverage.embargo_admin``; the permission is granted in ``CoverageConfig.ready``).
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Audit-log action and the model permission (Meta.permissions of ArticlePage) behind it.
EMBARGO_BROKEN = "coverage.embargo_broken"
BREAK_EMBARGO = "coverage.break_embargo_articlepage"


def now() -> datetime.datetime:
    return timezone.now()


def under_embargo(article, at: datetime.datetime | None = None) -> bool:
    """Is ``article`` still held at ``at`` (now by default)?"""
    until = getattr(article, "embargo_until", None)
    return until is not None and until > (at or now())


def not_embargoed(prefix: str = "") -> Q:
    """The condition a public queryset adds: no embargo, or one already over.

    ``prefix`` reaches ArticlePage's column from another model, e.g. ``"articlepage__"``
    from Wagtail's ``Page`` (pages that are not articles have no row there: kept)."""
    field = f"{prefix}embargo_until"
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lte": now()})


def going_live_at(article) -> datetime.datetime:
    """When this version would go live: its scheduled time if that is ahead, else now."""
    moment = now()
    go_live_at = getattr(article, "go_live_at", None)
    return go_live_at if go_live_at and go_live_at > moment else moment


def embargo_message(article) -> str:
    local = timezone.localtime(article.embargo_until)
    return _("The article is under embargo until %(moment)s.") % {
        "moment": date_format(local, "H:i d/m/Y")
    }
