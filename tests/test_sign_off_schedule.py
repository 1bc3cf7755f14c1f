"""Sign-off with a time (issue 22): the editor-in-chief saves the publication time, then
approves; the article goes live at that time without another round of approvals. A real
edit still sends the article back through the pipeline (re-approval on edit)."""

import datetime as dt
import json

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from coverage.demo.workflows import EDITOR_REVIEW, SIGN_OFF
from coverage.models import ArticlePage
from editorial.pipelines.scheduler import tick
from editorial.pipelines.sign_off import APPROVE_AND_SCHEDULE
from tests.support.pipelines import (
    client_for,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
    modal_step,
    user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_sign_off(demo):
    article = draft_article(1)  # standard pipeline: editor review, then sign-off
    article = save_draft(article, as_user="phongvien")  # written in the editor, as people do
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    state.task.specific.on_action(state, state.specific.reviewer, "approve")
    assert current_state(article).task.name == SIGN_OFF
    return ArticlePage.objects.get(pk=article.pk)


def save_draft(article, as_user="tongbientap", **changes):
    client = client_for(as_user, "demo-2020-2025")
    data = edit_post_data(article, **changes)
    response = client.post(edit_url(article), data)
    assert response.status_code == 302, response.context["form"].errors
    return ArticlePage.objects.get(pk=article.pk)


def test_saving_the_time_then_approving_publishes_at_that_time(at_sign_off):
    go_live = timezone.localtime() + dt.timedelta(hours=3)
    article = save_draft(at_sign_off, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    state = current_state(article)
    assert state.task.name == SIGN_OFF  # still at sign-off, not back to the first step

    state.task.specific.on_action(state, user("tongbientap"), "approve")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.current_workflow_state is None  # the pipeline is done
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None

    with time_machine.travel(go_live + dt.timedelta(minutes=1), tick=False):
        tick()
    assert ArticlePage.objects.get(pk=article.pk).live


def test_a_real_edit_at_sign_off_still_goes_back_through_the_pipeline(at_sign_off):
    article = save_draft(at_sign_off, title="Tiêu đề đã sửa ở bước ký duyệt")
    state = current_state(article)
    state.task.specific.on_action(state, user("tongbientap"), "approve")
    assert current_state(article).task.name == EDITOR_REVIEW


def approve_and_schedule(article, go_live: str, as_user="tongbientap"):
    """The last step's "Approve and schedule publication" dialog, posted as the modal does."""
    state = current_state(article)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, APPROVE_AND_SCHEDULE, state.pk]
    )
    client = client_for(as_user, "demo-2020-2025")
    headers = {"X-Requested-With": "XMLHttpRequest"}
    return client.post(
        url, {"comment": "Đăng sáng thứ Hai", "go_live_at": go_live}, headers=headers
    )


def test_approve_and_schedule_is_one_action_that_publishes_at_the_time(at_sign_off):
    offered = current_state(at_sign_off).task.specific.get_actions(at_sign_off, user("tongbientap"))
    assert APPROVE_AND_SCHEDULE in [name for name, _label, _modal in offered]
    go_live = (timezone.localtime() + dt.timedelta(hours=3)).replace(second=0, microsecond=0)
    response = approve_and_schedule(at_sign_off, go_live.strftime("%Y-%m-%dT%H:%M"))
    assert modal_step(response) == "success"

    article = ArticlePage.objects.get(pk=at_sign_off.pk)
    assert article.current_workflow_state is None  # signed off: no step left, none restarted
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == go_live
    with time_machine.travel(go_live - dt.timedelta(minutes=1), tick=False):
        tick()
    assert not ArticlePage.objects.get(pk=article.pk).live
    with time_machine.travel(go_live + dt.timedelta(minutes=1), tick=False):
        tick()
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.title == at_sign_off.title


def test_a_time_in_the_past_is_asked_again_and_changes_nothing(at_sign_off):
    revisions = at_sign_off.revisions.count()
    past = (timezone.localtime() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = approve_and_schedule(at_sign_off, past)
    assert modal_step(response) == "action"  # the dialog again, with the error
    assert "Pick a time in the future" in json.loads(response.content)["html"] or (
        "thời điểm trong tương lai" in json.loads(response.content)["html"]
    )
    assert current_state(at_sign_off).task.name == SIGN_OFF
    assert at_sign_off.revisions.count() == revisions


def test_the_page_editor_path_passes_the_time_as_text(at_sign_off):
    """The editor's dialog returns its cleaned data as JSON, so the time comes as ISO text."""
    go_live = (timezone.now() + dt.timedelta(days=1)).replace(microsecond=0)
    state = current_state(at_sign_off)
    state.task.specific.on_action(
        state, user("tongbientap"), APPROVE_AND_SCHEDULE, go_live_at=go_live.isoformat(), comment=""
    )
    article = ArticlePage.objects.get(pk=at_sign_off.pk)
    assert article.current_workflow_state is None
    assert article.get_latest_revision().approved_go_live_at == go_live


def test_only_the_last_step_offers_a_time(demo):
    article = draft_article(1)
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    assert state.task.name == EDITOR_REVIEW
    reviewer = state.specific.reviewer
    offered = state.task.specific.get_actions(article, reviewer)
    assert APPROVE_AND_SCHEDULE not in [name for name, _label, _modal in offered]
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(
            state, reviewer, APPROVE_AND_SCHEDULE, go_live_at=timezone.now().isoformat()
        )
    assert current_state(article).task.name == EDITOR_REVIEW
