"""Pace forecast per plan item: the README's worked example, the flags, the progress
report's column, and the dashboard panel of items at risk with constant queries."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from editorial.enums import AssignmentStatus
from editorial.models import ProgrammeEvent
from editorial.reports.queries import forecast, progress
from tests.factories import PlanItemFactory
from tests.support.desk import make_assignment
from tests.support.reports import report_url, screen_rows

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR_START, YEAR_END = D(2020, 1, 1), D(2020, 12, 31)


def test_the_readme_worked_example_is_at_risk():
    # Target 5, 2 delivered, 2 in review due before the deadline, 1 not commissioned;
    # on 1 October 2020 (274 days into the year).
    found = forecast.project(
        target=5,
        delivered=2,
        in_flight_due=[D(2020, 11, 15), D(2020, 12, 10)],
        deadline=YEAR_END,
        start=YEAR_START,
        today=D(2020, 10, 1),
    )
    assert found.in_flight == 2
    assert found.pace == 2  # 2 × 365 / 274, rounded down
    assert found.projected == 4
    assert found.flag == forecast.AT_RISK


def test_flags_met_on_track_and_past_the_deadline():
    on_track = forecast.project(5, 2, [D(2020, 11, 1)] * 3, YEAR_END, YEAR_START, D(2020, 10, 1))
    assert (on_track.projected, on_track.flag) == (5, forecast.ON_TRACK)
    # Work due after the deadline does not count.
    late = forecast.project(5, 2, [D(2021, 1, 15)] * 3, YEAR_END, YEAR_START, D(2020, 10, 1))
    assert (late.in_flight, late.in_flight_late, late.flag) == (0, 3, forecast.AT_RISK)
    # A fast start carries by pace alone: 3 delivered by the end of March → 12 by year end.
    fast = forecast.project(5, 3, [], YEAR_END, YEAR_START, D(2020, 3, 31))
    assert fast.pace >= 5 and fast.flag == forecast.ON_TRACK
    met = forecast.project(5, 5, [], YEAR_END, YEAR_START, D(2020, 6, 1))
    assert met.flag == forecast.MET
    # Once the deadline has passed only what was delivered counts.
    missed = forecast.project(5, 4, [D(2020, 12, 1)], YEAR_END, YEAR_START, D(2021, 2, 1))
    assert (missed.projected, missed.flag) == (4, forecast.AT_RISK)


def _held(item, n: int):
    for i in range(n):
        ProgrammeEvent.objects.create(
            title=f"Hội nghị {item.pk}-{i}",
            kind="seminar",
            starts_at=timezone.make_aware(datetime.datetime(2020, 6, 1 + i, 8)),
            plan_item=item,
        )


def _worked_example(desk, title="Loạt bài mô hình mới"):
    item = PlanItemFactory(plan=desk.plan, title=title, topic=desk.topic, target=5,
                           due_date=YEAR_END)  # fmt: skip
    _held(item, 2)
    for due in (D(2020, 11, 15), D(2020, 12, 10)):
        make_assignment(desk, plan_item=item, due_date=due)
    make_assignment(desk, plan_item=item, status=AssignmentStatus.PROPOSED)  # not commissioned
    return item


@pytest.fixture
def october_2020():
    moment = timezone.make_aware(datetime.datetime(2020, 10, 1, 10))
    with time_machine.travel(moment, tick=False):
        yield


def test_the_worked_example_from_the_database(desk, october_2020):
    item = _worked_example(desk)
    items = list(progress.plan_items(2020).select_related("plan"))
    found = forecast.forecasts(items, progress.delivery(progress.ITEM, 2020))[item.pk]
    assert (found.delivered, found.in_flight, found.projected) == (2, 2, 4)
    assert found.flag == forecast.AT_RISK


def test_the_progress_report_shows_the_forecast_beside_the_same_delivered(
    desk, as_user, october_2020
):
    item = _worked_example(desk)
    response = as_user(desk.editor).get(report_url("progress", year=2020))
    row = screen_rows(response)[item.title]
    assert row["delivered"] == "2"
    assert row["forecast"].startswith("4 / 5")


def test_the_dashboard_lists_items_at_risk_by_due_date(
    desk, as_user, october_2020, django_assert_max_num_queries
):
    late = _worked_example(desk, "Hạn cuối năm")
    soon = PlanItemFactory(plan=desk.plan, title="Hạn tháng mười một", topic=desk.topic,
                           target=3, due_date=D(2020, 11, 30))  # fmt: skip
    met = PlanItemFactory(plan=desk.plan, title="Đã đạt", topic=desk.topic, target=1)
    _held(met, 1)
    client = as_user(desk.editor)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "plan-items-at-risk" in body
    assert body.index(soon.title) < body.index(late.title)
    assert met.title not in body
    in_flight = forecast.forecasts([late], progress.delivery(progress.ITEM, 2020))[late.pk]
    from editorial.reports.views.progress import in_flight_link

    assert in_flight_link(late.pk, in_flight).replace("&", "&amp;") in body

    with django_assert_max_num_queries(200) as few:
        client.get(reverse("wagtailadmin_home"))
    for n in range(8):
        extra = PlanItemFactory(plan=desk.plan, title=f"Thêm {n}", topic=desk.topic, target=4)
        make_assignment(desk, plan_item=extra, due_date=D(2020, 12, 1))
        _held(extra, 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Thêm 0" in body


def test_journalists_and_the_photo_desk_get_no_at_risk_panel(desk, as_user, october_2020):
    _worked_example(desk)
    for user in (desk.journalist, desk.photo):
        body = as_user(user).get(reverse("wagtailadmin_home")).content.decode()
        assert "plan-items-at-risk" not in body
