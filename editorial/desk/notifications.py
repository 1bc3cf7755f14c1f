"""Desk mails: commissioned (to the writer), accepted / declined (to the editor), and the
daily reminders (due in two days, overdue), sent as django-tasks background tasks.

Each mail is queued in the transaction of the action it reports (``enqueue_mail``), so
a refused action mails nobody. The daily run records each reminder in
``DeskNotification`` and queues its task row in the same transaction: a reminder is
recorded as sent exactly when its mail is queued (a crash leaves neither), and running
it twice the same day sends nothing new. A mail the server did not take is tried again
(``editorial.task_retries``) and, failing that, listed for editors (``editorial.outbox``).
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.enums import AssignmentStage, DeskNotice
from editorial.mail_tasks import enqueue_mail, mail_task, send_one
from editorial.models import Assignment, DeskNotification

# Work somebody has taken on and not yet delivered: what reminders are about.
REMINDED_STAGES = [
    AssignmentStage.COMMISSIONED,
    AssignmentStage.ACCEPTED,
    AssignmentStage.DRAFTING,
    AssignmentStage.CHANGES_REQUESTED,
]

logger = logging.getLogger(__name__)


def assignment_admin_url(assignment: Assignment) -> str:
    path = reverse("desk_assignment:inspect", args=[assignment.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@mail_task(label=_("Desk mail"), kinds=dict(DeskNotice.choices))
def send_desk_mail(assignment_id: int, kind: str, recipient_id: int) -> bool:
    """Render and send one desk mail (Vietnamese templates in templates/editorial/emails/).

    Safe to repeat (a retry, or a rerun after its worker died): it only reads and sends
    one mail, last; a worker killed after sending it can only send the same mail again.
    """
    assignment = (
        Assignment.objects.with_stage()
        .select_related("topic", "editor", "assignee", "external_author", "staff_contact")
        .filter(pk=assignment_id)
        .first()
    )
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if assignment is None or recipient is None or not recipient.email:
        return False
    context = {
        "assignment": assignment,
        "recipient": recipient,
        "url": assignment_admin_url(assignment),
        "today": timezone.localdate(),
    }
    subject = render_to_string(f"editorial/emails/desk_{kind}_subject.txt", context)
    body = render_to_string(f"editorial/emails/desk_{kind}.txt", context)
    send_one(" ".join(subject.split()), body, recipient.email)
    return True


def notify(assignment: Assignment, kind: DeskNotice, recipient) -> None:
    """Queue a mail to ``recipient``, in the current transaction (``enqueue_mail``)."""
    if recipient is None or not recipient.email:
        return
    enqueue_mail(
        send_desk_mail, assignment_id=assignment.pk, kind=str(kind), recipient_id=recipient.pk
    )


def _claim(assignment: Assignment, kind: DeskNotice, recipient) -> bool:
    """Record a reminder as sent; False if it already was (this due date, this person)."""
    try:
        with transaction.atomic():
            DeskNotification.objects.create(
                assignment=assignment, kind=kind, recipient=recipient, due_date=assignment.due_date
            )
    except IntegrityError:
        return False
    return True


def send_reminders(today: datetime.date | None = None) -> dict[str, int]:
    """The daily run: remind writers of work due within two days, and writers and
    editors of overdue work. Returns how many mails were queued per kind."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=settings.EDITORIAL_DUE_SOON_DAYS)
    open_work = (
        Assignment.objects.with_stage(today)
        .filter(stage__in=[stage.value for stage in REMINDED_STAGES])
        .select_related("assignee", "staff_contact", "editor")
    )
    sent = {DeskNotice.DUE_SOON: 0, DeskNotice.OVERDUE: 0}
    with transaction.atomic():
        for assignment in open_work.filter(due_date__gte=today, due_date__lte=soon):
            writer = assignment.responsible_user
            if writer and writer.email and _claim(assignment, DeskNotice.DUE_SOON, writer):
                notify(assignment, DeskNotice.DUE_SOON, writer)
                sent[DeskNotice.DUE_SOON] += 1
        for assignment in open_work.filter(due_date__lt=today):
            for person in {assignment.responsible_user, assignment.editor} - {None}:
                if person.email and _claim(assignment, DeskNotice.OVERDUE, person):
                    notify(assignment, DeskNotice.OVERDUE, person)
                    sent[DeskNotice.OVERDUE] += 1
    return {str(kind): count for kind, count in sent.items()}
