"""Background tasks that failed on a transient database error run again, later.

The database worker (``manage.py db_worker``) marks a task FAILED for good on any
exception. On SQLite, shared by the site, the worker and the scheduler, a write can meet
"database is locked"; on PostgreSQL a connection can drop under a restart or failover.
Neither says anything about the task, so such a failure puts the task's own row back in
the queue (READY, ``run_after`` pushed back) instead: the worker counts each run in the
row's ``worker_ids`` (django-tasks' ``attempts``), which bounds the retries. django-tasks
0.12 has no retry of its own; its ``task_finished`` signal is where this hooks in
(``signal_handlers.retry_task_after_database_error``, connected in
``EditorialConfig.ready()``).

Every task may so run again after it ran partly: each must be safe to repeat. Wagtail's
(index and reference-index updates, focal points) rewrite the same rows; our mail tasks
read and render everything before the first mail goes out.
"""

from __future__ import annotations

import datetime
import logging

from django.db import OperationalError
from django.utils import timezone
from django_tasks import TaskResult, TaskResultStatus

logger = logging.getLogger(__name__)

# Runs in all, the first included: 5 s, 10 s, 20 s, 40 s apart, about 75 s after the
# first failure. A lock outlasting SQLite's 20 s busy timeout four times over, or a
# database down that long, is an outage to look at, not a moment to wait out.
MAX_ATTEMPTS = 5
FIRST_DELAY = datetime.timedelta(seconds=5)


def failed_on_database_error(task_result: TaskResult) -> bool:
    """Did the task's last run end in a database OperationalError (locked, disconnected)?

    Django raises ``django.db.OperationalError`` for every backend's operational errors
    (DB-API: failures of the database's operation, not of the program). A permanent one
    (a missing table) simply uses up the attempts and stays FAILED.
    """
    if task_result.status != TaskResultStatus.FAILED or not task_result.errors:
        return False
    try:
        error_class = task_result.errors[-1].exception_class
    except (ImportError, ValueError):
        return False
    return issubclass(error_class, OperationalError)


def delay_before(attempt: int) -> datetime.timedelta:
    """How long to wait after the ``attempt``-th run failed: doubling from FIRST_DELAY."""
    return FIRST_DELAY * 2 ** (attempt - 1)


def retry_later(task_result: TaskResult) -> bool:
    """Queue a database backend's task again after a transient failure; True if queued."""
    from django_tasks_db.models import DBTaskResult

    if not failed_on_database_error(task_result):
        return False
    attempt = task_result.attempts
    if attempt >= MAX_ATTEMPTS:
        logger.error(
            "Task id=%s path=%s failed on a database error %d times; left FAILED",
            task_result.id,
            task_result.task.module_path,
            attempt,
        )
        return False
    run_after = timezone.now() + delay_before(attempt)
    # The error and traceback stay on the row until a run succeeds (the worker clears
    # them then), so the admin shows why a task is waiting.
    requeued = DBTaskResult.objects.filter(
        pk=task_result.id, status=TaskResultStatus.FAILED
    ).update(status=TaskResultStatus.READY, run_after=run_after, finished_at=None)
    if requeued:
        logger.warning(
            "Task id=%s path=%s failed on a database error (attempt %d of %d); again at %s",
            task_result.id,
            task_result.task.module_path,
            attempt,
            MAX_ATTEMPTS,
            run_after.isoformat(timespec="seconds"),
        )
    return bool(requeued)
