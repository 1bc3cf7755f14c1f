"""Mail that arrives: a mail the server did not take is tried again for a day
(``editorial.task_retries``), a reminder and its mail are queued together
(``editorial.mail_tasks``), and editors see what is still undelivered
(``editorial.outbox``)."""

from __future__ import annotations

import datetime
import itertools

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from editorial.desk.notifications import send_desk_mail, send_reminders
from editorial.models import DeskNotification
from editorial.task_retries import MAIL_RETRY_WINDOW
from tests.support.desk import days, make_assignment
from tests.support.task_worker import (
    disconnected,
    later,
    refused,
    row,
    run_worker,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]

MINUTE = datetime.timedelta(minutes=1)


def queue_mail(desk):
    assignment = make_assignment(desk)
    return send_desk_mail.enqueue(
        assignment_id=assignment.pk, kind="commissioned", recipient_id=desk.journalist.pk
    )


def test_a_dropped_connection_is_tried_again_a_minute_later_then_doubling(desk, mail_outage):
    mail_outage.extend([disconnected(), disconnected()])
    result = queue_mail(desk)
    before = timezone.now()
    run_worker()
    first = row(result)
    assert first.status == TaskResultStatus.READY
    assert MINUTE <= first.run_after - before < MINUTE + datetime.timedelta(seconds=5)
    assert "SMTPServerDisconnected" in first.exception_class_path
    with later(60):
        run_worker()
    second = row(result)
    assert second.status == TaskResultStatus.READY
    assert second.run_after - first.run_after >= 2 * MINUTE
    assert mail.outbox == []
    with later(60 + 120):
        run_worker()
    assert row(result).status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [[desk.journalist.email]]


def test_a_mail_is_given_up_after_a_day_of_tries(desk, mail_outage):
    mail_outage.extend(disconnected() for _ in range(100))
    result = queue_mail(desk)
    started = []
    current = row(result)
    while current.status == TaskResultStatus.READY:
        run_at = timezone.now() if not started else current.run_after
        with time_machine.travel(run_at, tick=False):
            run_worker()
        current = row(result)
        started.append(current.started_at)
        assert len(started) < 60, "never given up"
    assert current.status == TaskResultStatus.FAILED
    # Tried for at least the day, and not much longer (waits are at most an hour).
    assert MAIL_RETRY_WINDOW <= started[-1] - started[0] < MAIL_RETRY_WINDOW + 2 * 60 * MINUTE
    assert max(b - a for a, b in itertools.pairwise(started)) <= 60 * MINUTE
    assert mail.outbox == []


def test_a_permanently_refused_recipient_is_not_tried_again(desk, mail_outage):
    mail_outage.append(refused(550))
    result = queue_mail(desk)
    run_worker()
    with later(3600):
        run_worker()
    failed = row(result)
    assert failed.status == TaskResultStatus.FAILED
    assert len(failed.worker_ids) == 1
    assert failed.exception_class_path == "smtplib.SMTPRecipientsRefused"


def test_a_recipient_refused_for_now_is_tried_again(desk, mail_outage):
    mail_outage.append(refused(451))  # greylisting: "try again later"
    result = queue_mail(desk)
    run_worker()
    assert row(result).status == TaskResultStatus.READY
    with later(60):
        run_worker()
    assert row(result).status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1


def _reminder_rows() -> tuple[int, int]:
    mails = DBTaskResult.objects.filter(task_path=send_desk_mail.module_path)
    return DeskNotification.objects.count(), mails.count()


def test_a_reminder_and_its_mail_are_queued_in_one_transaction(desk):
    make_assignment(desk, due_date=days(2))

    class Crash(Exception):
        pass

    with pytest.raises(Crash), transaction.atomic():
        assert send_reminders() == {"due_soon": 1, "overdue": 0}
        # The task row is written with the record, not after the commit.
        assert _reminder_rows() == (1, 1)
        raise Crash
    assert _reminder_rows() == (0, 0)

    send_reminders()
    assert _reminder_rows() == (1, 1)
    run_worker()
    assert [m.to for m in mail.outbox] == [[desk.journalist.email]]


# --- The undelivered list ------------------------------------------------------------


def _given_up(desk, mail_outage, error="<b>mx.example.vn</b> closed the connection"):
    import smtplib

    mail_outage.append(smtplib.SMTPServerDisconnected(error))
    result = queue_mail(desk)
    run_worker()
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.FAILED)
    return result


@pytest.mark.parametrize("role", ["editor", "chief"])
def test_editors_see_undelivered_mail_with_the_error_escaped(desk, as_user, mail_outage, role):
    given_up = _given_up(desk, mail_outage)
    mail_outage.append(disconnected())
    waiting = queue_mail(desk)
    run_worker()
    delivered = queue_mail(desk)
    run_worker()
    assert row(delivered).status == TaskResultStatus.SUCCESSFUL

    client = as_user(getattr(desk, role))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("undelivered_mail:index") in home
    response = client.get(reverse("undelivered_mail:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;b&gt;mx.example.vn&lt;/b&gt; closed the connection" in html
    assert "<b>mx.example.vn</b>" not in html
    assert desk.journalist.email in html
    # Both undelivered rows, one "send again" (the given-up one), not the delivered one.
    assert html.count(desk.journalist.email) == 2
    send_again = reverse("undelivered_mail:send_again", args=[given_up.id])
    assert send_again in html
    assert reverse("undelivered_mail:send_again", args=[waiting.id]) not in html


@pytest.mark.parametrize("role", ["journalist", "photo"])
def test_journalists_and_the_photo_desk_are_refused(desk, as_user, mail_outage, role):
    given_up = _given_up(desk, mail_outage)
    client = as_user(getattr(desk, role))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("undelivered_mail:index") not in home
    for response in (
        client.get(reverse("undelivered_mail:index")),
        client.post(reverse("undelivered_mail:send_again", args=[given_up.id])),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert row(given_up).status == TaskResultStatus.FAILED


def test_send_again_queues_a_given_up_mail_and_it_arrives(desk, as_user, mail_outage):
    given_up = _given_up(desk, mail_outage)
    client = as_user(desk.editor)
    assert client.get(reverse("undelivered_mail:send_again", args=[given_up.id])).status_code == 405
    response = client.post(reverse("undelivered_mail:send_again", args=[given_up.id]))
    assert response.status_code == 302
    queued = row(given_up)
    assert queued.status == TaskResultStatus.READY
    assert queued.run_after <= timezone.now()
    assert queued.worker_ids == []
    # A mail on its way is not sent again.
    assert (
        client.post(reverse("undelivered_mail:send_again", args=[given_up.id])).status_code == 404
    )
    run_worker()
    assert row(given_up).status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [[desk.journalist.email]]
    listing = client.get(reverse("undelivered_mail:index")).content.decode()
    assert desk.journalist.email not in listing
