"""Pipeline cycle times read Wagtail's own task states and the assignments' commission
dates: the medians and 90th percentiles on screen and in the download are those of the
recorded durations."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import TaskState

from editorial.models import Assignment
from tests.support.reports import csv_rows, report_url, screen_table
from tests.test_reports_percentiles import textbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    return client


def test_step_times_are_those_of_the_task_states(editor_client):
    year = timezone.localdate().year
    finished = TaskState.objects.filter(status__in=["approved", "rejected"]).order_by("pk")
    assert finished.count() >= 3
    # Give the demo's decisions known lengths this year: 2 h, 5 h, 11 h, ...
    start = timezone.make_aware(datetime.datetime(year, 1, 10, 8))
    for number, state in enumerate(finished):
        hours = 2 + number * 3 + number * number
        TaskState.objects.filter(pk=state.pk).update(
            started_at=start, finished_at=start + datetime.timedelta(hours=hours)
        )
    expected: dict[tuple[str, str], list[float]] = {}
    for state in finished.select_related("task", "workflow_state__workflow"):
        hours = (state.finished_at - state.started_at).total_seconds() / 3600
        expected.setdefault((state.workflow_state.workflow.name, state.task.name), []).append(hours)

    rows = csv_rows(editor_client.get(report_url("cycle_times", year=year, export="csv")))
    found = {(row[0], row[1]): row for row in rows[1:]}
    for key, hours in expected.items():
        row = found[key]
        assert int(row[2]) == len(hours)
        assert float(row[3]) == pytest.approx(textbook(hours, 0.5), abs=0.01)
        assert float(row[4]) == pytest.approx(textbook(hours, 0.9), abs=0.01)


def test_commission_to_publication(editor_client):
    done = [
        a
        for a in Assignment.objects.filter(
            article__live=True,
            commissioned_at__isnull=False,
            article__first_published_at__year=2020,
        ).select_related("article")
        if a.article.first_published_at >= a.commissioned_at
    ]
    assert len(done) >= 2, "the demo has commissions published in 2020"
    days = [(a.article.first_published_at - a.commissioned_at).total_seconds() / 3600 for a in done]
    rows = csv_rows(editor_client.get(report_url("cycle_times", year=2020, export="csv")))
    commission = [row for row in rows[1:] if row[2] == str(len(done))]
    assert commission, rows
    assert float(commission[-1][3]) == pytest.approx(textbook(days, 0.5), abs=0.01)

    by_topic = csv_rows(
        editor_client.get(report_url("cycle_times", year=2020, by="topic", export="csv"))
    )
    assert sum(int(row[2]) for row in by_topic[1:]) == len(done)


def test_slowest_open_items_wait_longest_first(editor_client):
    response = editor_client.get(report_url("cycle_times", by="open"))
    keys, table = screen_table(response)
    # An article in review shows twice: its open step, and its assignment.
    rows = [dict(zip(keys, (c["text"] for c in row), strict=True)) for row in table]
    open_steps = TaskState.objects.filter(status="in_progress").count()
    open_work = Assignment.objects.with_stage().filter(
        stage__in=["commissioned", "accepted", "drafting", "changes_requested", "in_review"]
    )
    assert len(rows) == min(25, open_steps + open_work.count()) > 0
    since = [datetime.datetime.strptime(row["since"], "%d/%m/%Y %H:%M") for row in rows]
    assert since == sorted(since)
