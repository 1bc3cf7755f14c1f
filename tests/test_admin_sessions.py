"""The admin session ends after 8 hours without a request, however long the person has
worked before (SESSION_COOKIE_AGE, slid by editorial.access.sessions), and a working
person's page views do not each write the session row."""

from __future__ import annotations

import datetime

import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
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


def session_writes(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert still_signed_in(client)
    return sum(q["sql"].startswith("UPDATE") and "django_session" in q["sql"] for q in queries)


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


def test_the_session_row_is_rewritten_every_few_minutes_of_work_not_every_request(desk):
    with time_machine.travel(START, tick=False) as clock:
        client = sign_in(remember=True)
        clock.shift(datetime.timedelta(minutes=10))
        assert session_writes(client) == 1  # the first request after a while slides it
        expiry = Session.objects.get().expire_date
        assert expiry == START + datetime.timedelta(minutes=10, hours=8)
        clock.shift(datetime.timedelta(minutes=1))
        assert [session_writes(client) for _ in range(3)] == [0, 0, 0]
        assert Session.objects.get().expire_date == expiry
        clock.shift(datetime.timedelta(minutes=5))
        assert session_writes(client) == 1
        assert Session.objects.get().expire_date > expiry


def test_signing_out_ends_the_session_for_good(desk):
    client = sign_in(remember=True)
    assert still_signed_in(client)
    client.post(reverse("wagtailadmin_logout"))
    assert not Session.objects.exists()
    assert not still_signed_in(client)
