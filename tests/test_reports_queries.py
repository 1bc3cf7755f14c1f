"""Each report costs a fixed number of SQL queries, however many articles, assignments,
pipeline steps and log entries there are: the numbers are aggregated by the database."""

from __future__ import annotations

import random

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.management import benchmark_seed as benchmark
from tests.support.reports import REPORT_SCREENS, report_url

# The whole admin page: session, user, menu and filters included.
# (SQLite computes each set of percentiles in two queries, PostgreSQL in one.)
# The annual summary also names each article's print issue: its slots read in bulk (two).
BUDGET = {"progress": 17, "coverage": 15, "cycle_times": 18, "overdue": 19, "annual": 25}
URLS = [(name, report_url(name, **params)) for name, params in REPORT_SCREENS] + [
    ("progress", report_url("progress", year=2020, export="xlsx")),
    ("overdue", report_url("overdue", by="assignments", export="csv")),
    ("coverage", report_url("coverage", year=2020, by="author", export="csv")),
]


def _counts(client) -> dict[str, int]:
    counts = {}
    for _name, url in URLS:
        client.get(url)  # caches warm (content types, site roots)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_query_budget_does_not_grow_with_the_rows(demo, client, django_assert_max_num_queries):
    client.force_login(get_user_model().objects.get(username="bientap"))
    before = _counts(client)

    added = benchmark.seed(articles=120, assignments=60, log_entries=40, rng=random.Random(8))
    assert added["articles"] == 120 and added["task_states"] > 0 and added["assignments"] == 60
    after = _counts(client)

    for name, url in URLS:
        with django_assert_max_num_queries(BUDGET[name]):
            client.get(url)
        assert after[url] == before[url], f"{url}: {before[url]} queries, then {after[url]}"
