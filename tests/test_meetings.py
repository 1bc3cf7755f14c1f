"""Meetings and invitations both ways: recorded with who came, what was decided and the
follow-ups; editors keep them, journalists read them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from editorial.models import Meeting

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_editorial_meeting:add"


def _post(desk, **fields) -> dict:
    return {
        "title": "Giao ban phối hợp quý III",
        "date": "2020-09-28",
        "host": desk.committee.pk,
        "event": "",
        "plan_item": desk.plan_item.pk,
        "decisions": "Tạp chí mở chuyên mục mới.",
        "invitations-TOTAL_FORMS": "1",
        "invitations-INITIAL_FORMS": "0",
        "invitations-MIN_NUM_FORMS": "0",
        "invitations-MAX_NUM_FORMS": "1000",
        "invitations-0-organisation": desk.evn.pk,
        "invitations-0-person": "Phó Tổng Biên tập",
        "invitations-0-attended": "on",
        "invitations-0-id": "",
        "invitations-0-ORDER": "1",
        "invitations-0-DELETE": "",
        "follow_ups-TOTAL_FORMS": "1",
        "follow_ups-INITIAL_FORMS": "0",
        "follow_ups-MIN_NUM_FORMS": "0",
        "follow_ups-MAX_NUM_FORMS": "1000",
        "follow_ups-0-action": "Bài tổng thuật",
        "follow_ups-0-owner": desk.journalist.pk,
        "follow_ups-0-due_date": "2020-10-05",
        "follow_ups-0-id": "",
        "follow_ups-0-ORDER": "1",
        "follow_ups-0-DELETE": "",
    } | fields


def test_an_editor_records_a_meeting_with_invitations_and_follow_ups(desk, as_user):
    response = as_user(desk.editor).post(reverse(ADD), _post(desk))
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    invitation = meeting.invitations.get()
    assert (invitation.organisation, invitation.attended) == (desk.evn, True)
    follow_up = meeting.follow_ups.get()
    assert (follow_up.owner, follow_up.due_date) == (desk.journalist, datetime.date(2020, 10, 5))
    assert meeting.plan_item == desk.plan_item


def test_journalists_read_meetings_but_do_not_record_them(desk, as_user):
    client = as_user(desk.journalist)
    assert client.get(reverse("wagtailsnippets_editorial_meeting:list")).status_code == 200
    assert client.post(reverse(ADD), _post(desk)).status_code in (302, 403)
    assert not Meeting.objects.exists()


def test_the_demo_has_invitations_both_ways(demo):
    from editorial.demo.exchange import COMMITTEE, REVIEW

    hosts = set(Meeting.objects.values_list("host__short_name", flat=True))
    assert {COMMITTEE, REVIEW} <= hosts
    for meeting in Meeting.objects.prefetch_related("invitations__organisation"):
        assert meeting.invitations.exists()
        assert all(i.organisation_id != meeting.host_id for i in meeting.invitations.all())
    assert Meeting.objects.filter(event__isnull=False).exists()
    assert Meeting.objects.filter(follow_ups__done=False).exists()
