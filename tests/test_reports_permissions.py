"""Who sees the delivery reports: editors and the editor-in-chief; journalists and the
photo desk neither see the menu nor open a report or a download (the server refuses:
Wagtail's admin turns the refusal into a redirect to the dashboard with a message)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.support.reports import EDITORS, OTHERS, REPORT_SCREENS, report_url

pytestmark = pytest.mark.django_db

EXTRA_URLS = [
    report_url("progress", year=2020, export="csv"),
    report_url("coverage", year=2020, export="xlsx"),
    reverse("report_progress:index_results") + "?year=2020",
    reverse("report_overdue:index_results"),
    # The article listing the numbers link to lists every draft: part of the reports.
    reverse("report_articles:index") + "?plan_year=2020",
    reverse("report_articles:index_results"),
    reverse("report_articles:choose_parent"),
]
SCREEN_URLS = [report_url(name, **params) for name, params in REPORT_SCREENS]


@pytest.mark.parametrize("username", EDITORS + OTHERS)
def test_reports_per_role(demo, client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    allowed = username in EDITORS
    assert user.has_perm("editorial.view_reports") is allowed

    for url in SCREEN_URLS + EXTRA_URLS:
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, url
            assert response["Location"] == reverse("wagtailadmin_home"), url

    # The menu: the group and its items are only drawn for those who may open them.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("progress", "coverage", "cycle_times", "overdue", "annual"):
        assert (reverse(f"report_{name}:index") in home) is allowed, name


def test_anonymous_is_sent_to_the_login(db, client):
    response = client.get(report_url("progress"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
