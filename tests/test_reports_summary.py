"""The annual summary (tổng kết năm): a printable page listing every plan item of the
year with what delivered it, and the counts per topic."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from coverage.models import ArticlePage
from editorial.models import PlanItem, ProgrammeEvent
from tests.support.reports import report_url

pytestmark = pytest.mark.django_db


def test_annual_summary_2020(demo, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    response = client.get(report_url("annual", year=2020))
    assert response.status_code == 200
    html = response.content.decode()
    for item in PlanItem.objects.filter(plan__year=2020):
        assert item.title.replace("“", "&ldquo;") in html or item.title in html
        for article in ArticlePage.objects.live().filter(plan_item=item):
            assert article.title in html, article.title
        for event in ProgrammeEvent.objects.held().filter(plan_item=item):
            assert event.title in html
    # A draft linked to an item is not a delivery.
    draft = ArticlePage.objects.filter(live=False, plan_item__isnull=False).first()
    if draft is not None:
        assert draft.title not in html
    assert "annual_summary.css" in html
    assert '<option value="2020" selected>' in html


def test_print_style_drops_the_controls():
    with open(finders.find("editorial/annual_summary.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "@media print" in css
    assert ".summary__controls { display: none; }" in css
