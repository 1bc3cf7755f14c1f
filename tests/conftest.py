"""Fixtures shared by the whole suite."""

import pytest
from django.conf import settings
from django.core.management import call_command


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
