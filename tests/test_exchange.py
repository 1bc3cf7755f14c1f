"""The exchange ledger: conversion in one step with links both ways, computed response
times, who sees what, and bad input refused with nothing saved."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents import get_document_model

from editorial.enums import AssignmentStatus, ExchangeDirection, ExchangeKind
from editorial.exchange.actions import log_entry_from_item
from editorial.exchange.viewsets import response_display
from editorial.models import Assignment, ExchangeAttachment, ExchangeItem
from tests.support.admin_forms import form_data
from tests.support.desk import days, make_assignment

pytestmark = pytest.mark.django_db


def received(desk, **fields) -> ExchangeItem:
    fields = {
        "direction": ExchangeDirection.RECEIVED,
        "kind": ExchangeKind.BRIEFING,
        "subject": "Thông tin về Đại hội Đảng bộ Khối lần thứ III",
        "summary": "Ban Tuyên giáo cung cấp tài liệu chuẩn bị Đại hội.",
        "beat": desk.beat,
        "sender_organisation": desk.committee,
        "author": desk.journalist,
        "date": days(-10),
    } | fields
    return ExchangeItem.objects.create(**fields)


def sent(desk, **fields) -> ExchangeItem:
    fields = {
        "direction": ExchangeDirection.SENT,
        "kind": ExchangeKind.ANSWER,
        "subject": "Trả lời Ban Tuyên giáo",
        "beat": desk.beat,
        "recipient_organisation": desk.committee,
        "author": desk.journalist,
    } | fields
    return ExchangeItem.objects.create(**fields)


def vi(message: str) -> str:
    with translation.override("vi"):
        return str(translation.gettext(message))


# --- One step from a received briefing to an assignment, linked both ways ----------------


def test_a_received_briefing_becomes_an_assignment_and_both_show_the_link(desk, as_user):
    item = received(desk, plan_item=desk.plan_item)
    client = as_user(desk.editor)
    card = client.get(reverse("desk_exchange:inspect", args=[item.pk]))
    add_url = f"{reverse('desk_assignment:add')}?exchange_item={item.pk}"
    assert add_url in card.content.decode()

    form = client.get(add_url)
    data = form_data(form)
    # Prefilled from the item: its subject, its plan item, the beat's topic.
    assert data["headline"] == item.subject
    assert data["plan_item"] == str(desk.plan_item.pk)
    assert data["topic"] == str(desk.topic.pk)
    data |= {"assignee": str(desk.journalist.pk), "exchange_item": str(item.pk)}
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    assignment = Assignment.objects.get()
    assert assignment.source_exchange_item == item
    ledger_card = client.get(reverse("desk_exchange:inspect", args=[item.pk])).content.decode()
    assert reverse("desk_assignment:inspect", args=[assignment.pk]) in ledger_card
    desk_card = client.get(reverse("desk_assignment:inspect", args=[assignment.pk]))
    assert reverse("desk_exchange:inspect", args=[item.pk]) in desk_card.content.decode()


def test_a_sent_item_is_not_turned_into_an_assignment(desk, as_user):
    item = sent(desk)
    form = as_user(desk.editor).get(f"{reverse('desk_assignment:add')}?exchange_item={item.pk}")
    assert form_data(form)["headline"] == ""


def test_a_received_item_goes_into_the_beat_log_in_one_step_with_its_attachments(desk, as_user):
    item = received(desk)
    ExchangeAttachment.objects.create(item=item, document=_document(1024))
    client = as_user(desk.journalist)
    response = client.post(reverse("desk_exchange:make_log_entry", args=[item.pk]))
    item.refresh_from_db()
    entry = item.log_entry
    assert response.status_code == 302
    assert response["Location"] == reverse("desk_log:inspect", args=[entry.pk])
    assert entry.beat == desk.beat and entry.author == desk.journalist
    assert list(entry.organisations.all()) == [desk.committee]
    assert entry.attachments.count() == 1
    card = client.get(reverse("desk_exchange:inspect", args=[item.pk])).content.decode()
    assert reverse("desk_log:inspect", args=[entry.pk]) in card
    # A second press files nothing more.
    client.post(reverse("desk_exchange:make_log_entry", args=[item.pk]))
    assert type(entry).objects.count() == 1


def test_a_journalist_off_the_beat_cannot_convert_it(desk, as_user):
    item = received(desk)
    response = as_user(desk.journalist2).post(
        reverse("desk_exchange:make_log_entry", args=[item.pk])
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.log_entry is None


# --- Response times: computed, never stored ------------------------------------------------


def _at(day: datetime.date):
    return time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))), tick=False
    )


def test_response_time_is_the_first_reply_or_commission_and_open_requests_wait(desk):
    with _at(datetime.date(2020, 3, 20)):
        answered = received(desk, date=datetime.date(2020, 3, 1))
        sent(desk, in_reply_to=answered, date=datetime.date(2020, 3, 6))
        sent(desk, in_reply_to=answered, date=datetime.date(2020, 3, 9))
        commissioned = received(desk, date=datetime.date(2020, 3, 2))
        assignment = make_assignment(desk, source_exchange_item=commissioned)
        Assignment.objects.filter(pk=assignment.pk).update(
            commissioned_at=timezone.make_aware(datetime.datetime(2020, 3, 4, 9))
        )
        # A proposal nobody commissioned is no answer yet.
        waiting = received(
            desk, date=datetime.date(2020, 3, 10), kind=ExchangeKind.COVERAGE_REQUEST
        )
        make_assignment(desk, source_exchange_item=waiting, status=AssignmentStatus.PROPOSED)
        briefing_for_the_record = received(desk, kind=ExchangeKind.DOCUMENT)

        rows = {row.pk: row for row in ExchangeItem.objects.with_response()}
        assert rows[answered.pk].response_days == 5
        assert rows[commissioned.pk].response_days == 2
        assert rows[waiting.pk].response_days is None
        assert rows[waiting.pk].waiting_days == 10
        assert rows[briefing_for_the_record.pk].waiting_days is None
        assert set(ExchangeItem.objects.open_requests()) == {waiting}
        with translation.override("en"):
            assert response_display(rows[waiting.pk]) == "waiting 10 days"
            assert response_display(rows[answered.pk]) == "answered in 5 days"

    # Ten days later the same request has waited twenty: nothing stored went stale.
    with _at(datetime.date(2020, 3, 30)):
        assert ExchangeItem.objects.with_response().get(pk=waiting.pk).waiting_days == 20


def test_the_listing_reads_response_times_in_constant_queries(
    desk, as_user, django_assert_max_num_queries
):
    client = as_user(desk.editor)
    url = reverse("desk_exchange:index")
    client.get(url)
    for n in range(3):
        item = received(desk, subject=f"Yêu cầu {n}")
        sent(desk, in_reply_to=item)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for n in range(12):
        item = received(desk, subject=f"Yêu cầu thêm {n}")
        sent(desk, in_reply_to=item)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


# --- Permissions -------------------------------------------------------------------------


def test_journalists_see_the_ledger_of_their_beats_only(desk, as_user):
    mine = received(desk, subject="Trên địa bàn của tôi")
    other = received(desk, beat=desk.beat2, subject="Địa bàn EVN", author=desk.journalist2)
    client = as_user(desk.journalist)
    listing = client.get(reverse("desk_exchange:index")).content.decode()
    assert mine.subject in listing and other.subject not in listing
    assert client.get(reverse("desk_exchange:inspect", args=[other.pk])).status_code == 404
    # Seeing a colleague's item on the beat is not editing it.
    colleague = received(desk, author=desk.editor)
    edit_url = reverse("desk_exchange:edit", args=[colleague.pk])
    assert client.get(edit_url).status_code in (302, 403)
    client.post(edit_url, _add_post(desk, subject="Đổi tên"))
    colleague.refresh_from_db()
    assert colleague.subject != "Đổi tên"


def _add_post(desk, **fields) -> dict:
    return {
        "direction": "received",
        "kind": "coverage_request",
        "date": days(-1).strftime("%Y-%m-%d"),
        "subject": "Đề nghị tuyên truyền chương trình Tết ấm yêu thương",
        "summary": "",
        "beat": desk.beat.pk,
        "sender_organisation": desk.committee.pk,
        "sender_person": "",
        "recipient_organisation": "",
        "recipient_person": "",
        "plan_item": "",
        "topic": "",
        "in_reply_to": "",
        "article": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    } | fields


def test_a_journalist_adds_an_item_on_their_beat_but_not_on_another(desk, as_user):
    client = as_user(desk.journalist)
    response = client.post(reverse("desk_exchange:add"), _add_post(desk))
    assert response.status_code == 302
    assert ExchangeItem.objects.get().author == desk.journalist
    refused = client.post(reverse("desk_exchange:add"), _add_post(desk, beat=desk.beat2.pk))
    assert refused.status_code == 200
    assert vi("You can only file items on beats you follow.") in refused.content.decode()
    assert ExchangeItem.objects.count() == 1


def test_the_photo_desk_sees_no_ledger(desk, as_user):
    item = received(desk)
    client = as_user(desk.photo)
    assert client.get(reverse("desk_exchange:index")).status_code in (302, 403)
    assert client.get(reverse("desk_exchange:inspect", args=[item.pk])).status_code in (
        302,
        403,
        404,
    )
    assert client.post(reverse("desk_exchange:add"), _add_post(desk)).status_code in (302, 403)
    assert ExchangeItem.objects.count() == 1


def test_only_editors_edit_plan_items(desk, as_user):
    url = reverse("wagtailsnippets_editorial_annualplan:edit", args=[desk.plan.pk])
    assert as_user(desk.journalist).get(url).status_code in (302, 403)
    assert as_user(desk.photo).get(url).status_code in (302, 403)
    assert as_user(desk.editor).get(url).status_code == 200


# --- Bad input: a clear error, nothing saved half-way ----------------------------------------


def _document(size: int, name: str = "cong-van.pdf"):
    Document = get_document_model()
    document = Document(title="Công văn của Đảng ủy Khối")
    document.file.save(name, ContentFile(b"%PDF" + b"0" * (size - 4)), save=False)
    document.save()
    return document


def _with_attachment(desk, document) -> dict:
    return _add_post(desk) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-document": document.pk,
        "attachments-0-id": "",
        "attachments-0-ORDER": "1",
        "attachments-0-DELETE": "",
    }


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_an_attachment_over_the_limit_is_refused(desk, as_user):
    response = as_user(desk.journalist).post(
        reverse("desk_exchange:add"), _with_attachment(desk, _document(4096))
    )
    assert response.status_code == 200
    assert "tệp đính kèm tối đa 2,0" in response.content.decode()
    assert not ExchangeItem.objects.exists() and not ExchangeAttachment.objects.exists()


def test_an_attachment_of_the_wrong_type_is_refused(desk, as_user):
    document = _document(512, name="chuong-trinh.exe")
    response = as_user(desk.journalist).post(
        reverse("desk_exchange:add"), _with_attachment(desk, document)
    )
    assert response.status_code == 200
    assert ".exe" in response.content.decode()
    assert not ExchangeItem.objects.exists() and not ExchangeAttachment.objects.exists()


def test_a_received_date_in_the_future_is_refused(desk, as_user):
    response = as_user(desk.journalist).post(
        reverse("desk_exchange:add"), _add_post(desk, date=days(3).strftime("%Y-%m-%d"))
    )
    assert response.status_code == 200
    assert (
        vi("The ledger records what has passed; the date cannot be ahead.")
        in response.content.decode()
    )
    assert not ExchangeItem.objects.exists()


def test_an_item_with_no_counterpart_organisation_is_refused(desk, as_user):
    client = as_user(desk.journalist)
    response = client.post(reverse("desk_exchange:add"), _add_post(desk, sender_organisation=""))
    assert vi("Say which organisation sent it.") in response.content.decode()
    response = client.post(
        reverse("desk_exchange:add"),
        _add_post(desk, direction="sent", kind="answer", sender_organisation=""),
    )
    assert vi("Say which organisation it was sent to.") in response.content.decode()
    assert not ExchangeItem.objects.exists()


def test_log_entry_conversion_of_a_sent_item_is_refused(desk):
    from editorial.exchange.actions import ExchangeActionError

    with pytest.raises(ExchangeActionError):
        log_entry_from_item(sent(desk), desk.journalist)
