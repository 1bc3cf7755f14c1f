"""Mail tasks: the background tasks that each send one mail to one person.

A mail task is declared with ``@mail_task(...)`` instead of django-tasks' ``@task()``.
The declaration is what the retry policy (``editorial.task_retries``: a mail that met an
SMTP outage is tried again for a day) and the undelivered-mail list
(``editorial.outbox``) go by; nothing guesses from a task's name. Every mail task:

- takes a ``recipient_id`` (the account mailed) and, if it sends several kinds, a
  ``kind``: the list shows them;
- reads and renders everything first and sends exactly one message last, through
  ``send_one()``: a run that raised sent nothing, so running it again mails nobody twice;
- is queued with ``enqueue_mail()``, in the transaction of the change it reports.
"""

from __future__ import annotations

import inspect
import smtplib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task
from django_tasks.base import Task


@dataclass(frozen=True)
class MailTaskInfo:
    """What the undelivered-mail list needs to name a mail task's rows."""

    task: Task
    #: The mail in words when the task sends one kind only.
    label: str
    #: ``kind`` argument → its label, for tasks that send several kinds.
    kinds: Mapping[str, str] = field(default_factory=dict)

    def arguments(self, args: list, kwargs: dict) -> dict:
        """A row's stored arguments by parameter name, however they were passed."""
        try:
            bound = inspect.signature(self.task.func).bind(*args, **kwargs)
        except TypeError:  # the task's signature changed since the row was queued
            return {}
        bound.apply_defaults()
        return dict(bound.arguments)

    def kind_label(self, arguments: dict) -> str:
        kind = arguments.get("kind")
        return str(self.kinds.get(kind, kind)) if kind else str(self.label)


#: Module path of each mail task (``Task.module_path``, the row's ``task_path``) → info.
MAIL_TASKS: dict[str, MailTaskInfo] = {}


def mail_task(*, label: str, kinds: Mapping[str, str] | None = None, **task_options):
    """``@task()`` that also registers the task as a mail task (see the module docstring)."""

    def register(function: Callable) -> Task:
        if "recipient_id" not in inspect.signature(function).parameters:
            raise TypeError(f"Mail task {function.__qualname__} must take a recipient_id")
        declared = task(**task_options)(function)
        MAIL_TASKS[declared.module_path] = MailTaskInfo(declared, label, kinds or {})
        return declared

    return register


def is_mail_task(task_path: str) -> bool:
    return task_path in MAIL_TASKS


def enqueue_mail(mail: Task, **arguments) -> None:
    """Queue a mail as part of the current transaction: it goes if and only if the change
    it reports commits.

    The database backend writes the task row through the same connection, inside the
    transaction: the row is the outbox, so a crash cannot leave a change (a reminder
    recorded as sent) without its mail, and a rollback leaves neither. Any other backend
    (the immediate one in tests) would send at once, so there the queueing waits for the
    commit; the mail can then be lost with the process, as it could before.
    """
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(mail.get_backend(), DatabaseBackend):
        mail.enqueue(**arguments)
    else:
        transaction.on_commit(lambda: mail.enqueue(**arguments))


class RecipientRefusedForNow(smtplib.SMTPException):
    """The server refused the recipient with a temporary (4xx) code: a full mailbox,
    greylisting. Unlike a 5xx refusal (no such address) it is worth trying again."""


def send_one(subject: str, body: str, address: str) -> None:
    """Send one rendered mail; raise if it did not go (the worker records the error).

    A refusal of the recipient is permanent (``SMTPRecipientsRefused``, not retried)
    unless the server said "later" (a 4xx code): that one is raised as
    ``RecipientRefusedForNow`` so the retry policy can tell them apart by class, all a
    failed task row keeps.
    """
    try:
        send_mail(subject, body, None, [address])
    except smtplib.SMTPRecipientsRefused as refusal:
        codes = [code for code, _message in refusal.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):
            raise RecipientRefusedForNow(str(refusal.recipients)) from refusal
        raise
