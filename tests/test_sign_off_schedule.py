"""Sign-off with a time (issue 22): the editor-in-chief saves the publication time, then
approves; the article goes live at that time without another round of approvals. A real
edit still sends the article back through the pipeline (re-approval on edit)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from coverage.models import ArticlePage
from editorial.demo.pipelines import EDITOR_REVIEW, SIGN_OFF
from editorial.pipelines.scheduler import tick
from tests.support.pipelines import (
    client_for,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
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
