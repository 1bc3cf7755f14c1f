"""Background tasks left RUNNING by a worker that died go back in the queue.

django-tasks-db marks a row RUNNING when a worker claims it and finishes it when the run
ends. A worker killed mid-run (a crash, a kill -9, a database outage cutting off the
write that would have finished the row) leaves the row RUNNING for ever, and the mail
behind it is never sent. ``requeue_stuck_tasks()``, run by the scheduler's every pass
(``editorial.pipelines.scheduler.tick``), puts a row RUNNING for longer than
``EDITORIAL_TASK_STUCK_AFTER`` (a timedelta; 30 minutes by default, far beyond any of
our tasks' runs) back to READY. Each claim adds the worker's id to the row, so the
claims count the runs as ``editorial.task_retries`` counts them: past its
``MAX_ATTEMPTS`` the row is marked FAILED and logged instead.

A task may so run twice, the second time after a first that did part of its work: every
task handler must be safe to repeat (each says how in its docstring).
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus

from editorial.task_retries import MAX_ATTEMPTS

logger = logging.getLogger(__name__)


class AbandonedTask(Exception):
    """Recorded as the error of a task given up after too many runs its worker never finished."""


ABANDONED_ERROR = f"{AbandonedTask.__module__}.{AbandonedTask.__qualname__}"


def requeue_stuck_tasks(now: datetime.datetime | None = None) -> dict[str, int]:
    """Requeue (or, past the attempts, fail) every task RUNNING since before the timeout."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    stuck = DBTaskResult.objects.running().filter(
        started_at__lt=now - settings.EDITORIAL_TASK_STUCK_AFTER
    )
    counts = {"requeued": 0, "failed": 0}
    for row in stuck.only("pk", "task_path", "started_at", "worker_ids"):
        # Only if the row is still as read: a worker that finishes it meanwhile wins.
        still_stuck = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        attempts = len(row.worker_ids)
        if attempts >= MAX_ATTEMPTS:
            changed = still_stuck.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=ABANDONED_ERROR,
                traceback=(
                    f"Left running by its worker {attempts} times "
                    f"(last claimed at {row.started_at.isoformat()}); not queued again."
                ),
            )
            if changed:
                counts["failed"] += 1
                logger.error(
                    "Task id=%s path=%s left running by a dead worker %d times; marked FAILED",
                    row.pk,
                    row.task_path,
                    attempts,
                )
            continue
        # run_after is kept: the row was due when it was claimed, so it is due now.
        if still_stuck.update(status=TaskResultStatus.READY):
            counts["requeued"] += 1
            logger.warning(
                "Task id=%s path=%s running since %s with no worker; queued again "
                "(attempt %d of %d)",
                row.pk,
                row.task_path,
                row.started_at.isoformat(timespec="seconds"),
                attempts + 1,
                MAX_ATTEMPTS,
            )
    return counts
