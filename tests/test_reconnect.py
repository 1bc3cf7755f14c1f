"""The scheduler and the task worker wait out a lost database instead of exiting
(``editorial.reconnect``, ``run_scheduler``, our ``db_worker``)."""

import logging
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands import db_worker as package
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from editorial.management.commands import run_scheduler
from editorial.management.commands.db_worker import ReconnectingWorker
from editorial.reconnect import Backoff

LOST = "terminating connection due to administrator command"
PASS = {"published": "", "step_reminders": 0, "desk_reminders": 0}


class StopLoop(Exception):
    """Raised from the loop's sleep: the only way out of a loop made to run for ever."""


def test_backoff_doubles_to_a_minute_and_resets():
    backoff = Backoff()
    assert [backoff.next_delay() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    backoff.reset()
    assert backoff.next_delay() == 1


def test_scheduler_waits_out_database_errors_and_carries_on(caplog):
    passes = [OperationalError(LOST), OperationalError(LOST), PASS, OperationalError(LOST), PASS]
    with (
        mock.patch.object(run_scheduler, "tick", side_effect=passes) as tick,
        mock.patch.object(Backoff, "sleep") as waited,
        mock.patch.object(run_scheduler.Command, "sleep", side_effect=[None, StopLoop]),
        mock.patch("editorial.reconnect.close_connections") as closed,
        mock.patch.object(run_scheduler, "close_old_connections"),
        caplog.at_level(logging.WARNING, logger="editorial.reconnect"),
        pytest.raises(StopLoop),
    ):
        call_command("run_scheduler")
    assert tick.call_count == 5
    # Doubling while the database is away, from the first delay again after a good pass.
    assert [call.args[0] for call in waited.call_args_list] == [1, 2, 1]
    assert closed.call_count == 3
    assert "Scheduler: database unavailable (OperationalError: " + LOST in caplog.text


def test_scheduler_once_still_fails_for_cron():
    with (
        mock.patch.object(run_scheduler, "tick", side_effect=OperationalError(LOST)),
        pytest.raises(OperationalError),
    ):
        call_command("run_scheduler", "--once")


# --- The task worker ------------------------------------------------------------------


@task()
def noted(word: str) -> str:
    return word


@pytest.fixture
def database_tasks():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


@pytest.fixture
def lost_once(monkeypatch):
    """The first poll meets a dropped connection, as after a PostgreSQL restart."""
    real = DBTaskResultQuerySet.get_locked
    polls = []

    def get_locked(queryset):
        polls.append(1)
        if len(polls) == 1:
            raise OperationalError(LOST)
        return real(queryset)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)
    # Inside the test's transaction: closing the connection would end it.
    monkeypatch.setattr(package, "close_old_connections", lambda: None)
    monkeypatch.setattr("editorial.reconnect.close_connections", lambda: None)
    return polls


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_db_worker_waits_out_a_lost_connection_and_runs_the_task(lost_once, caplog):
    result = noted.enqueue("sau sự cố")
    with (
        mock.patch.object(Backoff, "sleep") as waited,
        caplog.at_level(logging.WARNING, logger="editorial.reconnect"),
    ):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == "sau sự cố"
    waited.assert_called_once_with(1.0)
    assert "database unavailable" in caplog.text
    assert package.Worker is not ReconnectingWorker  # the package's name given back


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_the_packages_worker_alone_would_exit(lost_once):
    """What our subclass is for: the same poll ends django-tasks-db's own worker."""
    noted.enqueue("mất")
    worker = package.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="plain",
        excluded_queue_names=[],
    )
    with pytest.raises(OperationalError):
        worker.run()
