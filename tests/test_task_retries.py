"""A background task that fails on a transient database error runs again later, a bounded
number of times; other failures stay failed (``editorial.task_retries``)."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from editorial.task_retries import MAX_ATTEMPTS
from tests.support.task_worker import later, row, run_worker

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_tasks"),
]


@task(takes_context=True)
def flaky(context, failures: int, error: str = "database is locked") -> str:
    """Fails its first ``failures`` runs, as a write meeting another process's lock does."""
    if context.attempt <= failures:
        raise OperationalError(error) if error else ValueError("a bug, not the database")
    return f"done on run {context.attempt}"


def test_a_locked_database_puts_the_task_back_in_the_queue_with_backoff():
    result = flaky.enqueue(failures=2)
    before = timezone.now()
    run_worker()
    first = row(result)
    assert first.status == TaskResultStatus.READY
    assert len(first.worker_ids) == 1
    assert datetime.timedelta(seconds=5) <= first.run_after - before < datetime.timedelta(seconds=6)
    # Not before its time: the worker leaves it alone.
    run_worker()
    assert len(row(result).worker_ids) == 1
    with later(5):
        run_worker()
    second = row(result)
    assert second.status == TaskResultStatus.READY
    assert len(second.worker_ids) == 2
    # The wait doubles.
    assert second.run_after - first.run_after >= datetime.timedelta(seconds=10)
    with later(5 + 10):
        run_worker()
    done = row(result)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == "done on run 3"
    assert done.traceback == ""


def test_the_retries_stop_after_the_last_attempt():
    result = flaky.enqueue(failures=MAX_ATTEMPTS + 1, error="server closed the connection")
    for attempt in range(MAX_ATTEMPTS):
        with later(10 * 60 * attempt):
            run_worker()
    failed = row(result)
    assert len(failed.worker_ids) == MAX_ATTEMPTS
    assert failed.status == TaskResultStatus.FAILED
    assert "server closed the connection" in failed.traceback
    with later(10 * 60 * MAX_ATTEMPTS):
        run_worker()
    assert len(row(result).worker_ids) == MAX_ATTEMPTS


def test_a_bug_is_not_retried():
    result = flaky.enqueue(failures=1, error="")
    run_worker()
    with later(60):
        run_worker()
    failed = row(result)
    assert failed.status == TaskResultStatus.FAILED
    assert len(failed.worker_ids) == 1
    assert "ValueError" in failed.exception_class_path


def test_a_failure_to_queue_again_does_not_stop_the_worker(monkeypatch):
    from editorial import task_retries

    def locked(task_result):
        raise OperationalError("database is locked")

    monkeypatch.setattr(task_retries, "retry_later", locked)
    stuck = flaky.enqueue(failures=1)
    fine = flaky.enqueue(failures=0)
    run_worker()  # the worker's signal raising would end this run with the error
    assert row(stuck).status == TaskResultStatus.FAILED
    assert row(fine).status == TaskResultStatus.SUCCESSFUL
