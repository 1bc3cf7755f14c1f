"""Pace forecast per plan item: will it be met by its due date, at the pace so far and
with the work already on the way? A plain, explainable model (README, "Pace forecast"):

- ``committed``: what is delivered plus the in-flight assignments (commissioned, in
  progress, in review or scheduled) due on or before the item's deadline;
- ``pace``: what is delivered, stretched linearly from the plan year's first day to the
  deadline (2 delivered a quarter into the year → 8 by year end), rounded down;
- projected = the larger of the two, never more once the deadline has passed than what
  is delivered; the flag is *met* (delivered ≥ target), *on track* (projected ≥ target)
  or *at risk*.

Delivered numbers are the progress report's own (``progress.delivery``), so the report's
forecast column and the dashboard panel agree with its other columns.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.models import Assignment
from editorial.reports.queries import progress
from editorial.reports.queries.common import STAGE_BUCKETS

MET, ON_TRACK, AT_RISK = "met", "on_track", "at_risk"
FLAG_LABELS = {MET: _("Met"), ON_TRACK: _("On track"), AT_RISK: _("At risk")}
# Work that is commissioned and not yet live: it may still land by the deadline.
IN_FLIGHT_STAGES = tuple(
    str(stage)
    for bucket in ("commissioned", "in_progress", "in_review")
    for stage in STAGE_BUCKETS[bucket]
)


@dataclass(frozen=True)
class Forecast:
    target: int
    delivered: int
    #: In-flight assignments due by the deadline (and those due after it, not counted).
    in_flight: int
    in_flight_late: int
    deadline: datetime.date
    pace: int
    projected: int
    flag: str

    @property
    def flag_label(self) -> str:
        return str(FLAG_LABELS[self.flag])


def project(
    target: int,
    delivered: int,
    in_flight_due: list[datetime.date],
    deadline: datetime.date,
    start: datetime.date,
    today: datetime.date,
) -> Forecast:
    """The forecast for one item: a pure function of its numbers and dates."""
    in_time = sum(1 for due in in_flight_due if due <= deadline)
    late = len(in_flight_due) - in_time
    if today > deadline:
        pace = projected = delivered  # nothing more can count
    else:
        elapsed = max((today - start).days, 1)
        span = max((deadline - start).days, 1)
        pace = delivered * span // elapsed if today > start else 0
        projected = max(delivered + in_time, pace)
    if delivered >= target:
        flag = MET
    elif projected >= target:
        flag = ON_TRACK
    else:
        flag = AT_RISK
    return Forecast(target, delivered, in_time, late, deadline, pace, projected, flag)


def deadline_of(item) -> datetime.date:
    """The item's due date, or the last day of its plan's year."""
    return item.due_date or datetime.date(item.plan.year, 12, 31)


@dataclass
class InFlight:
    by_due: dict = field(default_factory=lambda: defaultdict(int))

    def dates(self) -> list[datetime.date]:
        return [due for due, n in self.by_due.items() for _ in range(n)]


def in_flight(items) -> dict[int, InFlight]:
    """``{item id: InFlight}``: one grouped query for any number of items, each
    assignment under the plan item its article is filed under once a draft exists (as
    the progress report counts it)."""
    rows = (
        Assignment.objects.with_stage()
        .with_filing()
        .filter(filed_plan_item__in=items, stage__in=IN_FLIGHT_STAGES)
        .order_by()
        .values("filed_plan_item", "due_date")
        .annotate(n=Count("pk"))
    )
    found: dict[int, InFlight] = defaultdict(InFlight)
    for row in rows:
        found[row["filed_plan_item"]].by_due[row["due_date"]] += row["n"]
    return found


def forecasts(
    items: list, deliveries: dict, today: datetime.date | None = None
) -> dict[int, Forecast]:
    """``{item id: Forecast}`` for plan items already read (with ``plan``), from the
    progress report's ``delivery(ITEM, ...)`` numbers and one query for in-flight work."""
    today = today or timezone.localdate()
    flying = in_flight([item.pk for item in items])
    result = {}
    for item in items:
        entry = deliveries.get(item.pk, progress.Delivery())
        result[item.pk] = project(
            target=item.effective_target,
            delivered=entry.delivered,
            in_flight_due=flying[item.pk].dates() if item.pk in flying else [],
            deadline=deadline_of(item),
            start=datetime.date(item.plan.year, 1, 1),
            today=today,
        )
    return result


def at_risk(year: int, today: datetime.date | None = None) -> list[tuple]:
    """``[(item, Forecast)]`` of ``year``'s items at risk, soonest deadline first.
    Three queries (items, the progress report's four, in-flight) whatever the count."""
    items = list(progress.plan_items(year).select_related("plan", "topic"))
    found = forecasts(items, progress.delivery(progress.ITEM, year), today)
    risky = [(item, found[item.pk]) for item in items if found[item.pk].flag == AT_RISK]
    return sorted(risky, key=lambda pair: (pair[1].deadline, pair[0].sort_order or 0, pair[0].pk))
