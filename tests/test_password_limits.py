"""Throttled password reset (editorial.access.password_reset) and private-page passwords
(editorial.access.page_passwords): over the limit, no mail and no guess."""

from __future__ import annotations

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_ratelimit.core import _split_rate
from wagtail.models import Page, PageViewRestriction

RESET = reverse("wagtailadmin_password_reset")
RESET_DONE = reverse("wagtailadmin_password_reset_done")


@pytest.fixture(autouse=True)
def counts_start_at_zero():
    cache.clear()
    # A stopped clock keeps every request in one rate-limit hour.
    with time_machine.travel("2026-03-05 14:10 +07:00", tick=False):
        yield
    cache.clear()


def limit(rate: str) -> int:
    return _split_rate(rate)[0]


def ask_reset(email: str, address: str = "203.0.113.1"):
    response = Client(REMOTE_ADDR=address).post(RESET, {"email": email})
    # The same answer every time: no way to tell a limited request from a sent one.
    assert response.status_code == 302 and response.url == RESET_DONE
    return response


def test_resets_for_one_email_stop_after_the_limit(desk):
    email = desk.editor.email
    for n in range(limit(settings.PASSWORD_RESET_RATE_PER_EMAIL)):
        ask_reset(email.upper() if n % 2 else email, address=f"198.51.100.{n + 1}")
    sent = len(mail.outbox)
    assert sent == limit(settings.PASSWORD_RESET_RATE_PER_EMAIL)
    ask_reset(email, address="192.0.2.99")
    assert len(mail.outbox) == sent
    # Another account is not held back by this one's count.
    ask_reset(desk.chief.email, address="192.0.2.99")
    assert len(mail.outbox) == sent + 1


def test_resets_from_one_address_stop_after_the_limit(desk):
    for n in range(limit(settings.PASSWORD_RESET_RATE_PER_ADDRESS)):
        ask_reset(f"nobody{n}@example.vn", address="203.0.113.7")
    assert mail.outbox == []
    ask_reset(desk.editor.email, address="203.0.113.7")
    assert mail.outbox == []
    ask_reset(desk.editor.email, address="192.0.2.8")
    assert len(mail.outbox) == 1


@pytest.fixture
def private_page(db):
    page = Page.get_first_root_node().add_child(instance=Page(title="Nội bộ", slug="noi-bo"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-dung"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return url


def guess(url: str, password: str, address: str = "203.0.113.1"):
    client = Client(REMOTE_ADDR=address)
    return client.post(url, {"password": password, "return_url": "/"})


def test_page_password_guesses_stop_at_the_limit(private_page):
    for _ in range(limit(settings.PAGE_PASSWORD_RATE)):
        assert guess(private_page, "sai").status_code == 200  # the form again
    response = guess(private_page, "mat-khau-dung")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 3600
    with translation.override("vi"):
        assert gettext("Too many password attempts") in response.content.decode()
    # Another address still has its guesses, and the right one opens the page.
    assert guess(private_page, "mat-khau-dung", address="192.0.2.5").status_code == 302


def test_reading_the_password_form_is_no_guess(private_page):
    client = Client(REMOTE_ADDR="203.0.113.1")
    for _ in range(limit(settings.PAGE_PASSWORD_RATE) + 1):
        client.get(private_page)
    assert guess(private_page, "mat-khau-dung").status_code == 302
