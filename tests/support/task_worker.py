"""Running background tasks as production does, in a test: the database backend and its
worker, a moved clock for the waits between runs, and a mail backend that can be down."""

from __future__ import annotations

import datetime
import smtplib
from typing import ClassVar
from unittest import mock

import pytest
import time_machine
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks():
    """Tasks queued as rows (``DBTaskResult``) for ``run_worker()``, not run at once."""
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def run_worker() -> None:
    """What `manage.py db_worker --batch` does: every task ready now, then return.

    Inside the test's transaction: the worker's check for stale connections would close
    it (as Django's test client stops requests from doing).
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with mock.patch.object(db_worker, "close_old_connections"):
        worker.run()


def later(seconds: float):
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=False)


def row(result) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=result.id)


class OutageBackend(EmailBackend):
    """Django's in-memory mail backend (``mail.outbox``) that first raises each error in
    ``failures``, one per message: the mail server down, then back."""

    failures: ClassVar[list[BaseException]] = []

    def send_messages(self, messages):
        if OutageBackend.failures:
            raise OutageBackend.failures.pop(0)
        return super().send_messages(messages)


@pytest.fixture
def mail_outage():
    """Mail goes through ``OutageBackend``; append errors to the returned list."""
    OutageBackend.failures = []
    with override_settings(EMAIL_BACKEND=f"{__name__}.OutageBackend"):
        yield OutageBackend.failures
    OutageBackend.failures = []


def disconnected() -> smtplib.SMTPServerDisconnected:
    return smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def refused(code: int = 550) -> smtplib.SMTPRecipientsRefused:
    return smtplib.SMTPRecipientsRefused({"someone@example.vn": (code, b"5.1.1 No such user")})
