"""The articles listing's filters: topic, organisation, tag, publication dates and search.

Every value is checked before it reaches the database; a bad one is a 400 naming the
parameter. Dates are calendar days in the newsroom's time zone, both ends included.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError

from coverage.api.base import MAX_ID

ARTICLE_FILTERS = frozenset(
    ["topic", "organisation", "tag", "published_after", "published_before", "search"]
)
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
MAX_SEARCH_LENGTH = 200
MIN_YEAR, MAX_YEAR = 1900, 2999


def _id(request, name: str) -> int | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise BadRequestError(
            _("%(name)s must be an id (a positive whole number).") % {"name": name}
        )
    return int(raw)


def _day_start(request, name: str, *, next_day: bool = False) -> dt.datetime | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        day = dt.date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    # Years far out overflow once moved to UTC; no article is dated there anyway.
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BadRequestError(
            _("%(name)s must be a date written YYYY-MM-DD, between the years %(min)d and %(max)d.")
            % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    if next_day:
        day += dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search_terms(request) -> str:
    raw = request.GET.get("search")
    if raw is None:
        return ""
    terms = " ".join(raw.split())
    if len(terms) > MAX_SEARCH_LENGTH or not terms.isprintable():
        raise BadRequestError(
            _("search must be printable text of at most %(count)d characters.")
            % {"count": MAX_SEARCH_LENGTH}
        )
    return terms


def filter_articles(queryset, request):
    """The articles ``request``'s filters keep (search is applied by the endpoint, last)."""
    topic = _id(request, "topic")
    if topic is not None:
        from coverage.models import TopicHubPage

        hub = TopicHubPage.objects.filter(pk=topic).first()
        queryset = queryset.child_of(hub) if hub else queryset.none()
    organisation = _id(request, "organisation")
    if organisation is not None:
        queryset = queryset.filter(organisations=organisation)
    tag = request.GET.get("tag")
    if tag is not None:
        if not SLUG.match(tag):
            raise BadRequestError(_("tag must be a tag slug, e.g. dai-hoi-dang."))
        queryset = queryset.filter(tagged_items__tag__slug=tag)
    after = _day_start(request, "published_after")
    if after is not None:
        queryset = queryset.filter(first_published_at__gte=after)
    before = _day_start(request, "published_before", next_day=True)
    if before is not None:
        queryset = queryset.filter(first_published_at__lt=before)
    return queryset
