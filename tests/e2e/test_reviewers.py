"""Issue 9, journey 3: the submitted article goes through its topic's pipeline in the
browser. The named editor approves it (no other editor is asked), the editorial board
reads a refutation too, and the editor-in-chief's approval publishes it.

Two routes: the standard pipeline (topic 3: editor, then editor-in-chief) and the
sensitive one (topic 2, "refuting wrong views": editor, board, editor-in-chief).
"""

from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from coverage.demo.workflows import EDITOR_REVIEW, POLITICAL_REVIEW, SIGN_OFF
from editorial.enums import AssignmentStage
from tests.e2e import story
from tests.e2e.ui import approve, awaiting_review, desk_card, open_menu_item, search_listing, t


@dataclass(frozen=True)
class Review:
    username: str
    name: str  # as the pipeline history prints it, family name first
    step: str
    comment: str
    action: str = "Approve with comment"
    field: str = "Comment"  # a board vote: "Approve", with a required "Rationale"


EDITOR = Review(story.EDITOR, "Trần Thị Lan", EDITOR_REVIEW, "Đạt yêu cầu, chuyển bước sau.")
# The board decides by a majority of its three members. The deputy editor-in-chief votes
# first: the step stays open but leaves his list (he also signs off, so voting last would
# bring the article straight back to it); an editor on the board casts the second vote.
DEPUTY = Review(
    "photongbientap",
    "Nguyễn Ngọc Hà",
    POLITICAL_REVIEW,
    "Số liệu có nguồn.",
    "Approve",
    "Rationale",
)
BOARD = Review(
    "bientap2",
    "Lê Minh Quân",
    POLITICAL_REVIEW,
    "Lập luận chặt chẽ, đồng ý đăng.",
    "Approve",
    "Rationale",
)
CHIEF = Review(story.EDITOR_IN_CHIEF, "Đoàn Minh Huấn", SIGN_OFF, "Đăng.")
# Another editor: not the named reviewer of the first step.
OTHER_EDITOR = "bientap2"


@pytest.mark.journey("reviewers-publish")
@pytest.mark.parametrize(
    ("submitted", "reviews"),
    [(story.STORY, (EDITOR, CHIEF)), (story.REFUTATION, (EDITOR, DEPUTY, BOARD, CHIEF))],
    ids=["standard", "sensitive"],
    indirect=["submitted"],
)
def test_named_editor_approves_and_the_editor_in_chief_publishes(
    open_page, sign_in, shots, submitted, reviews
):
    headline = submitted.commission.headline

    # The first step is named: another editor is not asked to review it.
    page = sign_in(open_page(), OTHER_EDITOR)
    expect(page.get_by_role("region", name=t("My desk"), exact=True)).to_be_visible()
    expect(awaiting_review(page).get_by_role("row").filter(has_text=headline)).to_have_count(0)
    waiting = awaiting_review(page)
    shots.take(page, f"{OTHER_EDITOR}-not-asked", show=waiting if waiting.count() else None)
    page.context.close()

    for number, review in enumerate(reviews, start=1):
        final = number == len(reviews)
        page = sign_in(open_page(), review.username)
        row = awaiting_review(page).get_by_role("row").filter(has_text=headline)
        expect(row).to_have_count(1)
        shots.take(page, f"{review.username}-awaiting", show=row)
        action = t("Approve and publish") if final else t(review.action)
        approve(page, headline, action, review.comment, review.field)
        # Done with it: it leaves this reviewer's list (an editor cannot act on the
        # board's step or the sign-off, so cannot skip them).
        expect(row).to_have_count(0)
        shots.take(page, f"{review.username}-approved", show=page.get_by_role("main"))
        if not final:
            page.context.close()

    # The editor-in-chief reads the outcome on the assignment's desk card: published,
    # every step with who approved it and what they said.
    open_menu_item(page, "Newsroom desk", "Assignments")
    working_headline = submitted.commission.working_headline
    search_listing(page, working_headline)
    page.get_by_role("link", name=working_headline, exact=True).click()
    card = desk_card(page)
    expect(card.get_by_role("heading")).to_contain_text(t(AssignmentStage.PUBLISHED.label))
    pipeline = page.get_by_role("region", name=t("Pipeline"), exact=True)
    steps = pipeline.get_by_role("row").filter(has=page.get_by_role("rowheader"))
    # One row per step: the board's shows the vote that passed it.
    last_per_step = list({review.step: review for review in reviews}.values())
    expect(steps).to_have_count(len(last_per_step))
    for step, review in zip(steps.all(), last_per_step, strict=True):
        expect(step.get_by_role("rowheader")).to_contain_text(review.step)
        expect(step).to_contain_text(t("Approved"))
        expect(step).to_contain_text(review.name)
        expect(step).to_contain_text(review.comment)
    shots.take(page, "desk-card-published")

    # Readers see it: the home page's section for its topic leads with it.
    reader = open_page()
    reader.goto("/")
    expect(reader.get_by_role("main").get_by_role("link", name=headline)).to_be_visible()


@pytest.mark.journey("sign-off-with-a-time")
def test_the_editor_in_chief_approves_and_schedules_in_one_dialog(
    open_page, sign_in, shots, awaiting_sign_off
):
    """Sign-off with a time (issue 22): one action, the time picked in its own dialog;
    the article waits for that time instead of going back through the pipeline."""
    from datetime import timedelta

    from django.utils import timezone

    from coverage.models import ArticlePage

    headline = awaiting_sign_off.commission.headline
    when = (timezone.localtime() + timedelta(days=2)).replace(
        hour=6, minute=30, second=0, microsecond=0
    )
    page = sign_in(open_page(), CHIEF.username)
    action = t("Approve and schedule publication")
    row = awaiting_review(page).get_by_role("row").filter(has_text=headline)
    row.get_by_role("button", name=t("Actions"), exact=True).click()
    row.get_by_role("button", name=action, exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(t("Publish at")).fill(when.strftime("%Y-%m-%dT%H:%M"))
    dialog.get_by_role("textbox", name=t("Comment")).fill("Đăng sáng thứ Hai.")
    shots.take(page, "chief-schedules", show=dialog)
    dialog.get_by_role("button", name=action, exact=True).click()
    expect(dialog).to_be_hidden()
    expect(row).to_have_count(0)  # signed off: it leaves the list, no step restarted

    article = ArticlePage.objects.get(pk=awaiting_sign_off.article.pk)
    assert not article.live
    assert article.current_workflow_state is None
    assert article.get_latest_revision().approved_go_live_at == when

    open_menu_item(page, "Newsroom desk", "Assignments")
    working_headline = awaiting_sign_off.commission.working_headline
    search_listing(page, working_headline)
    page.get_by_role("link", name=working_headline, exact=True).click()
    expect(desk_card(page).get_by_role("heading")).to_contain_text(
        t(AssignmentStage.SCHEDULED.label)
    )
    shots.take(page, "desk-card-scheduled")
