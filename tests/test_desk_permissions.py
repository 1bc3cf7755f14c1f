"""Who may do what on the desk, checked on the real admin views per role (server-side)."""

import pytest
from django.urls import reverse

from editorial.enums import AssignmentStatus, PhotoNeeds
from editorial.models import Assignment, Beat, BeatLogEntry
from tests.support.desk import days, log_entry, make_assignment

pytestmark = pytest.mark.django_db

ROLES = ["chief", "editor", "journalist", "journalist2", "photo"]


def url(name, *args):
    return reverse(name, args=args)


def outcome(response) -> int | str:
    """The status, with Wagtail's admin denial (a redirect to the dashboard with an
    error message; 403 for XHR) reported as "denied"."""
    if response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    ):
        return "denied"
    return response.status_code


def assignment_form(desk, **overrides):
    data = {
        "headline": "Kinh nghiệm tổ chức đại hội ở Đảng bộ Vietcombank",
        "brief": "Những cách làm mới trong chuẩn bị văn kiện.",
        "topic": desk.topic.pk,
        "plan_item": "",
        "beat": "",
        "assignee": desk.journalist.pk,
        "external_author": "",
        "staff_contact": "",
        "editor": desk.editor.pk,
        "due_date": days(14).strftime("%Y-%m-%d"),
        "target_length": "1500",
        "priority": "3",
        "photo_needs": PhotoNeeds.NONE,
        "photo_notes": "",
    }
    data.update(overrides)
    return data


# --- Assignments: listing, card, export ------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees_own", "sees_other", "sees_photo"),
    [
        ("chief", True, True, True),
        ("editor", True, True, True),
        ("journalist", True, False, False),
        ("photo", False, False, True),
    ],
)
def test_listing_shows_each_role_its_rows(desk, as_user, role, sees_own, sees_other, sees_photo):
    own = make_assignment(desk, headline="Bài của phóng viên một")
    other = make_assignment(desk, headline="Bài của phóng viên hai", assignee=desk.journalist2)
    photo = make_assignment(
        desk, headline="Phóng sự ảnh EVN", assignee=desk.journalist2, photo_needs=PhotoNeeds.NEW
    )
    response = as_user(getattr(desk, role)).get(url("desk_assignment:index"))
    assert outcome(response) == 200
    body = response.content.decode()
    assert (own.headline in body) is sees_own
    assert (other.headline in body) is sees_other
    assert (photo.headline in body) is sees_photo


@pytest.mark.parametrize(
    ("role", "status"),
    [("chief", 200), ("editor", 200), ("journalist", 200), ("journalist2", 404), ("photo", 404)],
)
def test_opening_an_assignment_by_url(desk, as_user, role, status):
    assignment = make_assignment(desk)  # the first journalist's, no photos
    client = as_user(getattr(desk, role))
    assert outcome(client.get(url("desk_assignment:inspect", assignment.pk))) == status
    edit = outcome(client.get(url("desk_assignment:edit", assignment.pk)))
    history = outcome(client.get(url("desk_assignment:history", assignment.pk)))
    # Seeing a row one may not change: Wagtail's denial; not seeing it at all: 404.
    expected_edit = {"chief": 200, "editor": 200, "journalist2": 404}.get(role, "denied")
    assert edit == expected_edit
    assert history == {"journalist2": 404, "photo": 404}.get(role, 200)


def test_the_photo_desk_reads_photo_assignments_but_cannot_change_them(desk, as_user):
    assignment = make_assignment(desk, photo_needs=PhotoNeeds.ARCHIVE)
    client = as_user(desk.photo)
    assert outcome(client.get(url("desk_assignment:inspect", assignment.pk))) == 200
    assert outcome(client.get(url("desk_assignment:edit", assignment.pk))) == "denied"
    assert outcome(client.get(url("desk_assignment:add"))) == "denied"
    response = client.post(url("desk_assignment:accept", assignment.pk))
    assert outcome(response) == "denied"
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.COMMISSIONED


