"""Overdue work: assignments past their due date and review steps past their allowance,
listed and counted by person, read from the desk and the pipelines' own definitions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from editorial.models import Assignment
from editorial.pipelines.deadlines import overdue_task_states
from tests.support.reports import cell, report_url, screen_rows, screen_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="tongbientap"))
    return client


def _n(text: str) -> int:
    return int(text.replace(".", ""))


def test_overdue_assignments_are_the_desks(editor_client):
    late = Assignment.objects.with_stage().filter(is_overdue=True).order_by("due_date", "pk")
    assert late.exists(), "the demo has late work"
    _keys, rows = screen_table(editor_client.get(report_url("overdue", by="assignments")))
    assert [row[0]["text"] for row in rows] == [a.headline for a in late]
    today = timezone.localdate()
    first = screen_rows(editor_client.get(report_url("overdue", by="assignments")))[
        late[0].headline
    ]
    assert _n(first["days_late"]) == (today - late[0].due_date).days


def test_overdue_steps_are_the_pipelines(editor_client):
    steps = list(overdue_task_states().select_related("task"))
    assert steps, "the demo has a review step past its allowance"
    rows = screen_rows(editor_client.get(report_url("overdue", by="steps")))
    assert len(rows) == len(steps)
    assert {row["step"] for row in rows.values()} == {s.task.name for s in steps}
    assert all(row["reviewer"] for row in rows.values())


def test_by_person_adds_up_and_links_to_the_lists(editor_client):
    response = editor_client.get(report_url("overdue"))
    rows = screen_rows(response)
    late = Assignment.objects.with_stage().filter(is_overdue=True)
    answerable = late.exclude(assignee__isnull=True, staff_contact__isnull=True).count()
    assert sum(_n(row["assignments"]) for row in rows.values()) == answerable
    journalist = get_user_model().objects.get(username="phongvien")
    name = journalist.get_full_name() or journalist.username
    mine = late.filter(assignee=journalist).count() + late.filter(staff_contact=journalist).count()
    assert _n(rows[name]["assignments"]) == mine > 0
    link = cell(response, name, "assignments")["link"]
    assert editor_client.get(link).context["items_count"] == mine
    # A person's steps open the steps list narrowed to them.
    for label, row in rows.items():
        if _n(row["steps"]):
            steps_link = cell(response, label, "steps")["link"]
            narrowed = screen_rows(editor_client.get(steps_link))
            assert len(narrowed) == _n(row["steps"])
