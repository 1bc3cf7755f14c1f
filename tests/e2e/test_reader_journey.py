"""Issue 9, journey 5: a reader, on a phone and on a desktop screen, goes from the home
page through the topic hub to the newly published article, reads its byline, date and
photo credit, finds it again by searching without accents, and opens the feed.

axe-core checks every page the reader sees.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e import story
from tests.e2e.harness import DESKTOP, PHONE, assert_accessible


def printed_date(moment) -> str:
    """How an article prints its date: "ngày 5-3-2020" (Hà Nội time, no leading zeros)."""
    day = timezone.localtime(moment)
    return f"ngày {day.day}-{day.month}-{day.year}"


@pytest.mark.journey("reader-finds-the-article")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_follows_the_topic_to_the_new_article(open_page, shots, published, viewport):
    page = open_page(viewport)

    page.goto("/")
    assert_accessible(page)
    shots.take(page, "home")
    # The topic's section on the home page leads to its hub.
    topic = page.get_by_role("main").get_by_role("region", name=story.TOPIC_NAME)
    expect(topic.get_by_role("link", name=story.HEADLINE)).to_be_visible()
    topic.get_by_role("heading").get_by_role("link", name=story.TOPIC_NAME).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(story.TOPIC_NAME)
    assert_accessible(page)
    shots.take(page, "hub")
    # Newest first: the new article heads the hub's list.
    articles = page.get_by_role("main").get_by_role("article")
    expect(articles.first.get_by_role("heading")).to_have_text(story.HEADLINE)
    articles.first.get_by_role("link", name=story.HEADLINE).click()

    article = page.get_by_role("main").get_by_role("article").first
    expect(article.get_by_role("heading", level=1)).to_have_text(story.HEADLINE)
    expect(article.get_by_role("link", name=story.JOURNALIST_NAME)).to_be_visible()
    expect(article.locator("time").first).to_have_text(
        printed_date(published.article.first_published_at)
    )
    expect(article.get_by_text(story.SAPO)).to_be_visible()
    hero = article.get_by_role("figure").first
    expect(hero.get_by_role("img")).to_be_visible()
    expect(hero).to_contain_text(story.PHOTO_CREDIT)
    expect(article.get_by_text(story.PARAGRAPH)).to_be_visible()
    assert_accessible(page)
    shots.take(page, "article")
    article_url = page.url

    # The search box in the site header, typed without tones or đ.
    header = page.get_by_role("banner")
    header.get_by_role("searchbox").fill(story.READER_QUERY)
    header.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=xay\+dung\+dang"))
    # Found for every word, "dang" included: not the any-word fallback the page admits to.
    found = page.get_by_role("main").get_by_role("status")
    expect(found).to_contain_text(f"«{story.READER_QUERY}»")
    expect(found).not_to_contain_text("có một trong các từ")
    result = page.get_by_role("main").get_by_role("link", name=story.HEADLINE)
    expect(result).to_be_visible()
    expect(result.locator("mark").filter(has_text=re.compile("^Đảng$"))).to_be_visible()
    assert_accessible(page)
    shots.take(page, "search")
    result.click()
    expect(page).to_have_url(article_url)

    # The site's feed, linked from every page's footer, carries the article first.
    page.get_by_role("contentinfo").get_by_role("link", name="RSS").click()
    expect(page).to_have_url(re.compile(r"/rss/$"))
    feed = page.locator("body")
    expect(feed).to_contain_text(f"<title>{story.HEADLINE}</title>")
    expect(feed).to_contain_text(f"<link>{article_url}</link>")
    shots.take(page, "feed")
