"""Sign-in lockouts (django-axes, editorial.access.lockouts) and the editor-in-chief's unlock.

Five failures lock the account from every address, and the address for every account;
while locked even the right password is refused, on the Wagtail login page, with 429.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editorial.access.lockouts import lockout_message
from tests.support.desk import PASSWORD

LIMIT = settings.AXES_FAILURE_LIMIT
LOGIN = reverse("wagtailadmin_login")


def sign_in(username: str, password: str, address: str = "203.0.113.1") -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response


def fail(username: str, times: int, address: str = "203.0.113.1") -> None:
    for _ in range(times):
        _client, response = sign_in(username, "not-the-password", address)
        # Wagtail's form again with its error; the failure that reaches the limit gets the
        # lockout page already.
        assert response.status_code in (200, 429)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_account_locks_after_five_failures_from_any_addresses(desk):
    # One failure from each of five addresses: the account's count, not an address's.
    for n in range(LIMIT):
        fail("bientap", 1, address=f"198.51.100.{n + 1}")
    client, response = sign_in("bientap", PASSWORD, address="192.0.2.77")
    assert response.status_code == 429
    assert not signed_in(client)
    # Another account from that address is not locked.
    client, response = sign_in("phongvien", PASSWORD, address="192.0.2.77")
    assert response.status_code == 302 and signed_in(client)


def test_one_failure_fewer_still_signs_in(desk):
    fail("bientap", LIMIT - 1)
    client, response = sign_in("bientap", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_a_spray_over_many_accounts_locks_the_address(desk):
    accounts = ["tongbientap", "bientap", "bientap2", "phongvien", "bananh"]
    for username in accounts[:LIMIT]:
        fail(username, 1, address="203.0.113.9")
    # The right password of an account never tried, from that address: refused.
    client, response = sign_in("phongvien2", PASSWORD, address="203.0.113.9")
    assert response.status_code == 429 and not signed_in(client)
    # The same account elsewhere is fine: each account saw only one failure.
    client, response = sign_in("bientap", PASSWORD, address="192.0.2.10")
    assert response.status_code == 302 and signed_in(client)


def test_the_address_comes_from_the_proxys_header(desk, settings):
    """The header the search limits read (RATELIMIT_IP_META_KEY) keys lockouts too."""
    settings.COVERAGE_CLIENT_IP_META_KEY = "HTTP_X_REAL_IP"
    for n in range(LIMIT):
        # One proxy peer, five readers: no address reaches the limit.
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=f"198.51.100.{n + 1}")
        client.post(LOGIN, {"username": f"nobody{n}", "password": "x"})
    client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="192.0.2.1")
    response = client.post(LOGIN, {"username": "bientap", "password": PASSWORD})
    assert response.status_code == 302
    for n in range(LIMIT):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.200").post(
            LOGIN, {"username": f"other{n}", "password": "x"}
        )
    client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.200")
    response = client.post(LOGIN, {"username": "bientap", "password": PASSWORD})
    assert response.status_code == 429


def test_the_lockout_page_is_the_login_page_with_the_message(desk):
    fail("bientap", LIMIT)
    _client, response = sign_in("bientap", PASSWORD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 30 * 60
    page = response.content.decode()
    with translation.override("vi"):
        message = lockout_message()
    assert message in page
    assert "30" in message
    assert 'class="login-form"' in page and '<html lang="vi"' in page
    # Not Wagtail's "wrong username or password": the password was right.
    assert "errorlist" not in page


@pytest.fixture
def locked_account(desk):
    fail("bientap", LIMIT)
    assert sign_in("bientap", PASSWORD)[1].status_code == 429
    return "bientap"


def test_the_chief_sees_and_lifts_a_lockout(desk, locked_account, client):
    client.force_login(desk.users["tongbientap"])
    listing = client.get(reverse("sign_in_lockouts:index"))
    assert listing.status_code == 200
    assert "bientap" in listing.content.decode()
    response = client.post(
        reverse("sign_in_lockouts:unlock"), {"kind": "username", "value": "bientap"}
    )
    assert response.status_code == 302
    assert 'value="bientap"' not in client.get(reverse("sign_in_lockouts:index")).content.decode()
    other, response = sign_in("bientap", PASSWORD)
    assert response.status_code == 302 and signed_in(other)


def test_the_chief_lifts_an_address_lockout(desk, client):
    for n in range(LIMIT):
        fail(f"nobody{n}", 1, address="203.0.113.50")
    client.force_login(desk.users["tongbientap"])
    assert "203.0.113.50" in client.get(reverse("sign_in_lockouts:index")).content.decode()
    client.post(reverse("sign_in_lockouts:unlock"), {"kind": "ip_address", "value": "203.0.113.50"})
    assert sign_in("bientap", PASSWORD, address="203.0.113.50")[1].status_code == 302


@pytest.mark.parametrize("username", ["bientap2", "phongvien", "bananh"])
def test_nobody_else_may_unlock_or_list(desk, locked_account, client, username):
    client.force_login(desk.users[username])
    # Wagtail's admin answers a refusal by sending the user to the dashboard.
    refused = reverse("wagtailadmin_home")
    listing = client.get(reverse("sign_in_lockouts:index"))
    assert listing.status_code == 302 and listing.url == refused
    response = client.post(
        reverse("sign_in_lockouts:unlock"), {"kind": "username", "value": "bientap"}
    )
    assert response.status_code == 302 and response.url == refused
    assert sign_in("bientap", PASSWORD)[1].status_code == 429


def test_only_the_chief_has_the_menu_item(desk, client):
    url = reverse("sign_in_lockouts:index")
    client.force_login(desk.users["bientap"])
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(desk.users["tongbientap"])
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
