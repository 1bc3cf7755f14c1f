"""Reader smoke: the public site on a phone (360×740) and a desktop screen, its header,
axe-core's verdict, and the Vietnamese 404."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DESKTOP, PHONE, assert_accessible

BRAND = "Tạp chí Cộng sản"


def expect_site_chrome(page) -> None:
    """Every public page: the header with the masthead link home, and a main region."""
    expect(page.get_by_role("banner").get_by_role("link", name=re.compile(BRAND))).to_be_visible()
    expect(page.get_by_role("main")).to_be_visible()


def expect_fits_width(page, viewport: dict[str, int]) -> None:
    """Nothing pushes the page wider than the screen (no sideways scrolling on a phone)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"page is {width}px wide on a {viewport['width']}px screen"


@pytest.mark.journey("reader-smoke")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_opens_home_and_meets_a_vietnamese_404(open_page, shots, viewport):
    page = open_page(viewport)

    response = page.goto("/")
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page).to_have_title(re.compile(BRAND))
    expect_site_chrome(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect_fits_width(page, viewport)
    # A keyboard reader's first Tab offers to skip straight to the content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Bỏ qua, đến nội dung chính")).to_be_focused()
    shots.take(page, "home")
    assert_accessible(page)

    response = page.goto("/khong-co-trang-nay/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
    expect_site_chrome(page)
    expect_fits_width(page, viewport)
    shots.take(page, "not-found")
    assert_accessible(page)

    # The 404 offers the way back home.
    page.get_by_role("main").get_by_role("link", name="trang chủ").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect_site_chrome(page)
