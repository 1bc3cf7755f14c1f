"""Assignment actions and bad input: each refusal has a clear message and changes nothing."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

from editorial.desk import actions
from editorial.enums import AssignmentStatus
from editorial.models import Assignment, BeatLogAttachment, BeatLogEntry
from tests.support.desk import days, log_entry, make_article, make_assignment

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_due_date_in_the_past_is_refused_on_creation(desk, as_user):
    data = {
        "headline": "Bài hạn cũ",
        "brief": "…",
        "topic": desk.topic.pk,
        "assignee": desk.journalist.pk,
        "due_date": days(-1).strftime("%Y-%m-%d"),
        "priority": "3",
        "photo_needs": "none",
    }
    response = as_user(desk.editor).post(reverse("desk_assignment:add"), data)
    assert response.status_code == 200
    assert "Hạn nộp không được là ngày đã qua." in response.content.decode()
    assert not Assignment.objects.exists()


def test_an_existing_assignment_keeps_its_past_due_date_on_edit(desk):
    assignment = make_assignment(desk)
    Assignment.objects.filter(pk=assignment.pk).update(due_date=days(-3))
    assignment.refresh_from_db()
    assignment.headline = "Sửa tít"
    assignment.full_clean()  # no error: only creation is checked


def test_accepting_a_cancelled_assignment_is_refused(desk, as_user):
    assignment = make_assignment(desk, status=AssignmentStatus.CANCELLED)
    response = as_user(desk.journalist).post(
        reverse("desk_assignment:accept", args=[assignment.pk])
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Đặt bài này đã bị hủy; không thể nhận nữa."]
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.CANCELLED
    assert assignment.answered_at is None


def test_declining_needs_a_reason(desk, as_user):
    assignment = make_assignment(desk)
    client = as_user(desk.journalist)
    response = client.post(
        reverse("desk_assignment:decline", args=[assignment.pk]), {"reason": "  "}
    )
    assert messages_of(response) == ["Hãy nêu lý do từ chối để biên tập viên giao lại bài."]
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.COMMISSIONED
    client.post(
        reverse("desk_assignment:decline", args=[assignment.pk]),
        {"reason": "Đang đi công tác Quảng Ninh đến hết tháng."},
    )
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.DECLINED
    assert assignment.decline_reason == "Đang đi công tác Quảng Ninh đến hết tháng."


def test_starting_a_draft_twice_is_refused(desk, as_user):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    first = make_article(title="Bản nháp đầu")
    assignment.article = first
    assignment.save()
    pages_before = first.get_parent().get_children().count()
    response = as_user(desk.journalist).post(
        reverse("desk_assignment:start_draft", args=[assignment.pk])
    )
    assert response.status_code == 302
    assert messages_of(response) == [
        "Đặt bài này đã có bản nháp; giai đoạn của nó giờ đi theo bài viết."
    ]
    assert Assignment.objects.get(pk=assignment.pk).article_id == first.pk
    assert first.get_parent().get_children().count() == pages_before


def test_a_draft_waits_for_acceptance(desk):
    assignment = make_assignment(desk, status=AssignmentStatus.COMMISSIONED)
    with pytest.raises(actions.DeskActionError, match="Hãy nhận đặt bài trước khi bắt đầu viết"):
        actions.start_draft(assignment, desk.journalist)


def test_commissioning_needs_a_writer(desk):
    assignment = make_assignment(desk, status=AssignmentStatus.PROPOSED, assignee=None)
    with pytest.raises(actions.DeskActionError, match="Trước hết hãy chọn phóng viên"):
        actions.commission(assignment, desk.editor)
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.PROPOSED


def test_a_declined_assignment_can_be_reassigned_and_commissioned_again(desk):
    assignment = make_assignment(desk)
    actions.decline(assignment, desk.journalist, "Trùng lịch")
    Assignment.objects.filter(pk=assignment.pk).update(assignee=desk.journalist2)
    assignment = actions.commission(Assignment.objects.get(pk=assignment.pk), desk.editor)
    assert assignment.status == AssignmentStatus.COMMISSIONED
    assert assignment.decline_reason == ""


def test_cancelling_after_a_draft_exists_is_refused(desk):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    assignment.article = make_article()
    assignment.save()
    with pytest.raises(actions.DeskActionError, match="Bài đã có bản nháp"):
        actions.cancel(assignment, desk.editor)


def test_actions_are_in_the_history(desk, as_user):
    assignment = make_assignment(desk)
    client = as_user(desk.journalist)
    client.post(reverse("desk_assignment:accept", args=[assignment.pk]))
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="editorial.assignment.accept")
    assert entry.object_id == str(assignment.pk) and entry.user == desk.journalist
    history = client.get(reverse("desk_assignment:history", args=[assignment.pk]))
    assert history.status_code == 200
    assert str(entry.message) == "Đã nhận bài"
    assert "Đã nhận bài" in history.content.decode()


# --- Attachments: size limit ------------------------------------------------------------


def _document(size: int):
    Document = get_document_model()
    document = Document(title="Công văn của Đảng ủy Khối")
    document.file.save("cong-van.pdf", ContentFile(b"%PDF" + b"0" * (size - 4)), save=False)
    document.save()
    return document


def _log_post(desk, document):
    return {
        "beat": desk.beat.pk,
        "kind": "document",
        "date": days(0).strftime("%Y-%m-%d"),
        "summary": "Nhận công văn hướng dẫn đại hội.",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "attachments-0-document": document.pk,
        "attachments-0-id": "",
        "attachments-0-ORDER": "1",
        "attachments-0-DELETE": "",
    }


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_an_attachment_over_the_size_limit_is_refused(desk, as_user):
    document = _document(4096)
    response = as_user(desk.journalist).post(reverse("desk_log:add"), _log_post(desk, document))
    assert response.status_code == 200
    body = response.content.decode()
    assert "tệp đính kèm tối đa 2,0" in body
    assert not BeatLogEntry.objects.exists()
    assert not BeatLogAttachment.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_an_attachment_within_the_limit_is_kept(desk, as_user):
    document = _document(1024)
    response = as_user(desk.journalist).post(reverse("desk_log:add"), _log_post(desk, document))
    assert response.status_code == 302
    assert BeatLogEntry.objects.get().attachments.get().document == document


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_wagtail_refuses_uploading_a_document_over_the_limit(desk, as_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("lon.pdf", b"%PDF" + b"0" * 4096, content_type="application/pdf")
    response = as_user(desk.journalist).post(
        reverse("wagtaildocs:add"), {"title": "Tệp lớn", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="Tệp lớn").exists()


def test_follow_up_needs_a_date_and_the_log_cannot_be_ahead(desk):
    from django.core.exceptions import ValidationError

    entry = BeatLogEntry(
        beat=desk.beat,
        author=desk.journalist,
        summary="…",
        date=days(2),
        follow_up_needed=True,
    )
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert set(error.value.message_dict) == {"follow_up_by", "date"}


def test_turning_an_entry_into_an_assignment_keeps_the_link(desk):
    entry = log_entry(desk, summary="Đảng ủy Khối giới thiệu mô hình “Dân vận khéo”.\nChi tiết…")
    assignment = actions.assignment_from_log_entry(entry, desk.journalist)
    assert assignment.headline == "Đảng ủy Khối giới thiệu mô hình “Dân vận khéo”."
    assert assignment.source_log_entry == entry
    assert list(entry.assignments.all()) == [assignment]
