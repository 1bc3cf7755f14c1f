"""Issue 20, the print desk's journey: the editor plans Số 958 from its slated
assignments and closes its second proof round in the issue editor; the editor-in-chief
signs the final proof in the planner and publishes the issue; a reader then finds its
table of contents, with page numbers, on the site."""

import pytest
from django.utils.text import capfirst
from playwright.sync_api import expect

from coverage.demo.issues import IN_PROOF, SLATED_ONLY
from coverage.enums import IssueStatus
from coverage.models import PrintIssuePage, ProofRound
from editorial.models import Assignment
from tests.e2e import story
from tests.e2e.harness import assert_accessible
from tests.e2e.ui import label, main_menu, t, t_match

# The demo's issue in proof: round 1 done, round 2 still open, one piece only slated.
SLATED = SLATED_ONLY[IN_PROOF][0]
# The proof-readers hand round 2 back (the form's format, WAGTAIL_DATETIME_FORMAT).
ROUND_TWO_DONE = "02/12/2020 16:30"
ROUND_TWO_NOTE = "Vòng 2: thống nhất số trang mục lục, sửa chú thích ảnh trang 58."
CHIEF_NAME = "Đoàn Minh Huấn"


def issue_in_proof() -> PrintIssuePage:
    return PrintIssuePage.objects.get(number=IN_PROOF)


def stage_of(headline: str) -> str:
    """What the planner should print for the assignment: its own derived stage."""
    return str(Assignment.objects.with_stage().get(headline=headline).get_stage_display())


def open_planner(page, issue: PrintIssuePage) -> None:
    """Sidebar → Print issues → the issue's row (its status read on the way)."""
    main_menu(page).get_by_role("link", name=t("Print issues"), exact=True).click()
    expect(page.get_by_role("heading", name=t("Print issues"), level=1)).to_be_visible()
    page.get_by_role("row").filter(has_text=issue.dated_label).get_by_role(
        "link", name=issue.dated_label, exact=True
    ).click()
    expect_planner(page, issue)


def expect_planner(page, issue: PrintIssuePage) -> None:
    """The planner, titled with the issue in its header (the breadcrumb's last item)."""
    title = t("Plan of %(issue)s") % {"issue": issue.dated_label}
    expect(page.get_by_role("heading", name=title, level=1)).to_be_attached()
    crumbs = page.get_by_role("navigation", name=t("Breadcrumb"), exact=True)
    expect(crumbs.get_by_role("listitem").last).to_have_text(title)


def section(page, heading: str):
    return page.get_by_role("region", name=t(heading), exact=True)


def round_row(page, number: int):
    rounds = section(page, "Proof rounds").get_by_role("table")
    return rounds.get_by_role("row").filter(
        has=page.get_by_role("cell", name=t("Round %(number)s") % {"number": number}, exact=True)
    )


