"""Undelivered mail: the mail tasks' rows (django-tasks-db) that did not send.

There is no outbox table beside the task rows: a mail task's row *is* its outbox entry.
Undelivered are the rows of mail tasks (``editorial.mail_tasks``) FAILED for good, and
those waiting to run again after a failure (READY with the error still on the row:
``editorial.task_retries`` leaves it there until a run succeeds). Editors read them in
"Báo cáo → Thư chưa gửi được" and send a FAILED one again.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import TaskResultStatus

from editorial.mail_tasks import MAIL_TASKS

logger = logging.getLogger(__name__)


def undelivered_rows() -> QuerySet:
    """Mail task rows that failed for good or wait for another run, newest first."""
    from django_tasks_db.models import DBTaskResult

    waiting = Q(status=TaskResultStatus.READY) & ~Q(exception_class_path="")
    return (
        DBTaskResult.objects.filter(task_path__in=list(MAIL_TASKS))
        .filter(Q(status=TaskResultStatus.FAILED) | waiting)
        .order_by("-enqueued_at", "id")
    )


@dataclass(frozen=True)
class UndeliveredMail:
    """One undelivered mail, as the list shows it."""

    id: str
    recipient: str
    kind: str
    attempts: int
    last_error: str
    given_up: bool
    #: When the worker runs it again; None once given up.
    next_attempt: datetime.datetime | None


def last_error(traceback: str) -> str:
    """The last line of a traceback: the exception and its message (plain text)."""
    lines = traceback.strip().splitlines()
    return lines[-1] if lines else ""


def describe(rows: list) -> list[UndeliveredMail]:
    """Rows in words: who was to be mailed, what about (one query for the people)."""
    from django_tasks_db.models import get_date_max

    arguments = {}
    for row in rows:
        info = MAIL_TASKS[row.task_path]
        arguments[row.pk] = (
            info,
            info.arguments(row.args_kwargs["args"], row.args_kwargs["kwargs"]),
        )
    people = get_user_model().objects.in_bulk(
        {args.get("recipient_id") for _info, args in arguments.values()} - {None}
    )
    described = []
    for row in rows:
        info, args = arguments[row.pk]
        person = people.get(args.get("recipient_id"))
        given_up = row.status == TaskResultStatus.FAILED
        described.append(
            UndeliveredMail(
                id=str(row.pk),
                recipient=(
                    f"{person.get_full_name() or person.get_username()} <{person.email}>"
                    if person
                    else "—"
                ),
                kind=info.kind_label(args),
                attempts=len(row.worker_ids),
                last_error=last_error(row.traceback),
                given_up=given_up,
                next_attempt=None
                if given_up
                else (timezone.now() if row.run_after == get_date_max() else row.run_after),
            )
        )
    return described


def send_again(row_id) -> bool:
    """Queue a FAILED mail task's row again, now; True if it was one.

    The row starts over: its runs are counted from nought, so the mail gets the retry
    policy's whole day again (an editor asks once the mail server is back). Its error
    stays until a run succeeds, so the list still shows why it is there.
    """
    requeued = (
        undelivered_rows()
        .filter(pk=row_id, status=TaskResultStatus.FAILED)
        .update(
            status=TaskResultStatus.READY,
            run_after=timezone.now(),
            finished_at=None,
            worker_ids=[],
        )
    )
    if requeued:
        logger.info("Undelivered mail task id=%s queued again", row_id)
    return bool(requeued)