@pytest.mark.parametrize(
    ("role", "status", "rows"),
    [("editor", 200, 2), ("chief", 200, 2), ("journalist", 200, 1), ("photo", 200, 0)],
)
def test_csv_export_respects_the_rows_a_role_sees(desk, as_user, role, status, rows):
    make_assignment(desk, headline="Bài một")
    make_assignment(desk, headline="Bài hai", assignee=desk.journalist2)
    response = as_user(getattr(desk, role)).get(url("desk_assignment:index") + "?export=csv")
    assert outcome(response) == status
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    assert len(lines) == 1 + rows
    assert "Hạn nộp" in lines[0]


# --- Assignments: create, edit, delete ------------------------------------------------------


def test_editor_creates_an_assignment_for_a_journalist(desk, as_user):
    response = as_user(desk.editor).post(url("desk_assignment:add"), assignment_form(desk))
    assert outcome(response) == 302
    assignment = Assignment.objects.get()
    assert assignment.assignee == desk.journalist
    assert assignment.status == AssignmentStatus.PROPOSED
    assert assignment.proposed_by == desk.editor


def test_a_journalist_proposes_for_themselves_and_cannot_pick_another_writer(desk, as_user):
    data = assignment_form(desk, assignee=desk.journalist2.pk, editor=desk.journalist2.pk)
    response = as_user(desk.journalist).post(url("desk_assignment:add"), data)
    assert outcome(response) == 302
    assignment = Assignment.objects.get()
    assert assignment.assignee == desk.journalist
    assert assignment.editor is None
    assert assignment.status == AssignmentStatus.PROPOSED


def test_a_journalist_edits_their_proposal_but_not_a_commissioned_assignment(desk, as_user):
    proposal = make_assignment(desk, status=AssignmentStatus.PROPOSED, editor=None)
    commissioned = make_assignment(desk)
    client = as_user(desk.journalist)
    data = assignment_form(desk, headline="Tít mới", assignee=desk.journalist2.pk)
    assert outcome(client.post(url("desk_assignment:edit", proposal.pk), data)) == 302
    proposal.refresh_from_db()
    assert proposal.headline == "Tít mới"
    assert proposal.assignee == desk.journalist  # reassigning is not theirs to do
    response = client.post(url("desk_assignment:edit", commissioned.pk), data)
    assert outcome(response) == "denied"
    assert Assignment.objects.get(pk=commissioned.pk).headline != "Tít mới"


def test_editors_reassign(desk, as_user):
    assignment = make_assignment(desk)
    data = assignment_form(desk, assignee=desk.journalist2.pk)
    response = as_user(desk.editor).post(url("desk_assignment:edit", assignment.pk), data)
    assert outcome(response) == 302
    assert Assignment.objects.get(pk=assignment.pk).assignee == desk.journalist2


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("chief", 302),
        ("editor", 302),
        ("journalist", "denied"),
        ("journalist2", 404),
        ("photo", 404),
    ],
)
def test_delete_is_for_editors(desk, as_user, role, status):
    assignment = make_assignment(desk)
    response = as_user(getattr(desk, role)).post(url("desk_assignment:delete", assignment.pk))
    assert outcome(response) == status
    assert Assignment.objects.filter(pk=assignment.pk).exists() is (status != 302)


# --- Assignment actions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status", "accepted"),
    [
        ("journalist", 302, True),
        ("editor", 302, True),
        ("chief", 302, True),
        ("journalist2", 404, False),
        ("photo", 404, False),
    ],
)
def test_accept_per_role(desk, as_user, role, status, accepted):
    assignment = make_assignment(desk)
    response = as_user(getattr(desk, role)).post(url("desk_assignment:accept", assignment.pk))
    assert outcome(response) == status
    stored = Assignment.objects.get(pk=assignment.pk).status
    assert (stored == AssignmentStatus.ACCEPTED) is accepted


@pytest.mark.parametrize("action", ["commission", "cancel"])
@pytest.mark.parametrize(("role", "status"), [("journalist", "denied"), ("photo", "denied")])
def test_only_editors_commission_and_cancel(desk, as_user, action, role, status):
    assignment = make_assignment(desk, status=AssignmentStatus.PROPOSED, photo_needs="new")
    response = as_user(getattr(desk, role)).post(url(f"desk_assignment:{action}", assignment.pk))
    assert outcome(response) == status
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.PROPOSED


