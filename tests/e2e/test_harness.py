"""The harness's own checks must be able to fail, or a green journey proves nothing."""

import pytest

from tests.e2e.harness import accessibility_violations, assert_accessible

BROKEN = """<!DOCTYPE html><html><head><title>x</title></head><body>
<main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<button></button></main></body></html>"""

FINE = """<!DOCTYPE html><html lang="vi"><head><title>Trang thử</title></head><body>
<main><h1>Tiêu đề</h1><img alt="Lễ ký kết" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<button>Gửi</button></main></body></html>"""


@pytest.fixture
def blank_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_axe_flags_serious_and_critical_problems(blank_page):
    blank_page.set_content(BROKEN)
    found = {violation["id"] for violation in accessibility_violations(blank_page)}
    # An unlabelled image and button are critical; a page without a language is serious.
    assert {"image-alt", "button-name", "html-has-lang"} <= found
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(blank_page)


def test_axe_passes_a_clean_page(blank_page):
    blank_page.set_content(FINE)
    assert_accessible(blank_page)
