"""Fixtures shared by the whole suite."""

import os

import pytest
from django.conf import settings
from django.core.management import call_command

# TEST_CLOCK=2031-06-30T23:30+07:00 runs the whole suite as if it were that moment (the
# clock still ticks), so a test that passes only in some weeks of the year fails now,
# not on a later submission. `.ci/run` sweeps a few such moments; see the README.
_CLOCK = os.environ.get("TEST_CLOCK", "").strip()


def pytest_configure(config):
    if _CLOCK:
        import time_machine

        time_machine.travel(_CLOCK, tick=True).start()


def pytest_report_header(config):
    return f"clock: {_CLOCK or 'real'}"


@pytest.fixture
def demo(db):
    """The demo newsroom as `make run` loads it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def demo_password() -> str:
    return settings.DEMO_PASSWORD


@pytest.fixture
def login(client, demo_password):
    """Log the test client in as a demo user: ``login("bientap")``."""

    def _login(username: str):
        assert client.login(username=username, password=demo_password), username
        return client

    return _login


# Newsroom desk fixtures (``desk``, ``as_user``), shared by tests/test_desk_*.py.
from tests.desk_support import as_user, desk  # noqa: E402, F401