@pytest.mark.parametrize("action", ["commission", "cancel"])
def test_editors_commission_and_cancel(desk, as_user, action):
    assignment = make_assignment(desk, status=AssignmentStatus.PROPOSED)
    response = as_user(desk.editor).post(url(f"desk_assignment:{action}", assignment.pk))
    assert outcome(response) == 302
    expected = {"commission": "commissioned", "cancel": "cancelled"}[action]
    assert Assignment.objects.get(pk=assignment.pk).status == expected


@pytest.mark.parametrize("action", ["accept", "decline", "cancel", "commission", "start_draft"])
def test_actions_refuse_get(desk, as_user, action):
    assignment = make_assignment(desk)
    response = as_user(desk.editor).get(url(f"desk_assignment:{action}", assignment.pk))
    assert response.status_code == 405


@pytest.mark.parametrize(("role", "status"), [("journalist2", 404), ("photo", 404)])
def test_start_draft_on_someone_elses_assignment_is_refused(desk, as_user, role, status):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    response = as_user(getattr(desk, role)).post(url("desk_assignment:start_draft", assignment.pk))
    assert outcome(response) == status
    assert Assignment.objects.get(pk=assignment.pk).article_id is None


def test_anonymous_users_are_sent_to_log_in(desk, client):
    assignment = make_assignment(desk)
    for name in ("desk_assignment:index", "desk_log:index", "desk_calendar:index"):
        response = client.get(url(name))
        assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(url("desk_assignment:accept", assignment.pk))
    assert outcome(response) == 302
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.COMMISSIONED


# --- Beats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "listing", "add", "edit"),
    [
        ("chief", 200, 200, 200),
        ("editor", 200, 200, 200),
        ("journalist", 200, "denied", "denied"),
        ("photo", 200, "denied", "denied"),
    ],
)
def test_beats_per_role(desk, as_user, role, listing, add, edit):
    client = as_user(getattr(desk, role))
    assert outcome(client.get(url("desk_beat:index"))) == listing
    assert outcome(client.get(url("desk_beat:inspect", desk.beat.pk))) == 200
    assert outcome(client.get(url("desk_beat:add"))) == add
    assert outcome(client.get(url("desk_beat:edit", desk.beat.pk))) == edit
    response = client.post(url("desk_beat:delete", desk.beat2.pk))
    assert Beat.objects.filter(pk=desk.beat2.pk).exists() is (role not in ("chief", "editor"))
    assert outcome(response) in (302, "denied")


# --- Beat log ---------------------------------------------------------------------------


