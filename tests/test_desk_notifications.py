"""Desk mails: who gets what, in Vietnamese, after commit; the daily run sends each once."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from editorial.desk import actions
from editorial.desk.notifications import send_reminders
from editorial.enums import AssignmentStatus
from editorial.models import Assignment, DeskNotification
from tests.support.desk import days, make_article, make_assignment

pytestmark = pytest.mark.django_db


def test_commissioning_mails_the_journalist(desk, as_user, django_capture_on_commit_callbacks):
    assignment = make_assignment(desk, status=AssignmentStatus.PROPOSED)
    with django_capture_on_commit_callbacks(execute=True):
        as_user(desk.editor).post(reverse("desk_assignment:commission", args=[assignment.pk]))
    assert [m.to for m in mail.outbox] == [[desk.journalist.email]]
    message = mail.outbox[0]
    assert message.subject == f"[Đặt bài] Bài mới giao cho đồng chí: {assignment.headline}"
    assert "Hạn nộp:" in message.body
    # Family name first, as Vietnamese writes it (Django's get_full_name() would not).
    assert message.body.startswith("Kính gửi đồng chí Phạm Văn Dũng,")
    assert reverse("desk_assignment:inspect", args=[assignment.pk]) in message.body


def test_an_external_authors_assignment_mails_the_staff_contact(
    desk, django_capture_on_commit_callbacks
):
    assignment = make_assignment(
        desk,
        status=AssignmentStatus.PROPOSED,
        assignee=None,
        external_author=desk.external,
        staff_contact=desk.journalist3,
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.commission(assignment, desk.editor)
    assert [m.to for m in mail.outbox] == [[desk.journalist3.email]]
    assert "TS. Nguyễn Văn Ngoài" in mail.outbox[0].body


def test_accepting_and_declining_mail_the_editor(desk, django_capture_on_commit_callbacks):
    accepted = make_assignment(desk, headline="Bài được nhận")
    declined = make_assignment(desk, headline="Bài bị từ chối", editor=desk.editor2)
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept(accepted, desk.journalist)
        actions.decline(declined, desk.journalist, "Không đủ thời gian <gấp>")
    writer = "Phạm Văn Dũng"  # phongvien, family name first
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([desk.editor.email], f"[Đặt bài] {writer} đã nhận bài: Bài được nhận"),
        ([desk.editor2.email], f"[Đặt bài] {writer} từ chối bài: Bài bị từ chối"),
    ]
    # Plain-text mail: the reason arrives as typed, not HTML-escaped.
    assert "Lý do: Không đủ thời gian <gấp>" in mail.outbox[1].body


def test_a_refused_action_mails_nobody(desk, as_user, django_capture_on_commit_callbacks):
    assignment = make_assignment(desk, status=AssignmentStatus.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        as_user(desk.journalist).post(reverse("desk_assignment:accept", args=[assignment.pk]))
    assert mail.outbox == []


def test_the_daily_run_reminds_once(desk, django_capture_on_commit_callbacks):
    due_soon = make_assignment(desk, headline="Sắp đến hạn", due_date=days(2))
    later = make_assignment(desk, headline="Còn xa", due_date=days(9))
    overdue = make_assignment(desk, headline="Quá hạn", status=AssignmentStatus.ACCEPTED)
    drafting_late = make_assignment(desk, headline="Nháp trễ", status=AssignmentStatus.ACCEPTED)
    drafting_late.article = make_article()
    drafting_late.save()
    for quiet in (AssignmentStatus.PROPOSED, AssignmentStatus.DECLINED, AssignmentStatus.CANCELLED):
        make_assignment(desk, headline=f"Không nhắc {quiet}", status=quiet, due_date=days(1))
    Assignment.objects.filter(pk__in=[overdue.pk, drafting_late.pk]).update(due_date=days(-1))

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_reminders()
    assert sent == {"due_soon": 1, "overdue": 4}
    received = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert received == sorted(
        [
            (
                desk.journalist.email,
                f"[Nhắc hạn] Bài “Sắp đến hạn” đến hạn ngày {days(2):%d/%m/%Y}",
            ),
            (desk.journalist.email, "[Quá hạn] Bài “Quá hạn” đã quá hạn nộp"),
            (desk.editor.email, "[Quá hạn] Bài “Quá hạn” đã quá hạn nộp"),
            (desk.journalist.email, "[Quá hạn] Bài “Nháp trễ” đã quá hạn nộp"),
            (desk.editor.email, "[Quá hạn] Bài “Nháp trễ” đã quá hạn nộp"),
        ]
    )
    assert later.headline not in "".join(m.subject for m in mail.outbox)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("send_desk_reminders", stdout=out)
    assert mail.outbox == []
    assert "Queued 0 due-soon and 0 overdue" in out.getvalue()
    assert DeskNotification.objects.count() == 5

    # A new due date is a new promise: it gets its own reminder.
    Assignment.objects.filter(pk=due_soon.pk).update(due_date=days(1))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders()["due_soon"] == 1
    assert len(mail.outbox) == 1


def test_published_work_is_never_overdue(desk, django_capture_on_commit_callbacks):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    page = make_article()
    page.save_revision(user=desk.chief).publish()
    assignment.article = page
    assignment.save()
    Assignment.objects.filter(pk=assignment.pk).update(due_date=days(-5))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == {"due_soon": 0, "overdue": 0}
    assert mail.outbox == []
