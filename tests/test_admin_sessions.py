"""The admin session ends after 8 hours without a request (SESSION_COOKIE_AGE with
SESSION_SAVE_EVERY_REQUEST), however long the person has worked before."""

from __future__ import annotations

import datetime

import time_machine
from django.test import Client
from django.urls import reverse

from tests.support.desk import PASSWORD

HOME = reverse("wagtailadmin_home")
START = datetime.datetime(2026, 3, 5, 8, 0, tzinfo=datetime.UTC)


def sign_in(remember: bool) -> Client:
    client = Client()
    data = {"username": "bientap", "password": PASSWORD} | ({"remember": "on"} if remember else {})
    response = client.post(reverse("wagtailadmin_login"), data)
    assert response.status_code == 302
    return client


def still_signed_in(client: Client) -> bool:
    return client.get(HOME).status_code == 200


def test_working_keeps_the_session_and_eight_idle_hours_end_it(desk):
    for remember in (True, False):
        with time_machine.travel(START, tick=False) as clock:
            client = sign_in(remember)
            # A working day and more: a request every 7 hours keeps it alive.
            for _ in range(3):
                clock.shift(datetime.timedelta(hours=7))
                assert still_signed_in(client), remember
            clock.shift(datetime.timedelta(hours=8, minutes=1))
            assert not still_signed_in(client), remember
