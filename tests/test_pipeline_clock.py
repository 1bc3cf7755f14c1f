"""Pipeline timing with a controlled clock: scheduled go-live and expiry, overdue steps,
one reminder per overdue step. The scheduler's ``tick()`` is what the worker runs."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coverage.models import ArticlePage
from editorial.models import StepReminder
from editorial.pipelines.deadlines import overdue_task_states, task_states_with_due
from editorial.pipelines.scheduler import tick
from tests.support.pipelines import current_state, draft_article, user

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_scheduled_article_goes_live_and_expires_on_the_workers_tick(demo, clock):
    article = draft_article(5)
    article.go_live_at = START + dt.timedelta(hours=2)
    article.expire_at = START + dt.timedelta(days=2)
    article.save_revision(user=user("phongvien"))
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    state.task.specific.on_action(state, state.specific.reviewer, "approve")

    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live  # approved, waiting for its time
    assert article.status_string.lower() != "live"

    clock.shift(dt.timedelta(hours=1))
    tick()
    assert not ArticlePage.objects.get(pk=article.pk).live

    clock.shift(dt.timedelta(hours=1, minutes=1))
    tick()
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.first_published_at >= START + dt.timedelta(hours=2)

    clock.shift(dt.timedelta(days=2))
    tick()
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_a_step_is_overdue_after_its_allowance_and_reminded_once(
    demo, clock, django_capture_on_commit_callbacks
):
    # The demo's own overdue step is not part of this test.
    StepReminder.objects.all().delete()
    article = draft_article(3)
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    allowance = state.task.specific.allowance
    assert allowance == dt.timedelta(hours=24)
    due = task_states_with_due().get(pk=state.pk).due_at
    assert due == START + allowance

    clock.shift(allowance - dt.timedelta(minutes=1))
    assert state.pk not in overdue_task_states().values_list("pk", flat=True)

    clock.shift(dt.timedelta(minutes=2))
    assert state.pk in overdue_task_states().values_list("pk", flat=True)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = tick()
    reviewer = state.specific.reviewer
    reminders = [m for m in mail.outbox if "Quá hạn duyệt" in m.subject]
    assert [m.to for m in reminders if article.title in m.subject] == [[reviewer.email]]
    assert first["step_reminders"] >= 1

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = tick()
        call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert again["step_reminders"] == 0
    assert not [m for m in mail.outbox if "Quá hạn duyệt" in m.subject]

    # Approved steps are never overdue.
    state.task.specific.on_action(state, reviewer, "approve")
    assert state.pk not in overdue_task_states().values_list("pk", flat=True)


def test_overdue_step_is_flagged_on_the_dashboard_and_the_desk_calendar(demo, clock, demo_password):
    from tests.support.pipelines import client_for

    article = draft_article(3)
    article.get_workflow().start(article, user("phongvien"))
    reviewer = current_state(article).specific.reviewer
    clock.shift(dt.timedelta(hours=30))
    client = client_for(reviewer.username, demo_password)

    dashboard = client.get("/admin/").content.decode()
    assert "pipeline-overdue" in dashboard
    calendar = client.get(reverse("desk_calendar:index")).content.decode()
    assert "pipeline-overdue" in calendar
    assert timezone.now() > START
