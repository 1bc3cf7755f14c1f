"""Admin smoke per role: every demo login reaches a Vietnamese dashboard, and journalists
get neither the Settings menu nor the user admin.

One test per role (each signs in all of that role's demo users, each in its own browser
context): the data setup is the slow part, so it is paid once per role, not per user.
"""

import re

import pytest
from playwright.sync_api import expect

from editorial.demo.users import DEMO_USERS
from editorial.enums import Role
from tests.e2e.ui import t


def expect_vietnamese_dashboard(page, first_name: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page).to_have_title(re.compile("Trang tổng quan"))
    sidebar = page.get_by_role("complementary")
    expect(sidebar.get_by_role("search").get_by_role("textbox", name="Tìm kiếm")).to_be_visible()
    # The account menu greets the person by the Vietnamese given name.
    expect(sidebar.get_by_role("button", name=first_name, exact=True)).to_be_visible()


def expect_no_user_admin(page, shots, username: str) -> None:
    sidebar = page.get_by_role("complementary")
    expect(sidebar.get_by_text(t("Settings"), exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name=t("Users"), exact=True)).to_have_count(0)
    # Typing the address does not help either: the server refuses, not just the menu.
    page.goto("/admin/users/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(
        page.get_by_text(t("Sorry, you do not have permission to access this area."))
    ).to_be_visible()
    shots.take(page, f"{username}-users-refused")


# Jobs people log in as. The editorial board is a duty some editors hold on top of their
# job (its members sign in as editors or the editor-in-chief, covered there).
JOBS = [role for role in Role if role != Role.EDITORIAL_BOARD]


@pytest.mark.journey("admin-dashboard")
@pytest.mark.parametrize("role", JOBS, ids=lambda role: role.name.lower())
def test_each_demo_user_lands_on_a_vietnamese_dashboard(open_page, sign_in, shots, role):
    users = [user for user in DEMO_USERS if user.role == role]
    assert users, f"no demo user has the role {role.label}"
    for user in users:
        page = open_page()
        sign_in(page, user.username)
        expect_vietnamese_dashboard(page, user.first_name)
        shots.take(page, f"{user.username}-dashboard")
        if role == Role.JOURNALIST:
            expect_no_user_admin(page, shots, user.username)
        page.context.close()
