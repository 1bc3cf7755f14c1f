"""Rate limits count readers by the proxy's address header, and a request without it (or
with nonsense in it) is counted by its peer address instead of failing."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory

from coverage.search.client_address import UNKNOWN, reader_address
from tests.factories import site_tree

HEADER = "HTTP_X_REAL_IP"


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.COVERAGE_CLIENT_IP_META_KEY = HEADER
    cache.clear()


def address(**meta) -> str:
    request = RequestFactory().get("/tim-kiem/")
    request.META.pop("REMOTE_ADDR", None)
    request.META.update(meta)
    return reader_address(request)


def test_the_ratelimit_reads_the_address_through_reader_address(settings):
    assert settings.RATELIMIT_IP_META_KEY == "coverage.search.client_address.reader_address"


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({HEADER: "203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}, "203.0.113.7"),
        ({"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),  # no header: past the proxy
        ({HEADER: "", "REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        ({HEADER: "not an address", "REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        ({HEADER: "1.2.3.4, 203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}, "203.0.113.7"),
        ({HEADER: "2001:db8::1", "REMOTE_ADDR": "10.0.0.1"}, "2001:db8::1"),
        ({"REMOTE_ADDR": ""}, UNKNOWN),  # a unix socket peer
        ({}, UNKNOWN),
    ],
)
def test_reader_address(meta, expected):
    assert address(**meta) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/tim-kiem/", "/tim-kiem/goi-y/"])
def test_search_without_the_header_is_served(client, url):
    site_tree()
    assert client.get(url, {"q": "evn"}).status_code == 200
    assert client.get(url, {"q": "evn"}, HTTP_X_REAL_IP="garbage").status_code == 200


@pytest.mark.django_db
def test_limits_are_per_reader_behind_the_proxy(client):
    site_tree()
    # The limit counts per clock minute: a stopped clock keeps all 31 requests in one
    # window, however slowly a loaded machine sends them.
    with time_machine.travel(dt.datetime(2026, 3, 5, 9, 0, 10, tzinfo=dt.UTC), tick=False):
        readers_share_a_window(client)


def readers_share_a_window(client):
    for _ in range(30):
        assert (
            client.get("/tim-kiem/", {"q": "evn"}, HTTP_X_REAL_IP="203.0.113.7").status_code == 200
        )
    assert client.get("/tim-kiem/", {"q": "evn"}, HTTP_X_REAL_IP="203.0.113.7").status_code == 429
    assert client.get("/tim-kiem/", {"q": "evn"}, HTTP_X_REAL_IP="203.0.113.8").status_code == 200
