"""Issue 9, journey 6: an editor reads the programme progress report for 2020; once the
editor-in-chief signs off the story's article, the plan item's delivered count is one
higher, and the number leads to the article."""

import pytest
from playwright.sync_api import expect

from tests.e2e import story
from tests.e2e.ui import approve, open_menu_item, t, t_match

REPORTS_MENU = ("Reports", "programme delivery reports menu")


def plan_items_table(page):
    return page.get_by_role(
        "table", name=t_match("Plan items of %(year)s", year=str(story.PLAN_YEAR))
    )


def plan_item_row(page):
    item = page.get_by_role("rowheader", name=story.PLAN_ITEM_TITLE, exact=True)
    return plan_items_table(page).get_by_role("row").filter(has=item)


def column_cell(page, heading: str):
    """The plan item's cell under ``heading`` (a column header's first line; the row
    starts with its rowheader, the plan item's title)."""
    headers = plan_items_table(page).get_by_role("columnheader").all_inner_texts()
    index = [text.strip().splitlines()[0].strip() for text in headers].index(heading)
    return plan_item_row(page).get_by_role("cell").nth(index - 1)


def delivered(page) -> int:
    return int(column_cell(page, t("Delivered")).inner_text().replace(".", ""))


@pytest.mark.journey("editor-reads-progress")
def test_publishing_the_article_adds_one_to_its_plan_item(
    open_page, sign_in, shots, awaiting_sign_off
):
    editor = sign_in(open_page(), story.EDITOR)
    open_menu_item(editor, REPORTS_MENU[0], "Programme progress", context=REPORTS_MENU[1])
    expect(editor.get_by_role("heading", name=t("Programme progress"), level=1)).to_be_visible()

    # The 2020 plan: Filters → Year → 2020; the results follow.
    editor.get_by_role("button", name=t("Show filters")).click()
    editor.get_by_role("tooltip").get_by_role("button", name=t("Year")).click()
    editor.get_by_role("combobox", name=t("Year")).select_option(str(story.PLAN_YEAR))
    expect(plan_item_row(editor)).to_have_count(1)
    before = delivered(editor)
    shots.take(editor, "progress-2020-before", show=plan_item_row(editor))

    # The editor-in-chief signs the article off, which publishes it.
    chief = sign_in(open_page(), story.EDITOR_IN_CHIEF)
    approve(chief, story.HEADLINE, t("Approve and publish"), "Đăng.")
    chief.context.close()

    # The same report, reloaded: one more delivered, counted from the database.
    editor.reload()
    expect(plan_item_row(editor)).to_have_count(1)
    expect(column_cell(editor, t("Delivered"))).to_have_text(str(before + 1))
    shots.take(editor, "progress-2020-after", show=plan_item_row(editor))

    # The number of live articles leads to the list it counts, the new article in it.
    column_cell(editor, t("Articles")).get_by_role("link").click()
    expect(editor.get_by_role("link", name=story.HEADLINE)).to_be_visible()
    shots.take(editor, "articles-behind-the-number")
