"""Every demo login reaches a Vietnamese dashboard; journalists get no Settings or Users."""

import re

import pytest
from playwright.sync_api import expect

from editorial.demo.users import DEMO_USERS
from editorial.enums import Role
from tests.e2e.ui import t


@pytest.mark.journey("admin-dashboard")
@pytest.mark.parametrize("user", DEMO_USERS, ids=lambda user: user.username)
def test_demo_user_lands_on_vietnamese_dashboard(page, sign_in, shots, user):
    sign_in(page, user.username)

    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page).to_have_title(re.compile("Trang tổng quan"))
    sidebar = page.get_by_role("complementary")
    expect(sidebar.get_by_role("button", name="Tìm kiếm")).to_be_visible()
    # The account menu greets the person by the Vietnamese given name.
    expect(sidebar.get_by_role("button", name=user.first_name)).to_be_visible()
    shots.take(page, "dashboard")

    if user.role == Role.JOURNALIST:
        expect(sidebar.get_by_text(t("Settings"), exact=True)).to_have_count(0)
        expect(page.get_by_role("link", name=t("Users"), exact=True)).to_have_count(0)
        # Typing the address does not help either: the server refuses, not just the menu.
        page.goto("/admin/users/")
        expect(page).to_have_url(re.compile(r"/admin/$"))
        expect(
            page.get_by_text(t("Sorry, you do not have permission to access this area."))
        ).to_be_visible()
        shots.take(page, "users-refused")
