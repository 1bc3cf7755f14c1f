"""Background tasks that failed on a transient error run again, later.

The database worker (``manage.py db_worker``) marks a task FAILED for good on any
exception. On SQLite, shared by the site, the worker and the scheduler, a write can meet
"database is locked"; on PostgreSQL a connection can drop under a restart or failover.
Neither says anything about the task, so such a failure puts the task's own row back in
the queue (READY, ``run_after`` pushed back) instead: the worker counts each run in the
row's ``worker_ids`` (django-tasks' ``attempts``), which bounds the retries. django-tasks
0.12 has no retry of its own; its ``task_finished`` signal is where this hooks in
(``signal_handlers.retry_task_after_database_error``, connected in
``EditorialConfig.ready()``).

A mail task (``editorial.mail_tasks``) that could not reach the mail server, or whose
recipient the server asked to try later, has its own, longer policy: 1 minute, doubling,
at most an hour apart, until the waits add up to a day (about 30 runs); an SMTP outage
lasts longer than a database lock. The waits, not the clock since queueing, bound it, so
a worker that was down itself does not cut a mail's day short. A database error in a
mail task follows the mail policy too: the mail has not gone either way. A permanent
refusal of the recipient (5xx: no such address) is not retried.

Every task may so run again after it ran partly: each must be safe to repeat. Wagtail's
(index and reference-index updates, focal points) rewrite the same rows; a mail task
renders everything and then sends its one mail, so a run that raised sent nothing.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.db import OperationalError
from django.utils import timezone
from django_tasks import TaskResult, TaskResultStatus

from editorial.mail_tasks import is_mail_task

logger = logging.getLogger(__name__)

# Runs in all, the first included: 5 s, 10 s, 20 s, 40 s apart, about 75 s after the
# first failure. A lock outlasting SQLite's 20 s busy timeout four times over, or a
# database down that long, is an outage to look at, not a moment to wait out.
MAX_ATTEMPTS = 5
FIRST_DELAY = datetime.timedelta(seconds=5)

MAIL_FIRST_DELAY = datetime.timedelta(minutes=1)
MAIL_MAX_DELAY = datetime.timedelta(hours=1)
# A mail is given up once its waits add up to this; its last run is at least this long
# after its first.
MAIL_RETRY_WINDOW = datetime.timedelta(days=1)

# What a mail server being down, unreachable or busy raises. SMTPException and
# socket.timeout are OSErrors, as are refused and reset connections.
TRANSIENT_MAIL_ERRORS = (OSError, OperationalError)
# ...except the server's final word on the address (our send_one() re-raises a
# temporary refusal as RecipientRefusedForNow, which is not one of these).
PERMANENT_MAIL_ERRORS = (smtplib.SMTPRecipientsRefused,)


def _last_error_class(task_result: TaskResult) -> type[BaseException] | None:
    if task_result.status != TaskResultStatus.FAILED or not task_result.errors:
        return None
    try:
        return task_result.errors[-1].exception_class
    except (ImportError, ValueError):
        return None


def failed_on_database_error(task_result: TaskResult) -> bool:
    """Did the task's last run end in a database OperationalError (locked, disconnected)?

    Django raises ``django.db.OperationalError`` for every backend's operational errors
    (DB-API: failures of the database's operation, not of the program). A permanent one
    (a missing table) simply uses up the attempts and stays FAILED.
    """
    error_class = _last_error_class(task_result)
    return error_class is not None and issubclass(error_class, OperationalError)


def failed_on_transient_mail_error(task_result: TaskResult) -> bool:
    """Did a mail task's last run end in an error that may pass (see the module docstring)?"""
    error_class = _last_error_class(task_result)
    return (
        error_class is not None
        and is_mail_task(task_result.task.module_path)
        and issubclass(error_class, TRANSIENT_MAIL_ERRORS)
        and not issubclass(error_class, PERMANENT_MAIL_ERRORS)
    )


def delay_before(attempt: int) -> datetime.timedelta:
    """How long to wait after the ``attempt``-th run failed: doubling from FIRST_DELAY."""
    return FIRST_DELAY * 2 ** (attempt - 1)


def mail_delay_before(attempt: int) -> datetime.timedelta:
    """How long a mail waits after its ``attempt``-th run failed: doubling, capped."""
    # Capped before doubling further: 2 ** 30 minutes would overflow a timedelta.
    return min(MAIL_FIRST_DELAY * 2 ** min(attempt - 1, 10), MAIL_MAX_DELAY)


def mail_waited_before(attempt: int) -> datetime.timedelta:
    """How long a mail has waited between its first run and its ``attempt``-th."""
    return sum((mail_delay_before(n) for n in range(1, attempt)), datetime.timedelta())


def next_delay(task_result: TaskResult) -> datetime.timedelta | None:
    """How long to wait before running a failed task again; None: leave it FAILED."""
    attempt = task_result.attempts
    path = task_result.task.module_path
    if failed_on_transient_mail_error(task_result):
        if mail_waited_before(attempt) >= MAIL_RETRY_WINDOW:
            logger.error(
                "Mail task id=%s path=%s still failing after %d runs over a day; left FAILED",
                task_result.id,
                path,
                attempt,
            )
            return None
        return mail_delay_before(attempt)
    if failed_on_database_error(task_result):
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "Task id=%s path=%s failed on a database error %d times; left FAILED",
                task_result.id,
                path,
                attempt,
            )
            return None
        return delay_before(attempt)
    return None


def retry_later(task_result: TaskResult) -> bool:
    """Queue a database backend's task again after a transient failure; True if queued."""
    from django_tasks_db.models import DBTaskResult

    delay = next_delay(task_result)
    if delay is None:
        return False
    attempt = task_result.attempts
    run_after = timezone.now() + delay
    # The error and traceback stay on the row until a run succeeds (the worker clears
    # them then), so the admin shows why a task is waiting.
    requeued = DBTaskResult.objects.filter(
        pk=task_result.id, status=TaskResultStatus.FAILED
    ).update(status=TaskResultStatus.READY, run_after=run_after, finished_at=None)
    if requeued:
        logger.warning(
            "Task id=%s path=%s failed on a transient error (run %d, %s); again at %s",
            task_result.id,
            task_result.task.module_path,
            attempt,
            task_result.errors[-1].exception_class_path,
            run_after.isoformat(timespec="seconds"),
        )
    return bool(requeued)
