"""Query budgets: the assignment listing, its CSV export, the calendar and "My desk" cost a
fixed number of SQL queries with 1,000 assignments, the same as with ten."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editorial.enums import AssignmentStatus, PhotoNeeds
from editorial.models import Assignment
from tests.support.desk import make_article

pytestmark = pytest.mark.django_db

# The budgets, measured at 14 / 6 / 17 / 25 with a little headroom: session, user,
# permissions, the rows with their stage (one query), filter choices, menus. The calendar
# also asks which review steps fall due (one query per step type: Wagtail's own
# "reviewable by" question), then their pages. The test also
# checks that 1,000 assignments cost exactly what ten do. The dashboard counts Wagtail's
# own panels as well as "My desk", one count of search-index updates still waiting, and
# the editors' "plan items at risk" (seven: the plan years, the items, the progress
# report's grouped counts, the work in flight; as many for 1,000 assignments as for ten).
LISTING_BUDGET = 16
EXPORT_BUDGET = 8
CALENDAR_BUDGET = 20
DASHBOARD_BUDGET = 36

STATUSES = list(AssignmentStatus)


def fill(desk, count: int) -> None:
    """``count`` assignments around today, across writers, statuses, topics and photo needs.

    The small and the large set must run the same queries for the same reason: a view
    with no rows skips the query that reads them, so each view must list rows at both
    sizes, whatever today's date. Due dates therefore run from three days ago on (the
    month and the week views always hold today's), and the drafts (every tenth of the
    first fifty, from the fourth: the first is ``desk.journalist``'s, due today) are not
    overdue, so the "drafting, not overdue" filter lists rows for the editor and for
    the journalist at ten assignments as at a thousand.
    """
    today = timezone.localdate()
    writers = [desk.journalist, desk.journalist2, desk.journalist3]
    Assignment.objects.bulk_create(
        Assignment(
            headline=f"Bài số {n}",
            brief="…",
            topic=desk.topic if n % 2 else desk.topic2,
            plan_item=desk.plan_item if n % 2 else None,
            assignee=writers[n % 3],
            editor=desk.editor,
            due_date=today + datetime.timedelta(days=n % 28 - 3),
            status=STATUSES[n % len(STATUSES)],
            photo_needs=PhotoNeeds.NEW if n % 4 == 0 else PhotoNeeds.NONE,
        )
        for n in range(count)
    )
    for assignment in Assignment.objects.order_by("pk")[3 : min(count, 50) : 10]:
        assignment.article = make_article(title=assignment.headline)
        assignment.save(update_fields=["article"])


def count_queries(client, path) -> int:
    client.get(path)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


PATHS = {
    "listing": lambda: reverse("desk_assignment:index"),
    "filtered": lambda: reverse("desk_assignment:index") + "?stage=drafting&overdue=false",
    "export": lambda: reverse("desk_assignment:index") + "?export=csv",
    "calendar": lambda: reverse("desk_calendar:index"),
    "week": lambda: reverse("desk_calendar:index") + "?view=week",
    "dashboard": lambda: reverse("wagtailadmin_home"),
}
BUDGETS = {
    "listing": LISTING_BUDGET,
    "filtered": LISTING_BUDGET,
    "export": EXPORT_BUDGET,
    "calendar": CALENDAR_BUDGET,
    "week": CALENDAR_BUDGET,
    "dashboard": DASHBOARD_BUDGET,
}


@pytest.mark.parametrize("role", ["editor", "journalist"])
def test_desk_pages_stay_within_budget_with_1000_assignments(desk, as_user, role):
    client = as_user(getattr(desk, role))
    fill(desk, 10)
    # Every filtered view has rows at both sizes (see ``fill``).
    drafting = Assignment.objects.with_stage().filter(stage="drafting", is_overdue=False)
    assert drafting.count() == 1
    small = {name: count_queries(client, path()) for name, path in PATHS.items()}
    fill(desk, 990)
    assert Assignment.objects.count() == 1000
    assert drafting.count() == 5
    large = {name: count_queries(client, path()) for name, path in PATHS.items()}
    assert large == small  # nothing grows with the number of assignments
    for name, budget in BUDGETS.items():
        assert large[name] <= budget, f"{name}: {large[name]} queries > {budget}"
