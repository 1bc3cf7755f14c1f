"""Medians and 90th percentiles computed by the database (percentile_cont on PostgreSQL,
window functions on SQLite) agree with the textbook definition."""

from __future__ import annotations

import datetime
import math

import pytest
from django.db.models import DurationField, ExpressionWrapper, F
from django.utils import timezone

from editorial.models import Assignment
from editorial.reports import percentiles
from tests.support.desk import make_assignment

DURATION = ExpressionWrapper(F("answered_at") - F("commissioned_at"), output_field=DurationField())
HOURS = {
    "a": [5, 1, 100, 3, 2, 6, 4],  # unsorted, with an outlier
    "b": [5],
    "c": [1, 3],
    "d": [2, 2, 2, 9, 9, 9, 9, 9, 9, 9, 9],  # ties
}


def textbook(values: list[float], fraction: float) -> float:
    """Linear interpolation at position fraction·(n−1), as percentile_cont defines it."""
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@pytest.fixture
def durations(desk):
    start = timezone.now() - datetime.timedelta(days=30)
    topics = {"a": desk.topic, "b": desk.topic2}
    for group, hours in HOURS.items():
        for h in hours:
            make_assignment(
                desk,
                topic=topics.get(group, desk.topic),
                headline=group,
                commissioned_at=start,
                answered_at=start + datetime.timedelta(hours=h),
            )
    # No answer yet: not a duration, left out.
    make_assignment(desk, headline="a", commissioned_at=start, answered_at=None)
    return Assignment.objects.all()


def _check(stats: dict) -> None:
    assert set(stats) == {(group,) for group in HOURS}
    for group, hours in HOURS.items():
        found = stats[(group,)]
        assert found.count == len(hours)
        for value, fraction in ((found.median, 0.5), (found.p90, 0.9)):
            expected = textbook(hours, fraction)
            assert abs(value.total_seconds() / 3600 - expected) < 1e-6, (group, fraction)


@pytest.mark.django_db
def test_grouped_percentiles_on_this_database(durations):
    _check(percentiles.duration_stats(durations, ["headline"], DURATION))


@pytest.mark.django_db
def test_window_function_method_on_this_database(durations):
    # The SQLite method runs on PostgreSQL too: both give the same answers.
    queryset = durations.annotate(_duration=DURATION).filter(_duration__isnull=False).order_by()
    _check(percentiles._by_window(queryset, ("headline",)))


@pytest.mark.django_db
def test_one_group_over_all_rows(durations):
    stats = percentiles.duration_stats(durations, [], DURATION)
    every = [h for hours in HOURS.values() for h in hours]
    assert stats[()].count == len(every)
    assert abs(stats[()].median.total_seconds() / 3600 - textbook(every, 0.5)) < 1e-6
    assert abs(stats[()].p90.total_seconds() / 3600 - textbook(every, 0.9)) < 1e-6


@pytest.mark.django_db
def test_nothing_to_measure_is_no_group(desk):
    # Both database paths answer "no groups", not a group of nothing.
    assert percentiles.duration_stats(Assignment.objects.all(), [], DURATION) == {}
    assert percentiles.duration_stats(Assignment.objects.all(), ["topic"], DURATION) == {}


def test_percentile_arguments_are_checked():
    with pytest.raises(ValueError):
        percentiles.PercentileCont(F("x"), 11)
    assert percentiles.percentile([], 5) is None
    values = [datetime.timedelta(hours=h) for h in (4, 1, 3, 2)]
    assert percentiles.percentile(values, 5) == datetime.timedelta(hours=2.5)
