"""Issue 9, journey 2: the journalist finds the assignment on "My desk", accepts it,
starts the draft, writes headline, sapo and a paragraph, adds a credited photo and
submits the article for moderation."""

import pytest
from playwright.sync_api import expect

from coverage.demo.workflows import EDITOR_REVIEW
from coverage.models import ArticlePage
from editorial.enums import AssignmentStage
from tests.e2e import story
from tests.e2e.ui import desk_card, label, my_desk, t, t_match


@pytest.mark.journey("journalist-files")
def test_journalist_accepts_writes_and_submits(page, sign_in, shots, commissioned):
    sign_in(page, story.JOURNALIST)

    # My desk lists the new assignment, due in three weeks, not yet accepted.
    row = my_desk(page).get_by_role("row").filter(has_text=story.WORKING_HEADLINE)
    expect(row).to_contain_text(t(AssignmentStage.COMMISSIONED.label))
    expect(row).to_contain_text(story.day_month_year(story.due_date()))
    shots.take(page, "my-desk")

    row.get_by_role("link", name=story.WORKING_HEADLINE).click()
    expect(page.get_by_text(story.BRIEF)).to_be_visible()
    desk_card(page).get_by_role("button", name=t("Accept"), exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(story.WORKING_HEADLINE)
    expect(desk_card(page).get_by_role("heading")).to_contain_text(
        t(AssignmentStage.ACCEPTED.label)
    )
    shots.take(page, "accepted")

    # "Start draft" files an article under the topic's hub and opens it in the editor,
    # titled with the working headline and bylined to the journalist.
    desk_card(page).get_by_role("button", name=t("Start draft"), exact=True).click()
    headline = page.get_by_role("textbox", name=t("Headline"))
    expect(headline).to_have_value(story.WORKING_HEADLINE)
    byline = page.get_by_role("region", name=t("Bylines"), exact=True)
    expect(byline).to_contain_text(story.JOURNALIST_NAME)
    expect(page.get_by_role("combobox", name=label(ArticlePage, "plan_item"))).to_have_value(
        str(story.plan_item().pk)
    )

    headline.fill(story.HEADLINE)
    page.get_by_role("textbox", name=label(ArticlePage, "sapo")).fill(story.SAPO)

    body = page.get_by_role("region", name=label(ArticlePage, "body"), exact=True)
    body.get_by_role("button", name=t("Insert a block")).first.click()
    page.get_by_role("option", name=t("Paragraph"), exact=True).click()
    paragraph = body.get_by_role("region", name=t_match("Paragraph")).get_by_role("textbox")
    paragraph.fill(story.PARAGRAPH)

    # The main photo: a credited one from the library, found in the chooser by searching.
    photo = page.get_by_role("region", name=label(ArticlePage, "hero_image"), exact=True)
    photo.get_by_role("button", name=t("Choose an image")).click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("textbox").first.fill(story.PHOTO_QUERY)
    chooser.get_by_role("link", name=story.PHOTO_TITLE).click()
    expect(chooser).to_be_hidden()
    expect(photo).to_contain_text(story.PHOTO_TITLE)
    shots.take(page, "draft-written", show=photo)

    # Submit: the footer's more-actions menu names the topic's pipeline.
    page.get_by_role("button", name=t("More actions")).click()
    page.get_by_role("button", name=t_match("Submit to %(workflow_name)s")).click()
    expect(page.get_by_role("status")).to_contain_text(
        t_match(
            "Page '%(page_title)s' has been submitted for moderation.", page_title=story.HEADLINE
        )
    )
    shots.take(page, "submitted")

    # Back on the dashboard, the assignment reads "in review": the stage follows the article.
    page.get_by_role("link", name=t("Dashboard"), exact=True).click()
    row = my_desk(page).get_by_role("row").filter(has_text=story.WORKING_HEADLINE)
    expect(row).to_contain_text(t(AssignmentStage.IN_REVIEW.label))
    expect(row).to_contain_text(EDITOR_REVIEW)  # the topic's pipeline, at its first step
    row.get_by_role("link", name=story.WORKING_HEADLINE).click()
    card = desk_card(page)
    expect(card.get_by_role("heading")).to_contain_text(t(AssignmentStage.IN_REVIEW.label))
    expect(card.get_by_role("link", name=story.HEADLINE)).to_be_visible()
    shots.take(page, "in-review")
