"""The reports' filter form shows the year the report is showing."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from editorial.models import AnnualPlan

pytestmark = pytest.mark.django_db


def selected_years(html: bytes) -> list[str]:
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "year"})
    assert select is not None, "no year filter on the page"
    return [option["value"] for option in select.find_all("option") if option.has_attr("selected")]


@pytest.mark.parametrize("report", ["report_progress:index", "report_annual:index"])
def test_with_no_year_asked_the_filter_shows_the_default_year(desk, as_user, report):
    # Plans for 2020 and 2021: the default is the latest (2021), not the first option.
    AnnualPlan.objects.create(programme=desk.programme, year=2021)
    response = as_user(desk.editor).get(reverse(report))
    assert response.status_code == 200
    assert selected_years(response.content) == ["2021"]


def test_an_asked_year_stays_selected(desk, as_user):
    AnnualPlan.objects.create(programme=desk.programme, year=2021)
    response = as_user(desk.editor).get(reverse("report_progress:index"), {"year": "2020"})
    assert selected_years(response.content) == ["2020"]