def log_form(desk, beat=None, **overrides):
    data = {
        "beat": (beat or desk.beat).pk,
        "kind": "briefing",
        "date": days(0).strftime("%Y-%m-%d"),
        "summary": "Đảng ủy Khối thông báo kế hoạch đại hội điểm.",
        "organisations": [desk.committee.pk],
        "people_met": "Phó Bí thư Đảng ủy Khối",
        "follow_up_by": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_a_journalist_logs_on_their_own_beat(desk, as_user):
    response = as_user(desk.journalist).post(url("desk_log:add"), log_form(desk))
    assert outcome(response) == 302
    entry = BeatLogEntry.objects.get()
    assert entry.author == desk.journalist
    assert list(entry.organisations.all()) == [desk.committee]


def test_a_journalist_cannot_log_on_a_beat_they_do_not_follow(desk, as_user):
    response = as_user(desk.journalist).post(url("desk_log:add"), log_form(desk, beat=desk.beat2))
    assert outcome(response) == 200
    assert "Bạn chỉ có thể ghi nhật ký cho địa bàn mình theo dõi." in response.content.decode()
    assert not BeatLogEntry.objects.exists()


def test_editors_log_anywhere(desk, as_user):
    response = as_user(desk.editor).post(url("desk_log:add"), log_form(desk, beat=desk.beat2))
    assert outcome(response) == 302


def test_the_photo_desk_has_no_beat_log(desk, as_user):
    client = as_user(desk.photo)
    assert outcome(client.get(url("desk_log:index"))) == "denied"
    assert outcome(client.get(url("desk_log:add"))) == "denied"


@pytest.mark.parametrize(
    ("role", "view", "edit", "delete"),
    [
        ("journalist", 200, 200, 200),  # the author
        ("editor", 200, 200, 200),
        ("journalist2", 404, 404, 404),  # not on the beat
        ("journalist3", 404, 404, 404),
    ],
)
def test_log_entries_belong_to_their_author(desk, as_user, role, view, edit, delete):
    entry = log_entry(desk)
    client = as_user(getattr(desk, role))
    assert outcome(client.get(url("desk_log:inspect", entry.pk))) == view
    assert outcome(client.get(url("desk_log:edit", entry.pk))) == edit
    assert outcome(client.get(url("desk_log:delete", entry.pk))) == delete


def test_a_colleague_on_the_same_beat_reads_but_does_not_edit(desk, as_user):
    entry = log_entry(desk, author=desk.editor)
    client = as_user(desk.journalist)  # follows desk.beat, did not write the entry
    assert outcome(client.get(url("desk_log:inspect", entry.pk))) == 200
    assert outcome(client.get(url("desk_log:edit", entry.pk))) == "denied"
    assert outcome(client.post(url("desk_log:delete", entry.pk))) == "denied"
    assert BeatLogEntry.objects.filter(pk=entry.pk).exists()


def test_log_listing_per_role(desk, as_user):
    mine = log_entry(desk, summary="Ghi chép của phóng viên một")
    theirs = log_entry(
        desk, author=desk.journalist2, beat=desk.beat2, summary="Ghi chép ở EVN của người khác"
    )
    body = as_user(desk.journalist).get(url("desk_log:index")).content.decode()
    assert mine.summary in body and theirs.summary not in body
    body = as_user(desk.editor).get(url("desk_log:index")).content.decode()
    assert mine.summary in body and theirs.summary in body


@pytest.mark.parametrize(
    ("role", "may"), [("journalist", True), ("editor", True), ("journalist2", False)]
)
def test_turning_a_log_entry_into_an_assignment_opens_a_prefilled_form(desk, as_user, role, may):
    entry = log_entry(
        desk,
        summary="Đảng bộ EVN chuẩn bị đại hội\nGặp Ban Tổ chức tuần sau.",
        follow_up_needed=True,
        follow_up_by=days(3),
    )
    client = as_user(getattr(desk, role))
    add_url = url("desk_assignment:add") + f"?log_entry={entry.pk}"
    entry_page = client.get(url("desk_log:inspect", entry.pk))
    assert (add_url.replace("&", "&amp;") in entry_page.content.decode()) == may

    form_page = client.get(add_url)
    assert form_page.status_code == 200
    body = form_page.content.decode()
    # Prefilled from the entry, for those who may read it; nobody else learns of it.
    assert ('value="Đảng bộ EVN chuẩn bị đại hội"' in body) == may
    assert ("Gặp Ban Tổ chức tuần sau." in body) == may
    assert not Assignment.objects.exists()  # nothing until the form is saved

    response = client.post(add_url, assignment_form(desk, headline="Đại hội Đảng bộ EVN"))
    assert outcome(response) == 302
    assignment = Assignment.objects.get()
    entry.refresh_from_db()
    if may:
        assert assignment.source_log_entry == entry
        assert assignment.status == AssignmentStatus.PROPOSED
        assert entry.follow_up_done
    else:
        assert assignment.source_log_entry is None
        assert not entry.follow_up_done


def test_a_log_entry_on_a_beat_without_topic_asks_for_one(desk, as_user):
    entry = log_entry(desk, author=desk.journalist2, beat=desk.beat2)
    client = as_user(desk.journalist2)
    add_url = url("desk_assignment:add") + f"?log_entry={entry.pk}"
    assert entry.summary in client.get(add_url).content.decode()
    response = client.post(add_url, assignment_form(desk, topic="", headline="Từ nhật ký EVN"))
    assert outcome(response) == 200  # the form again, with the topic asked for
    assert not Assignment.objects.exists()
    response = client.post(add_url, assignment_form(desk, headline="Từ nhật ký EVN"))
    assert outcome(response) == 302
    assert Assignment.objects.get().source_log_entry == entry


# --- Calendar and dashboard -----------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_calendar_and_dashboard_open_for_every_role(desk, as_user, role):
    client = as_user(getattr(desk, role))
    assert outcome(client.get(url("desk_calendar:index"))) == 200
    assert outcome(client.get(reverse("wagtailadmin_home"))) == 200
