"""The dashboard's "Awaiting your review" panel (editorial.pipelines.review_queue): the
same rows, actions and step statuses as Wagtail's own panel, at a cost that does not grow
with the number of open steps."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from editorial.models import Assignment
from editorial.models.quorum import Tally
from editorial.pipelines import review_queue
from editorial.pipelines.quorum import progress_label
from editorial.pipelines.review_queue import ReviewQueuePanel
from editorial.pipelines.sign_off import APPROVE_AND_SCHEDULE
from tests.support.pipelines import act, client_for, draft_article, modal_step, user

pytestmark = pytest.mark.django_db

STANDARD_TOPIC = 1  # editor, then the editor-in-chief's sign-off
SENSITIVE_TOPIC = 2  # editor, political review board, then the sign-off


def open_steps(count: int, topic: int = STANDARD_TOPIC) -> list:
    pages = []
    for number in range(count):
        page = draft_article(topic, title=f"Bài chờ duyệt số {number}")
        page.get_workflow().start(page, user("phongvien"))
        pages.append(page)
    return pages


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("username", ["bientap", "tongbientap"])
def test_dashboard_costs_the_same_with_few_or_many_open_steps(demo, client, username):
    client.force_login(user(username))
    open_steps(2)
    client.get(reverse("wagtailadmin_home"))  # warm per-process caches
    few = dashboard_queries(client)
    pages = open_steps(10)
    many = dashboard_queries(client)
    # Wagtail's own panel cost about 25 more queries per open step here.
    assert many == few
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert all(page.title in content for page in pages)


def panel_rows(panel_class, username: str) -> dict:
    """What a panel hands its template, per article: the actions and the step statuses."""
    request = RequestFactory().get("/admin/")
    request.user = user(username)
    panel = panel_class(request) if panel_class is ReviewQueuePanel else panel_class()
    context = panel.get_context_data({"request": request, "csrf_token": "x"})
    return {
        row["obj"].pk: (
            [(name, str(label), modal) for name, label, modal in row["actions"]],
            [(task.pk, task.status, str(task.status_display)) for task in row["workflow_tasks"]],
            row["task_state"].pk,
            row["workflow_preview_url_name"],
        )
        for row in context["states"]
    }


def test_rows_match_wagtails_panel_at_every_step_of_a_three_step_pipeline(demo, demo_password):
    first, second, third = open_steps(3, topic=SENSITIVE_TOPIC)
    # One article at each step: the editor's, the board's and the sign-off.
    editor = client_for("bientap", demo_password)
    for page in (second, third):
        assert act(editor, page, "approve").status_code == 200
    # The board decides by a majority of its three members (tests/test_quorum_step.py).
    for member in ("photongbientap", "bientap2"):
        board = client_for(member, demo_password)
        assert modal_step(act(board, third, "approve", "Đồng ý.")) == "success"

    for username in ("bientap", "photongbientap", "tongbientap"):
        ours = panel_rows(ReviewQueuePanel, username)
        wagtails = panel_rows(WorkflowObjectsToModeratePanel, username)
        # Ours also counts the board's votes on its open step; otherwise the same.
        board_status = ours.get(second.pk, (None, []))[1]
        if board_status:
            _pk, _status, label = board_status[1]
            assert label.endswith(progress_label(Tally(members=3, needed=2))), username
        assert without_vote_counts(ours) == wagtails, username
    # The sign-off row offers the publishing approval: the last step was recognised.
    chief_actions = panel_rows(ReviewQueuePanel, "tongbientap")[third.pk][0]
    assert APPROVE_AND_SCHEDULE in {name for name, _label, _modal in chief_actions}
    assert set(panel_rows(ReviewQueuePanel, "bientap")) >= {first.pk}


def without_vote_counts(rows: dict) -> dict:
    """The rows with a quorum step's "Đang thực hiện: 0/3 …" read as Wagtail's status."""
    return {
        pk: (
            actions,
            [(task, status, label.split(": ")[0]) for task, status, label in statuses],
            *rest,
        )
        for pk, (actions, statuses, *rest) in rows.items()
    }


def test_writers_get_no_actions_on_their_own_article(demo):
    (page,) = open_steps(1)
    # The editor who would review it is also on the assignment as staff contact.
    assignment = Assignment.objects.get(article=page)
    assignment.staff_contact = user("bientap")
    assignment.save()
    ours = panel_rows(ReviewQueuePanel, "bientap")
    assert ours == panel_rows(WorkflowObjectsToModeratePanel, "bientap")
    assert ours.get(page.pk, ([],))[0] == []


def test_a_long_queue_shows_the_newest_and_links_to_the_full_report(demo, client, monkeypatch):
    monkeypatch.setattr(review_queue, "MAX_ROWS", 2)
    oldest, middle, newest = open_steps(3)
    client.force_login(user("tongbientap"))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert newest.title in content and middle.title in content
    assert oldest.title not in content
    total = len(panel_rows(WorkflowObjectsToModeratePanel, "tongbientap"))
    assert total > 2
    assert f"2 bước mới nhất trong {total} bước" in content
    assert reverse("wagtailadmin_reports:workflow_tasks") in content


def test_a_journalists_dashboard_costs_the_same_with_few_or_many_articles_in_review(demo, client):
    client.force_login(user("phongvien"))
    open_steps(2)
    client.get(reverse("wagtailadmin_home"))
    few = dashboard_queries(client)
    pages = open_steps(10)
    # Wagtail's own panel cost three more queries per article in review here.
    assert dashboard_queries(client) == few
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert all(page.title in content for page in pages)


def test_the_journalists_panel_lists_what_wagtails_does_newest_first_capped(demo, monkeypatch):
    from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel

    from editorial.pipelines.review_queue import MyArticlesInReviewPanel

    open_steps(3)
    request = RequestFactory().get("/admin/")
    request.user = user("phongvien")

    def listed(panel):
        context = panel.get_context_data({"request": request})
        return [state.pk for state in context["workflow_states"]], context

    wagtails, _context = listed(UserObjectsInWorkflowModerationPanel())
    ours, context = listed(MyArticlesInReviewPanel())
    assert ours == wagtails and not context["more"]
    monkeypatch.setattr(review_queue, "MAX_ROWS", 2)
    ours, context = listed(MyArticlesInReviewPanel())
    assert ours == wagtails[:2]
    assert context["more"] and context["total"] == len(wagtails)
