"""A task left RUNNING by a worker that died goes back in the queue, a bounded number of
times (``editorial.task_recovery``, run from the scheduler's tick)."""

import datetime
import logging

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from editorial.pipelines.scheduler import tick
from editorial.task_recovery import ABANDONED_ERROR, requeue_stuck_tasks
from editorial.task_retries import MAX_ATTEMPTS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]


@pytest.fixture
def database_tasks():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


@task()
def mail_someone() -> None:
    """Stands for a mail task; it never runs here."""


def running_since(minutes: int, claims: int = 1) -> DBTaskResult:
    """A task a worker claimed ``minutes`` ago (``claims`` times in all) and never finished."""
    result = mail_someone.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes),
        worker_ids=[f"dead-{n}" for n in range(claims)],
    )
    return DBTaskResult.objects.get(pk=result.id)


def reread(row: DBTaskResult) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=row.pk)


def test_a_task_running_past_the_timeout_is_queued_again(caplog):
    stuck = running_since(31)
    fresh = running_since(5)
    with caplog.at_level(logging.WARNING, logger="editorial.task_recovery"):
        assert requeue_stuck_tasks() == {"requeued": 1, "failed": 0}
    requeued = reread(stuck)
    assert requeued.status == TaskResultStatus.READY
    assert requeued in DBTaskResult.objects.ready()  # the worker takes it on its next poll
    assert requeued.worker_ids == ["dead-0"]  # the claim still counts as a run
    assert reread(fresh).status == TaskResultStatus.RUNNING  # maybe still working: left alone
    assert f"Task id={stuck.pk}" in caplog.text and "attempt 2 of 5" in caplog.text


def test_the_timeout_is_a_setting(settings):
    settings.EDITORIAL_TASK_STUCK_AFTER = datetime.timedelta(minutes=2)
    row = running_since(5)
    requeue_stuck_tasks()
    assert reread(row).status == TaskResultStatus.READY


def test_past_the_last_attempt_the_task_is_failed_and_logged(caplog):
    worn_out = running_since(60, claims=MAX_ATTEMPTS)
    one_more = running_since(60, claims=MAX_ATTEMPTS - 1)
    with caplog.at_level(logging.ERROR, logger="editorial.task_recovery"):
        assert requeue_stuck_tasks() == {"requeued": 1, "failed": 1}
    failed = reread(worn_out)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.finished_at is not None
    assert failed.exception_class_path == ABANDONED_ERROR
    assert failed.task_result.errors[0].exception_class.__name__ == "AbandonedTask"
    assert reread(one_more).status == TaskResultStatus.READY
    assert f"Task id={worn_out.pk}" in caplog.text and "marked FAILED" in caplog.text


def test_finished_and_waiting_tasks_are_not_touched():
    waiting = mail_someone.enqueue()
    done = running_since(90)
    DBTaskResult.objects.filter(pk=done.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert requeue_stuck_tasks() == {"requeued": 0, "failed": 0}
    assert reread(done).status == TaskResultStatus.SUCCESSFUL
    assert DBTaskResult.objects.get(pk=waiting.id).status == TaskResultStatus.READY


def test_the_scheduler_tick_recovers_stuck_tasks():
    stuck = running_since(45)
    result = tick()
    assert result["tasks_requeued"] == 1
    assert reread(stuck).status == TaskResultStatus.READY
