"""Issue 9, journey 1: an editor finds a Committee briefing in the beat log and turns it
into an assignment for a journalist, under a topic and a 2020 plan item, with a due date."""

import pytest
from playwright.sync_api import expect

from editorial.enums import AssignmentStage, LogEntryKind
from editorial.models import Assignment
from tests.e2e import story
from tests.e2e.ui import desk_card, label, open_menu_item, search_listing, t, t_match


@pytest.mark.journey("editor-commissions")
def test_editor_turns_a_committee_briefing_into_an_assignment(page, sign_in, shots):
    sign_in(page, story.EDITOR)

    # Newsroom desk → Beat log, then the search box, typed the quick way (no tones).
    open_menu_item(page, "Newsroom desk", "Beat log")
    expect(page.get_by_role("heading", name=t("Beat log"), level=1)).to_be_visible()
    search_listing(page, story.BRIEFING_QUERY)
    row = page.get_by_role("row").filter(has_text=story.BRIEFING[:40])
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell", name=t(LogEntryKind.BRIEFING.label), exact=True)).to_be_visible()
    shots.take(page, "beat-log-search")

    # The entry's page (More options → Inspect) is where it can become an assignment.
    row.get_by_role("button", name=t_match("More options for '%(title)s'")).click()
    row.get_by_role("link", name=t("Inspect"), exact=True).click()
    expect(page.get_by_text(story.BRIEFING)).to_be_visible()
    expect(page.get_by_text(t("None yet."))).to_be_visible()
    shots.take(page, "briefing")
    page.get_by_role("link", name=t("Turn into an assignment")).click()

    # The new-assignment form prefilled from the entry; nothing exists until it is saved.
    headline = page.get_by_role("textbox", name=label(Assignment, "headline"))
    expect(headline).to_have_value(story.BRIEFING)
    expect(page.get_by_text(f"{story.TOPIC_NUMBER}. {story.TOPIC_NAME}")).to_be_visible()
    headline.fill(story.WORKING_HEADLINE)
    page.get_by_role("textbox", name=label(Assignment, "brief")).fill(story.BRIEF)
    page.get_by_role("combobox", name=label(Assignment, "plan_item")).select_option(
        label=str(story.plan_item())
    )
    page.get_by_role("combobox", name=label(Assignment, "assignee")).select_option(
        label=story.JOURNALIST_NAME  # the picker lists people by name, not login
    )
    due = page.get_by_role("textbox", name=label(Assignment, "due_date"))
    due.fill(story.day_month_year(story.due_date()))
    due.press("Tab")  # on to the next field: the date picker folds away
    shots.take(page, "assignment-form", show=due)
    page.get_by_role("button", name=t("Create"), exact=True).click()

    # Saved, on its desk card, where it is commissioned.
    expect(page.get_by_role("status")).to_contain_text(story.WORKING_HEADLINE)
    card = desk_card(page)
    expect(card.get_by_role("heading")).to_contain_text(t(AssignmentStage.PROPOSED.label))
    card.get_by_role("button", name=t("Commission"), exact=True).click()

    expect(page.get_by_role("status")).to_contain_text(story.WORKING_HEADLINE)
    card = desk_card(page)
    expect(card.get_by_role("heading")).to_contain_text(t(AssignmentStage.COMMISSIONED.label))
    expect(card.get_by_role("definition").filter(has_text=story.JOURNALIST_NAME)).to_be_visible()
    expect(
        card.get_by_role("definition").filter(has_text=story.day_month_year(story.due_date()))
    ).to_be_visible()
    facts = page.get_by_role("main")
    expect(facts.get_by_text(f"{story.TOPIC_NUMBER}. {story.TOPIC_NAME}")).to_be_visible()
    expect(facts.get_by_text(str(story.plan_item()), exact=True)).to_be_visible()
    # Not overdue: due in three weeks.
    expect(card.get_by_text(t("Overdue"), exact=True)).to_have_count(0)
    shots.take(page, "commissioned")

    # The briefing now points at the assignment it became.
    card.get_by_role("link", name=story.BRIEFING[:40]).click()
    expect(page.get_by_role("link", name=story.WORKING_HEADLINE)).to_be_visible()
    shots.take(page, "briefing-linked")

    # On the desk's list of assignments (searched without tones), with its writer and due
    # date; the headline leads back to the card.
    open_menu_item(page, "Newsroom desk", "Assignments")
    search_listing(page, "chuan bi som")
    row = page.get_by_role("row").filter(has_text=story.WORKING_HEADLINE)
    expect(
        row.get_by_role("cell", name=t(AssignmentStage.COMMISSIONED.label), exact=True)
    ).to_be_visible()
    expect(row.get_by_role("cell", name=story.JOURNALIST_NAME, exact=True)).to_be_visible()
    expect(row).to_contain_text(story.day_month_year(story.due_date()))
    shots.take(page, "assignments")
    row.get_by_role("link", name=story.WORKING_HEADLINE, exact=True).click()
    expect(desk_card(page).get_by_role("heading")).to_contain_text(
        t(AssignmentStage.COMMISSIONED.label)
    )
