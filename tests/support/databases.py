"""The suite's two database states, each built once per worker, and the test database
itself, migrated once per run.

Tests see one of two committed states and run inside a transaction that is rolled back,
so no test sees another's writes:

- ``empty``: what migrations leave (root page, default site, root collection, locale).
  Tests that build their own data with factories or the ``desk`` fixture start here.
- ``demo``: ``load_demo`` on top, as ``make run`` shows it. Tests that ask for the
  ``demo`` fixture start here.

Each state is a snapshot of the whole database (SQLite's backup API; ``CREATE DATABASE …
TEMPLATE`` on PostgreSQL), taken the first time a worker needs it and restored when a test
needs the other state, or after a transactional test (a browser journey) has committed
and flushed. The suite's collection order (``tests/conftest.py``) runs each worker's empty
tests before its demo tests, so a worker normally switches once.

Migrations run once per run, not once per worker: the first worker to arrive migrates
(a template database on PostgreSQL, a file on SQLite) and every worker copies it.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

EMPTY = "empty"
DEMO = "demo"


def _quote(connection, name: str) -> str:
    return connection.ops.quote_name(name)


class SQLiteSnapshots:
    """Copies of an SQLite database held in memory by this process."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.copies: dict[str, sqlite3.Connection] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.copies

    def take(self, name: str) -> None:
        self.connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.connection.backup(copy)
        self.copies[name] = copy

    def restore(self, name: str) -> None:
        # The live server's threads share this connection on in-memory SQLite: restoring
        # into it (rather than reconnecting) keeps them on the restored data.
        self.connection.ensure_connection()
        self.copies[name].backup(self.connection.connection)

    def discard(self) -> None:
        for copy in self.copies.values():
            copy.close()
        self.copies.clear()


class PostgresSnapshots:
    """Sibling databases made with ``CREATE DATABASE … TEMPLATE`` (a file-level copy)."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.database = connection.settings_dict["NAME"]
        self.names: dict[str, str] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def take(self, name: str) -> None:
        snapshot = f"{self.database}_{name}"
        _run_outside(
            self.connection,
            f"DROP DATABASE IF EXISTS {_quote(self.connection, snapshot)}",
            *_copy_statements(self.connection, self.database, snapshot),
        )
        self.names[name] = snapshot

    def restore(self, name: str) -> None:
        _run_outside(
            self.connection,
            f"DROP DATABASE IF EXISTS {_quote(self.connection, self.database)} WITH (FORCE)",
            *_copy_statements(self.connection, self.names[name], self.database),
        )

    def discard(self) -> None:
        _run_outside(
            self.connection,
            *(
                f"DROP DATABASE IF EXISTS {_quote(self.connection, snapshot)} WITH (FORCE)"
                for snapshot in self.names.values()
            ),
        )
        self.names.clear()


def _copy_statements(connection, source: str, target: str) -> list[str]:
    # A template must have no other sessions: the live server's threads may still hold one.
    return [
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{source}' AND pid <> pg_backend_pid()",
        f"CREATE DATABASE {_quote(connection, target)} TEMPLATE {_quote(connection, source)}",
    ]


def _run_outside(connection, *statements: str) -> None:
    """Run statements from the server's maintenance database, with ours disconnected."""
    connection.close()
    with connection._nodb_cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class DatabaseStates:
    """Which committed state the test database holds, and the switch between states."""

    def __init__(self, connection, builders: dict[str, Callable[[], None]]) -> None:
        self.connection = connection
        self.builders = builders
        if connection.vendor == "postgresql":
            self.snapshots = PostgresSnapshots(connection)
        else:
            self.snapshots = SQLiteSnapshots(connection)
        self.snapshots.take(EMPTY)
        self.current: str | None = EMPTY
        self.switches = 0

    def prepare(self, state: str, *, transactional: bool) -> None:
        """Make the database hold ``state`` before a test opens its transaction."""
        if self.current != state:
            if state in self.snapshots:
                self.snapshots.restore(state)
            else:
                if self.current != EMPTY:
                    self.snapshots.restore(EMPTY)
                self.builders[state]()
                self.snapshots.take(state)
            self.switches += 1
            _forget_cached_rows()
            self.current = state
        if transactional:
            # It commits, and Django flushes every table after it: restore before the next.
            self.current = None

    def discard(self) -> None:
        self.snapshots.discard()


def _forget_cached_rows() -> None:
    """Caches that hold rows of the state just replaced (content types, Wagtail's sites)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()


# --- The test database: migrated once per run ------------------------------------------


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def template_name(connection) -> str:
    """The migrated PostgreSQL database every worker of this run copies."""
    return f"test_{connection.settings_dict['NAME']}_migrated"


def create_test_database(shared: Path | None) -> Callable[[], None]:
    """Create this worker's test database and return its teardown.

    ``shared`` is a folder every worker of the run sees (None without xdist): there the
    first worker migrates once, under a lock, and the others copy its result.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    if shared is None:
        old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
        return lambda: teardown_databases(old_config, verbosity=0)
    if connection.vendor == "postgresql":
        return _postgres_copy_of_migrated(connection, shared)
    return _sqlite_copy_of_migrated(connection, shared)


def _use_database(connection, name: str) -> None:
    from django.conf import settings

    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _postgres_copy_of_migrated(connection, shared: Path) -> Callable[[], None]:
    original = connection.settings_dict["NAME"]
    template = template_name(connection)
    worker_database = connection.creation._get_test_db_name()
    with _locked(shared / "migrate.lock"):
        done = shared / "migrated-postgres"
        if not done.exists():
            test_settings = connection.settings_dict["TEST"]
            worker_test_name = test_settings.get("NAME")
            test_settings["NAME"] = template
            # Django's own creation: drops a stale template, migrates, then we disconnect.
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            test_settings["NAME"] = worker_test_name
            _use_database(connection, original)
            done.touch()
        _run_outside(
            connection,
            f"DROP DATABASE IF EXISTS {_quote(connection, worker_database)} WITH (FORCE)",
            *_copy_statements(connection, template, worker_database),
        )
    _use_database(connection, worker_database)

    def teardown() -> None:
        _run_outside(
            connection,
            f"DROP DATABASE IF EXISTS {_quote(connection, worker_database)} WITH (FORCE)",
        )
        _use_database(connection, original)

    return teardown


def drop_postgres_template() -> None:
    """Run by the controlling process when the run ends (the workers share the template)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        _run_outside(
            connection,
            f"DROP DATABASE IF EXISTS {_quote(connection, template_name(connection))} WITH (FORCE)",
        )


def _sqlite_copy_of_migrated(connection, shared: Path) -> Callable[[], None]:
    original = connection.settings_dict["NAME"]
    test_name = connection.creation._create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    _use_database(connection, test_name)
    connection.ensure_connection()
    migrated = shared / "migrated.sqlite3"
    with _locked(shared / "migrate.lock"):
        if not migrated.exists():
            from django.core.management import call_command

            call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
            partial = migrated.with_suffix(".partial")
            copy = sqlite3.connect(partial)
            connection.connection.backup(copy)
            copy.close()
            os.replace(partial, migrated)
        else:
            source = sqlite3.connect(migrated)
            source.backup(connection.connection)
            source.close()

    def teardown() -> None:
        connection.creation.destroy_test_db(original, verbosity=0, keepdb=False)

    return teardown
