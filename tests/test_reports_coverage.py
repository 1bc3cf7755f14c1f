"""Coverage statistics on the demo: per month and topic, per organisation (those with no
coverage too), per author and journalist, and beat activity, each matching the records."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from coverage.models import ArticleByline, ArticlePage, TopicHubPage
from editorial.models import Assignment, BeatLogEntry, Organisation
from tests.support.reports import TOTAL, cell, report_url, screen_rows, screen_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    return client


def _n(text: str) -> int:
    return int(text.replace(".", ""))


def test_articles_per_month_and_topic(editor_client):
    response = editor_client.get(report_url("coverage", year=2020))
    rows = screen_rows(response)
    live_2020 = ArticlePage.objects.live().filter(first_published_at__year=2020)
    assert _n(rows[TOTAL]["total"]) == live_2020.count() > 5
    assert (
        sum(_n(row["total"]) for label, row in rows.items() if label != TOTAL) == live_2020.count()
    )

    hub = TopicHubPage.objects.get(topic__number=3)
    in_october = live_2020.filter(path__startswith=hub.path, first_published_at__month=10).count()
    october = cell(response, "10/2020", f"t{hub.topic_id}")
    assert _n(october["text"]) == in_october > 0
    listing = editor_client.get(october["link"])
    assert listing.context["items_count"] == in_october


def test_every_organisation_is_listed_even_without_coverage(editor_client):
    response = editor_client.get(report_url("coverage", year=2020, by="organisation"))
    rows = screen_rows(response)
    assert set(rows) == set(Organisation.objects.values_list("name", flat=True))
    counts = {
        org.name: ArticlePage.objects.live()
        .filter(organisations=org, first_published_at__year=2020)
        .count()
        for org in Organisation.objects.all()
    }
    assert {name: _n(row["articles"]) for name, row in rows.items()} == counts
    assert 0 in counts.values() and max(counts.values()) > 0
    # Most covered first.
    ordered = [_n(row["articles"]) for row in rows.values()]
    assert ordered == sorted(ordered, reverse=True)


def test_articles_per_author(editor_client):
    rows = screen_rows(editor_client.get(report_url("coverage", year=2020, by="author")))
    bylines = ArticleByline.objects.filter(
        page__live=True, page__first_published_at__year=2020
    ).select_related("author")
    expected: dict[str, set] = {}
    for byline in bylines:
        expected.setdefault(byline.author.display_name, set()).add(byline.page_id)
    assert {label: _n(row["articles"]) for label, row in rows.items()} == {
        name: len(pages) for name, pages in expected.items()
    }


def test_assignments_per_journalist(editor_client):
    year = timezone.localdate().year
    response = editor_client.get(report_url("coverage", year=year, by="journalist"))
    rows = screen_rows(response)
    due = Assignment.objects.filter(due_date__year=year)
    with_person = due.exclude(assignee__isnull=True, staff_contact__isnull=True)
    assert sum(_n(row["total"]) for row in rows.values()) == with_person.count() > 0
    journalist = get_user_model().objects.get(username="phongvien")
    name = journalist.get_full_name() or journalist.username
    assert (
        _n(rows[name]["total"])
        == due.filter(assignee=journalist).count() + due.filter(staff_contact=journalist).count()
    )
    # The number leads to the desk listing: that person, due in that year.
    total = cell(response, name, "total")
    assert editor_client.get(total["link"]).context["items_count"] == _n(total["text"])


def test_beat_activity_per_month(editor_client):
    # The newest entry's year, not today's: on New Year's Day the demo's entries (dated
    # from the days before today) all fall in the year just ended.
    year = BeatLogEntry.objects.latest("date").date.year
    response = editor_client.get(report_url("coverage", year=year, by="beat"))
    keys, rows = screen_table(response)
    assert keys[1:13] == [f"m{month}" for month in range(1, 13)]
    total = screen_rows(response)[TOTAL]
    assert _n(total["total"]) == BeatLogEntry.objects.filter(date__year=year).count() > 0
    # The beat's total leads to the beat log, filtered to that beat and year.
    busiest = max((r for r in rows if r[0]["text"] != TOTAL), key=lambda r: _n(r[-1]["text"]))
    listing = editor_client.get(busiest[-1]["link"])
    assert listing.context["items_count"] == _n(busiest[-1]["text"]) > 0
