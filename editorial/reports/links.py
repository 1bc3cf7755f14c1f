"""The filtered lists behind a report's numbers: the desk's assignment listing, the
article listing (``viewsets.ArticleListingViewSet``), the events and the beat log, each
with the filters that select exactly the rows counted."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.urls import reverse

from editorial.reports.queries.common import year_bounds


def _url(name: str, args=None, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")}, doseq=True)
    url = reverse(name, args=args)
    return f"{url}?{query}" if query else url


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def assignments(**params) -> str:
    """Desk listing filters: stage (repeatable), topic, plan_item, plan_year, person,
    overdue, due_from / due_to."""
    return _url("desk_assignment:index", **params)


def assignments_due_in(year: int, **params) -> str:
    first, last = year_bounds(year)
    return assignments(due_from=_iso(first), due_to=_iso(last), **params)


def assignment(pk: int) -> str:
    return reverse("desk_assignment:inspect", args=[pk])


def articles(**params) -> str:
    """Article listing filters: live, plan_item, plan_year, plan_topic, topic (hub),
    organisation, author, year, first_published_at_from / _to, on_time."""
    return _url("report_articles:index", **params)


def events(**params) -> str:
    """Programme event listing filters: plan_item, plan_year, plan_topic, held."""
    return _url("wagtailsnippets_editorial_programmeevent:list", **params)


def log_entries(beat_id: int, first: datetime.date, last: datetime.date) -> str:
    return _url("desk_log:index", beat=beat_id, date__gte=_iso(first), date__lte=_iso(last))


def plan(plan_id: int) -> str:
    return reverse("wagtailsnippets_editorial_annualplan:edit", args=[plan_id])


def page_edit(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def report(url_name: str, **params) -> str:
    return _url(url_name, **params)
