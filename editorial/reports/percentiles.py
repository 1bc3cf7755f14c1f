"""Median and 90th percentile of durations per group, computed by the database.

PostgreSQL has ordered-set aggregates: ``percentile_cont(0.9) WITHIN GROUP (ORDER BY d)``
is wrapped as a small Django aggregate (``PercentileCont``), and one grouped query
returns the count, the median and the 90th percentile of every group.

SQLite has no percentile function. The same numbers come from window functions: the
database numbers each group's durations in order (``ROW_NUMBER``) and counts them
(``COUNT(*) OVER``), and returns only the two rows either side of a percentile's
position, one query per percentile. Python then interpolates between those two values
exactly as ``percentile_cont`` does (linear, position ``p·(n−1)``). At most four rows a
group cross the wire, however many durations there are.

Percentiles are named in tenths (5 for the median, 9 for p90) so the position is exact
integer arithmetic on both sides: ``(n−1)·k / 10`` truncates in SQL as in Python.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, Expression, F, QuerySet, Value, Window
from django.db.models.functions import RowNumber

MEDIAN = 5
P90 = 9


class PercentileCont(Aggregate):
    """PostgreSQL's continuous percentile, ``tenths`` of the way up the ordered values."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, tenths: int, **extra):
        if not 0 <= tenths <= 10:
            raise ValueError("tenths must be between 0 and 10")
        # A literal from code, never from a request: safe to put in the SQL text.
        super().__init__(expression, fraction=f"{tenths / 10:.1f}", **extra)


@dataclass(frozen=True)
class DurationStats:
    count: int
    median: datetime.timedelta | None
    p90: datetime.timedelta | None


def duration_stats(
    queryset: QuerySet, group_by: Sequence[str], duration: Expression
) -> dict[tuple, DurationStats]:
    """``{group values: DurationStats}`` for the rows of ``queryset`` where ``duration``
    (an expression with a DurationField output) is not null. ``group_by`` names fields or
    annotations of the queryset; an empty tuple is one group over every row."""
    queryset = queryset.annotate(_duration=duration).filter(_duration__isnull=False).order_by()
    if connection.vendor == "postgresql":
        return _postgres(queryset, tuple(group_by))
    return _by_window(queryset, tuple(group_by))


def _postgres(queryset: QuerySet, group_by: tuple[str, ...]) -> dict[tuple, DurationStats]:
    grouped = queryset.values(*group_by) if group_by else queryset
    aggregates = {
        "_n": Count("pk"),
        "_median": PercentileCont(F("_duration"), MEDIAN, output_field=DurationField()),
        "_p90": PercentileCont(F("_duration"), P90, output_field=DurationField()),
    }
    if not group_by:
        row = grouped.aggregate(**aggregates)
        if not row["_n"]:
            return {}
        return {(): DurationStats(row["_n"], row["_median"], row["_p90"])}
    return {
        tuple(row[name] for name in group_by): DurationStats(row["_n"], row["_median"], row["_p90"])
        for row in grouped.annotate(**aggregates)
    }


def _by_window(queryset: QuerySet, group_by: tuple[str, ...]) -> dict[tuple, DurationStats]:
    partition = [F(name) for name in group_by] or None
    numbered = queryset.annotate(
        _rank=Window(RowNumber(), partition_by=partition, order_by=[F("_duration").asc(), "pk"]),
        _n=Window(Count("pk"), partition_by=partition),
    )
    counts: dict[tuple, int] = {}
    values: dict[int, dict[tuple, dict[int, datetime.timedelta]]] = {}
    for tenths in (MEDIAN, P90):
        # 1-based rank of the value at or below the position, and the one after it.
        low = (F("_n") - Value(1)) * Value(tenths) / Value(10) + Value(1)
        rows = numbered.annotate(_low=low).filter(_rank__gte=F("_low"), _rank__lte=F("_low") + 1)
        picked = values.setdefault(tenths, {})
        for row in rows.values(*group_by, "_rank", "_n", "_duration"):
            key = tuple(row[name] for name in group_by)
            counts[key] = row["_n"]
            picked.setdefault(key, {})[row["_rank"]] = row["_duration"]
    return {
        key: DurationStats(
            count,
            _interpolate(values[MEDIAN].get(key, {}), count, MEDIAN),
            _interpolate(values[P90].get(key, {}), count, P90),
        )
        for key, count in counts.items()
    }


def _interpolate(
    ranked: dict[int, datetime.timedelta], count: int, tenths: int
) -> datetime.timedelta | None:
    """percentile_cont's answer from the values at ranks ``low`` and ``low + 1``."""
    low_index, remainder = divmod((count - 1) * tenths, 10)
    low = ranked.get(low_index + 1)
    if low is None:
        return None
    high = ranked.get(low_index + 2, low)
    return low + (high - low) * remainder / 10


def percentile(values: Sequence[datetime.timedelta], tenths: int) -> datetime.timedelta | None:
    """The same percentile of values held in Python (tests compare against it)."""
    ordered = sorted(values)
    if not ordered:
        return None
    return _interpolate(dict(enumerate(ordered, start=1)), len(ordered), tenths)
