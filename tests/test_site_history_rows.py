"""Site history and its exports show a journalist only the desk records the desk shows
them (issue 14): other people's assignments (proposals included) and beat-log entries on
beats they don't follow are not there by headline or first line."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log

from editorial.enums import AssignmentStatus
from editorial.models import ProgrammeTopic
from tests.factories import AssignmentFactory, BeatFactory, BeatLogEntryFactory
from tests.support.pipelines import user

pytestmark = pytest.mark.django_db

PROPOSAL = "ĐỀ XUẤT RIÊNG của phóng viên khác"
BRIEFING = "GIAO BAN RIÊNG trên địa bàn không theo dõi"
OWN = "Bài được giao cho chính mình"


@pytest.fixture
def history(demo):
    topic = ProgrammeTopic.objects.first()
    theirs = AssignmentFactory(
        headline=PROPOSAL, topic=topic, assignee=user("phongvien2"),
        status=AssignmentStatus.PROPOSED,
    )  # fmt: skip
    mine = AssignmentFactory(headline=OWN, topic=topic, assignee=user("phongvien"))
    entry = BeatLogEntryFactory(
        beat=BeatFactory(name="Địa bàn riêng"), author=user("phongvien2"), summary=BRIEFING
    )
    for row in (theirs, mine, entry):
        log(instance=row, action="wagtail.create", user=user("phongvien2"))


def site_history(username, **params):
    client = Client()
    client.force_login(user(username))
    response = client.get(reverse("wagtailadmin_reports:site_history"), params)
    assert response.status_code == 200
    if params.get("export"):
        return (
            b"".join(response.streaming_content).decode("utf-8", "replace")
            if getattr(response, "streaming", False)
            else response.content.decode("utf-8", "replace")
        )
    return response.content.decode()


@pytest.mark.parametrize("export", [None, "csv"])
def test_a_journalist_sees_only_his_own_desk_records_in_site_history(history, export):
    params = {"export": export} if export else {}
    seen = site_history("phongvien", **params)
    assert OWN in seen
    assert PROPOSAL not in seen
    assert BRIEFING[:30] not in seen


def test_the_photo_desk_sees_no_proposal_or_beat_log_line(history):
    seen = site_history("bananh")
    assert PROPOSAL not in seen
    assert BRIEFING[:30] not in seen


def test_editors_see_every_desk_record(history):
    seen = site_history("bientap")
    assert PROPOSAL in seen and OWN in seen and BRIEFING[:30] in seen


def test_site_history_csv_keeps_formulas_as_text(demo):
    topic = ProgrammeTopic.objects.first()
    row = AssignmentFactory(headline='=HYPERLINK("http://x","y")', topic=topic)
    log(instance=row, action="wagtail.create", user=user("bientap"))
    exported = site_history("bientap", export="csv")
    assert "'=HYPERLINK" in exported
    assert "\n=HYPERLINK" not in exported and ",=HYPERLINK" not in exported
