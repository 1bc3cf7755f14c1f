"""Fixtures and hooks shared by the whole suite.

The database: migrated once per run and copied to each worker; two committed states,
``empty`` and ``demo``, each built once per worker and restored from a snapshot; every
test inside a transaction rolled back after it (``tests/support/databases.py``).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.http import HttpRequest

from tests.support import databases

# TEST_CLOCK=2031-06-30T23:30+07:00 runs the whole suite as if it were that moment (the
# clock still ticks), so a test that passes only in some weeks of the year fails now,
# not on a later submission. Several moments, space-separated, spread over the xdist
# workers: each worker lives at one of them for its whole run (its demo state is built
# there too, so the demo's "next week" is next week for the tests that read it), and the
# random-order seed rotates which worker gets which. `.ci/run` starts one worker per
# moment, so every moment meets about a third of the suite in every run, and a failing
# test's report names the moment to rerun it at. See the README.
_CLOCKS = os.environ.get("TEST_CLOCK", "").split()
_STATES = pytest.StashKey[databases.DatabaseStates]()
E2E_DIR = Path(__file__).resolve().parent / "e2e"


def _clock_for(config) -> str:
    """The moment this process lives at: '' for the real clock."""
    if not _CLOCKS:
        return ""
    worker = getattr(config, "workerinput", None)
    if worker is None:
        return _CLOCKS[0]
    index = int(worker["workerid"].removeprefix("gw"))
    seed = worker.get("randomly_seed") or 0
    return _CLOCKS[(index + int(seed)) % len(_CLOCKS)]


_clock = ""


def pytest_configure(config):
    global _clock
    _clock = _clock_for(config)
    if _clock:
        import time_machine

        time_machine.travel(_clock, tick=True).start()


def pytest_report_header(config):
    if not _CLOCKS:
        return "clock: real"
    return f"clocks: {' '.join(_CLOCKS)} (one per worker)"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and _clock:
        report.sections.append(("clock", f"rerun with TEST_CLOCK={_clock}"))
    return report


def _needs_demo(item: pytest.Item) -> bool:
    return "demo" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Tests on the empty state first, then the demo's, then the browser journeys.

    Only an optimisation, never needed for correctness (each test gets the state it asks
    for, whatever ran before): grouped, each worker switches state once. The sort is
    stable, so pytest-randomly's shuffle still holds within each group, and xdist deals
    tests out in this order, so every worker sees the groups in turn.
    """
    items.sort(key=lambda item: (E2E_DIR in Path(item.path).parents, _needs_demo(item)))


def _build_demo() -> None:
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """The test database, migrated once per run (replaces pytest-django's fixture)."""
    worker = getattr(request.config, "workerinput", None)
    shared = None
    if worker is not None:
        # The parent of each worker's base temp folder is the same for the whole run.
        shared = request.getfixturevalue("tmp_path_factory").getbasetemp().parent
    with django_db_blocker.unblock():
        teardown = databases.create_test_database(shared)
        from django.db import connection

        states = databases.DatabaseStates(connection, {databases.DEMO: _build_demo})
    request.config.stash[_STATES] = states
    yield
    with django_db_blocker.unblock():
        states.discard()
        teardown()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Put the database in the state the test asks for, before its transaction opens.

    pytest-django opens each test's transaction (or, for a transactional test, its
    flush-afterwards test case) in ``_django_db_helper``; its dependency
    ``django_db_setup`` has run by then. Hooked here because an autouse fixture would
    run after pytest-django's own autouse marker fixture has opened the transaction.
    """
    if fixturedef.argname == "_django_db_helper":
        states = request.config.stash[_STATES]
        marker = request.node.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
            {"transactional_db", "live_server"} & set(request.fixturenames)
        )
        state = databases.DEMO if "demo" in request.fixturenames else databases.EMPTY
        with request.getfixturevalue("django_db_blocker").unblock():
            states.prepare(state, transactional=transactional)
    return (yield)


def pytest_sessionfinish(session, exitstatus):
    # The controlling process of an xdist run drops the template its workers copied.
    config = session.config
    if getattr(config, "workerinput", None) is None and config.pluginmanager.has_plugin("dsession"):
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        with config.stash[blocking_manager_key].unblock():
            databases.drop_postgres_template()
            connection.close()


@pytest.fixture
def demo(db):
    """The demo newsroom as `make run` loads it (built once per worker, rolled back after
    each test: see the module docstring)."""


@pytest.fixture
def demo_password() -> str:
    return settings.DEMO_PASSWORD


@pytest.fixture
def login(client, demo_password):
    """Log the test client in as a demo user: ``login("bientap")``."""

    def _login(username: str):
        # The sign-in lockout backend (django-axes) refuses an authenticate() without a
        # request: every client.login in the suite passes one.
        assert client.login(request=HttpRequest(), username=username, password=demo_password), (
            username
        )
        return client

    return _login


# Newsroom desk fixtures (``desk``, ``as_user``), shared by tests/test_desk_*.py.
from tests.support.desk import as_user, desk  # noqa: E402, F401

# Tasks as the database worker runs them, and a mail server that can be down
# (``database_tasks``, ``mail_outage``), shared by the task and mail tests.
from tests.support.task_worker import database_tasks, mail_outage  # noqa: E402, F401
