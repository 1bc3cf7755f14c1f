"""The editorial board decides by quorum (issue #18), through the real admin views.

The demo's sensitive pipeline has the board's political review as a quorum step: a
majority of its three members (the editor-in-chief, his deputy, an editor) must approve,
each with a written rationale; the first request for changes returns the article, and
everyone who approved it so far hears of it.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import PageLogEntry, TaskState

from coverage.demo.workflows import EDITOR_REVIEW, POLITICAL_REVIEW, SIGN_OFF
from coverage.models import ArticlePage
from editorial.enums import QuorumThreshold
from editorial.models import QuorumTask, QuorumVote
from editorial.models.quorum import OVERRIDE_ACTION, QUORUM_OVERRIDE, QUORUM_VOTE, votes_needed
from tests.support.pipelines import (
    act,
    client_for,
    current_state,
    draft_article,
    modal_step,
    user,
)

pytestmark = pytest.mark.django_db

SENSITIVE_TOPIC = 2


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a step and then what waits for its transaction to commit (the queued mails)."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


@pytest.fixture
def at_the_board(demo, demo_password, committed):
    """A sensitive article its editor (Trần Thị Lan) approved: it waits for the board."""
    article = draft_article(SENSITIVE_TOPIC)
    committed(article.get_workflow().start, article, user("phongvien"))
    state = current_state(article).specific
    assert state.task.name == EDITOR_REVIEW
    editor = client_for(state.reviewer.username, demo_password)
    assert modal_step(committed(act, editor, article, "approve", "Đạt yêu cầu.")) == "success"
    assert current_state(article).task.name == POLITICAL_REVIEW
    return ArticlePage.objects.get(pk=article.pk)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def board_step(article):
    state = current_state(article)
    assert state.task.name == POLITICAL_REVIEW
    return state


def test_the_demo_board_step_is_a_majority_of_three(at_the_board):
    task = board_step(at_the_board).task.specific
    assert isinstance(task, QuorumTask)
    assert task.threshold == QuorumThreshold.MAJORITY
    tally = task.tally(board_step(at_the_board), at_the_board)
    assert (tally.members, tally.needed, tally.approvals) == (3, 2, 0)


def test_one_approval_does_not_pass_the_step_and_two_do(at_the_board, demo_password):
    article = at_the_board
    state = board_step(article)
    deputy = client_for("photongbientap", demo_password)
    response = act(deputy, article, "approve", "Lập luận chặt chẽ, số liệu có nguồn.")
    assert modal_step(response) == "success"

    # Still at the board, in progress, with the vote and its rationale recorded and logged.
    state = TaskState.objects.get(pk=state.pk)
    assert state.status == TaskState.STATUS_IN_PROGRESS
    assert current_state(article).pk == state.pk
    vote = QuorumVote.objects.get(task_state=state)
    assert (vote.user.username, vote.decision, vote.rationale) == (
        "photongbientap",
        "approve",
        "Lập luận chặt chẽ, số liệu có nguồn.",
    )
    logged = PageLogEntry.objects.filter(page=article, action=QUORUM_VOTE)
    assert [(e.user.username, e.data["comment"]) for e in logged] == [
        ("photongbientap", "Lập luận chặt chẽ, số liệu có nguồn.")
    ]

    # The other members see who has decided: the count on their dashboard, the votes
    # with their rationale in the step's dialog, the vote in the article's history.
    member = client_for("bientap2", demo_password)
    dashboard = member.get(reverse("wagtailadmin_home")).content.decode()
    assert (
        gettext("%(approvals)s/%(members)s approved, %(needed)s needed")
        % {
            "approvals": 1,
            "members": 3,
            "needed": 2,
        }
        in dashboard
    )
    dialog = member.get(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk])
    )
    assert dialog.status_code == 200
    html = dialog.json()["html"]
    assert "Nguyễn Ngọc Hà" in html
    assert "Lập luận chặt chẽ, số liệu có nguồn." in html
    history = member.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert "Lập luận chặt chẽ, số liệu có nguồn." in history.content.decode()

    # The second approval is the majority: the step passes through Wagtail's approval.
    assert modal_step(act(member, article, "approve", "Đồng ý đăng.")) == "success"
    state = TaskState.objects.get(pk=state.pk)
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by.username == "bientap2"
    assert current_state(article).task.name == SIGN_OFF
    assert QuorumVote.objects.filter(task_state=state).count() == 2
    # Every vote stays in the history.
    assert PageLogEntry.objects.filter(page=article, action=QUORUM_VOTE).count() == 2


@pytest.mark.parametrize("rationale", ["", "   "])
def test_a_vote_needs_a_rationale(at_the_board, demo_password, rationale):
    article = at_the_board
    deputy = client_for("photongbientap", demo_password)
    for action in ("approve", "reject"):
        response = act(deputy, article, action, rationale)
        assert modal_step(response) == "action"  # the dialog again, with the error
        html = response.json()["html"]
        assert gettext("Rationale") in html
        assert gettext("This field is required.") in html
    assert not QuorumVote.objects.exists()
    assert not PageLogEntry.objects.filter(page=article, action=QUORUM_VOTE).exists()
    assert board_step(article).status == TaskState.STATUS_IN_PROGRESS
    # Nor without the dialog (a plain post): nothing is recorded.
    act(deputy, article, "approve", rationale, modal=False)
    assert not QuorumVote.objects.exists()


def test_a_member_cannot_vote_twice(at_the_board, demo_password):
    article = at_the_board
    state = board_step(article)
    deputy = client_for("photongbientap", demo_password)
    assert modal_step(act(deputy, article, "approve", "Đồng ý.")) == "success"

    # The vote is no longer offered to them, and the step no longer awaits their review.
    article = ArticlePage.objects.get(pk=article.pk)
    names = [
        name
        for name, _label, _modal in state.task.specific.get_actions(article, user("photongbientap"))
    ]
    assert "approve" not in names and "reject" not in names
    assert state.pk not in TaskState.objects.reviewable_by(user("photongbientap")).values_list(
        "pk", flat=True
    )
    assert state.pk in TaskState.objects.reviewable_by(user("bientap2")).values_list(
        "pk", flat=True
    )
    # A second post is refused, whichever way it votes.
    assert act(deputy, article, "approve", "Đồng ý lần nữa.").status_code == 403
    assert act(deputy, article, "reject", "Đổi ý.").status_code == 403
    assert QuorumVote.objects.filter(task_state=state).count() == 1
    assert board_step(article).status == TaskState.STATUS_IN_PROGRESS


def test_people_off_the_board_do_not_vote(at_the_board, demo_password):
    article = at_the_board
    editor = client_for("bientap", demo_password)  # approved the first step, not on the board
    assert act(editor, article, "approve", "Tôi đồng ý.").status_code == 403
    assert act(editor, article, OVERRIDE_ACTION, "Vượt quyền.").status_code == 403
    assert not QuorumVote.objects.exists()


def test_the_first_request_for_changes_returns_it_and_tells_everyone_who_approved(
    at_the_board, demo_password, committed
):
    article = at_the_board
    state = board_step(article)
    deputy = client_for("photongbientap", demo_password)
    assert modal_step(committed(act, deputy, article, "approve", "Đồng ý.")) == "success"
    mail.outbox.clear()

    member = client_for("bientap2", demo_password)
    response = committed(act, member, article, "reject", "Đoạn thứ hai cần dẫn nguồn.")
    assert modal_step(response) == "success"
    state = TaskState.objects.get(pk=state.pk)
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Đoạn thứ hai cần dẫn nguồn."
    vote = QuorumVote.objects.get(task_state=state, user=user("bientap2"))
    assert vote.decision == "return"

    # The writer, the editor who approved the first step and the board member who had
    # approved: one mail each; not the member who returned it.
    assert recipients() == ["bientap@example.vn", "phongvien@example.vn", "photbt@example.vn"]
    by_address = {message.to[0]: message for message in mail.outbox}
    for address in recipients():
        assert "Đoạn thứ hai cần dẫn nguồn." in by_address[address].body
    assert "Sửa bài và gửi duyệt lại" in by_address["phongvien@example.vn"].body
    assert "mà đồng chí đã duyệt" in by_address["bientap@example.vn"].body
    assert "mà đồng chí đã duyệt" in by_address["photbt@example.vn"].body
    assert by_address["bientap@example.vn"].body.startswith("Kính gửi đồng chí Trần Thị Lan,")


def test_a_named_step_returning_it_tells_the_earlier_approvers_too(demo, demo_password, committed):
    """Any step, not only the board's: the sign-off returns an article the editor and the
    board approved."""
    article = draft_article(SENSITIVE_TOPIC)
    committed(article.get_workflow().start, article, user("phongvien"))
    editor = current_state(article).specific.reviewer
    committed(act, client_for(editor.username, demo_password), article, "approve", "Được.")
    for member in ("photongbientap", "bientap2"):
        committed(act, client_for(member, demo_password), article, "approve", "Đồng ý.")
    assert current_state(article).task.name == SIGN_OFF
    mail.outbox.clear()
    chief = client_for("tongbientap", demo_password)
    assert modal_step(committed(act, chief, article, "reject", "Chưa đăng lúc này.")) == "success"
    assert recipients() == [
        "bientap2@example.vn",
        f"{editor.username}@example.vn",
        "phongvien@example.vn",
        "photbt@example.vn",
    ]


def test_the_editor_in_chief_can_pass_it_without_the_quorum_and_that_is_recorded(
    at_the_board, demo_password
):
    article = at_the_board
    state = board_step(article)
    deputy = client_for("photongbientap", demo_password)
    assert modal_step(act(deputy, article, "approve", "Đồng ý.")) == "success"

    # Only whoever may publish directly is offered the override; a member is not.
    assert OVERRIDE_ACTION not in [
        name for name, _l, _m in state.task.specific.get_actions(article, user("bientap2"))
    ]
    assert act(client_for("bientap2", demo_password), article, OVERRIDE_ACTION).status_code == 403

    chief = client_for("tongbientap", demo_password)
    response = act(chief, article, OVERRIDE_ACTION, "Bài cần lên trang trong hôm nay.")
    assert modal_step(response) == "success"
    state = TaskState.objects.get(pk=state.pk)
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by.username == "tongbientap"
    assert current_state(article).task.name == SIGN_OFF
    entry = PageLogEntry.objects.get(page=article, action=QUORUM_OVERRIDE)
    assert entry.user.username == "tongbientap"
    assert (entry.data["approvals"], entry.data["needed"]) == (1, 2)
    assert entry.data["comment"] == "Bài cần lên trang trong hôm nay."
    # His override is not a vote.
    assert not QuorumVote.objects.filter(user=user("tongbientap")).exists()
    history = chief.get(reverse("wagtailadmin_pages:history", args=[article.pk])).content.decode()
    assert "Bài cần lên trang trong hôm nay." in history


@pytest.mark.parametrize(
    ("threshold", "count", "members", "needed"),
    [
        (QuorumThreshold.ONE, 2, 3, 1),
        (QuorumThreshold.MAJORITY, 2, 3, 2),
        (QuorumThreshold.MAJORITY, 2, 4, 3),
        (QuorumThreshold.ALL, 2, 3, 3),
        (QuorumThreshold.COUNT, 2, 5, 2),
        (QuorumThreshold.COUNT, 4, 3, 3),  # never more than may vote
        (QuorumThreshold.ALL, 2, 0, 1),  # an empty board never passes on nobody's vote
    ],
)
def test_votes_needed(threshold, count, members, needed):
    assert votes_needed(threshold, count, members) == needed


def test_an_overdue_reminder_asks_only_the_members_who_have_not_voted(at_the_board, demo_password):
    from editorial.pipelines import notifications

    article = at_the_board
    deputy = client_for("photongbientap", demo_password)
    assert modal_step(act(deputy, article, "approve", "Đồng ý.")) == "success"
    state = board_step(article)
    reminded = notifications.recipients_of("step_overdue", state)
    assert sorted(member.username for member in reminded) == ["bientap2", "tongbientap"]


def test_a_demo_loaded_before_the_quorum_gets_the_quorum_step(demo):
    """An older demo's sensitive pipeline had a one-click group step for the board:
    loading the demo again puts the quorum step in its place."""
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow, WorkflowTask

    from coverage.demo.workflows import SENSITIVE, load_pipelines
    from editorial.enums import Role
    from editorial.models import PipelineGroupTask

    groups = {role: Group.objects.get(name=role.label) for role in Role}
    QuorumTask.objects.filter(name=POLITICAL_REVIEW).delete()
    old = PipelineGroupTask.objects.create(name=POLITICAL_REVIEW)
    old.groups.set([groups[Role.EDITORIAL_BOARD]])
    sensitive = Workflow.objects.get(name=SENSITIVE)
    WorkflowTask.objects.create(workflow=sensitive, task=old, sort_order=1)
    assert [t.specific_class for t in sensitive.tasks] == [
        type(sensitive.tasks[0].specific),
        PipelineGroupTask,
        PipelineGroupTask,
    ]

    load_pipelines(groups)
    steps = [task.specific for task in Workflow.objects.get(name=SENSITIVE).tasks]
    assert [step.name for step in steps] == [EDITOR_REVIEW, POLITICAL_REVIEW, SIGN_OFF]
    assert isinstance(steps[1], QuorumTask)
    assert steps[1].threshold == QuorumThreshold.MAJORITY
    load_pipelines(groups)  # again: nothing changes
    assert QuorumTask.objects.filter(name=POLITICAL_REVIEW).count() == 1


def test_the_dashboard_costs_the_same_with_few_or_many_articles_at_the_board(demo, client):
    """The vote counts and the actions offered on board rows load in bulk
    (``editorial.pipelines.review_queue``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def at_board(count: int) -> None:
        for number in range(count):
            page = draft_article(SENSITIVE_TOPIC, title=f"Bài chờ Hội đồng số {number}")
            page.get_workflow().start(page, user("phongvien"))
            state = current_state(page)
            state.task.specific.on_action(state, state.specific.reviewer, "approve")
            assert current_state(page).task.name == POLITICAL_REVIEW

    def dashboard_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(queries)

    client.force_login(user("bientap2"))
    at_board(2)
    client.get(reverse("wagtailadmin_home"))  # warm per-process caches
    few = dashboard_queries()
    at_board(6)
    assert dashboard_queries() == few