@pytest.mark.journey("print-desk")
def test_an_issue_is_planned_proofed_signed_and_read(open_page, sign_in, shots, site):
    issue = issue_in_proof()
    editor = sign_in(open_page(), story.EDITOR)

    # The print issues menu: Số 958 is the one still in proof.
    main_menu(editor).get_by_role("link", name=t("Print issues"), exact=True).click()
    row = editor.get_by_role("row").filter(has_text=issue.dated_label)
    expect(row.get_by_role("cell", name=t(IssueStatus.IN_PROOF.label), exact=True)).to_be_visible()
    shots.take(editor, "print-issues")

    # Its planner: the lineup and the piece only slated, each at its own stage.
    open_planner(editor, issue)
    slated = (
        section(editor, "Slated, not yet in the lineup").get_by_role("row").filter(has_text=SLATED)
    )
    expect(slated.get_by_role("cell", name=stage_of(SLATED), exact=True)).to_be_visible()
    expect(slated).to_contain_text(t("Not in the lineup"))
    lineup = section(editor, "Lineup").get_by_role("row")
    unwritten = issue.slots.filter(assignment__isnull=False, article__isnull=True)
    assert unwritten, "the demo's Số 958 has pieces in its lineup still being written"
    expect(lineup).to_have_count(1 + issue.slots.count())  # the header row, then the slots
    for slot in unwritten:
        headline = slot.assignment.headline
        row = lineup.filter(has_text=headline)
        expect(row.get_by_role("cell", name=stage_of(headline), exact=True)).to_be_visible()
    expect(round_row(editor, 2)).to_contain_text(t("Open"))
    expect(section(editor, "Proof rounds")).to_contain_text(
        t("Awaiting the editor-in-chief's sign-off.")
    )
    shots.take(editor, "planner", show=slated)

    # The issue editor's Proof tab: round 2 comes back from the proof-readers.
    editor.get_by_role("link", name=t("Edit the issue, its lineup and proof rounds")).click()
    editor.get_by_role("tab", name=t("Proof"), exact=True).click()
    round_two = editor.get_by_role("region", name=f"{capfirst(t('proof round'))} 2", exact=True)
    completed = round_two.get_by_role("textbox", name=label(ProofRound, "completed_at"))
    expect(completed).to_have_value("")
    completed.fill(ROUND_TWO_DONE)
    completed.press("Escape")  # the date picker folds away
    round_two.get_by_role("textbox", name=label(ProofRound, "corrections")).fill(ROUND_TWO_NOTE)
    shots.take(editor, "proof-tab", show=round_two)
    editor.get_by_role("button", name=t("Save draft"), exact=True).click()
    expect(editor.get_by_role("status")).to_contain_text(
        t_match("Page '%(page_title)s' has been updated.", page_title=issue.title)
    )

    # Back to the planner from the editor's header; the round reads completed, and the
    # signature is not the editor's to give.
    # The header's own menu: each lineup slot's chooser has an "Actions" button too.
    actions = editor.get_by_role("button", name=t("Actions"), exact=True)
    actions.and_(editor.locator(".w-h-slim-header")).click()
    editor.get_by_role("link", name=t("Issue planner"), exact=True).click()
    expect_planner(editor, issue)
    expect(round_row(editor, 2)).to_contain_text(ROUND_TWO_DONE)
    expect(round_row(editor, 2)).to_contain_text(ROUND_TWO_NOTE)
    expect(
        section(editor, "Proof rounds").get_by_role("button", name=t("Sign off the final proof"))
    ).to_have_count(0)
    shots.take(editor, "planner-proofed", show=round_row(editor, 2))

    # The editor-in-chief signs the final proof in the planner...
    chief = sign_in(open_page(), story.EDITOR_IN_CHIEF)
    open_planner(chief, issue)
    section(chief, "Proof rounds").get_by_role(
        "button", name=t("Sign off the final proof"), exact=True
    ).click()
    expect(chief.get_by_role("status")).to_contain_text(
        t("Final proof of %(issue)s signed off: it may go to print.") % {"issue": issue.label}
    )
    expect(section(chief, "Proof rounds")).to_contain_text(CHIEF_NAME)
    expect(chief.get_by_text(t(IssueStatus.PRINTED.label), exact=True)).to_be_visible()
    shots.take(chief, "signed-off")

    # ...and publishes the issue from its editor, with the round the editor closed.
    chief.get_by_role("link", name=t("Edit the issue, its lineup and proof rounds")).click()
    chief.get_by_role("button", name=t("More actions")).click()
    chief.get_by_role("button", name=t("Publish"), exact=True).click()
    expect(chief.get_by_role("status")).to_contain_text(
        t_match("Page '%(page_title)s' has been published.", page_title=issue.title)
    )
    open_planner(chief, issue)
    expect(chief.get_by_text(t(IssueStatus.ONLINE.label), exact=True)).to_be_visible()
    expect(round_row(chief, 2)).to_contain_text(ROUND_TWO_DONE)
    shots.take(chief, "online")

    # A reader opens the issue on the site: its table of contents, with page numbers.
    reader = open_page()
    reader.goto(issue.url)
    expect(reader.get_by_role("heading", level=1)).to_contain_text(issue.dated_label)
    contents = reader.get_by_role("main")
    expect(contents.get_by_role("heading", name="Mục lục")).to_be_visible()
    printed = issue.slots.filter(article__live=True)
    assert printed, "the demo's Số 958 has a published article in its lineup"
    for slot in printed:
        entry = contents.get_by_role("listitem").filter(
            has=reader.get_by_role("link", name=slot.article.title, exact=True)
        )
        expect(entry).to_contain_text(f"tr. {slot.start_page}–{slot.end_page}")
    # A piece still being written is not named to readers, though it is in the lineup.
    for slot in unwritten:
        expect(contents.get_by_text(slot.assignment.headline)).to_have_count(0)
    shots.take(reader, "issue-contents")
    assert_accessible(reader)
