"""A real outage: our ``db_worker``, a process of its own, outlives its PostgreSQL being
stopped and started again, and runs the task queued after (``editorial.reconnect``).

The database is a private cluster (``tests/support/postgres_server.py``) holding only
django-tasks-db's table; rows are written and read with psycopg, beside the worker.
About ten seconds: the worker's and the migration's start-ups, and the backoff's waits.
"""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.support.postgres_server import postgres_server  # noqa: F401

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")
TASK = "tests.support.outage_tasks.echo"


def manage(server, *argv: str, **popen) -> subprocess.Popen:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "editorial.settings.dev",
        "DATABASE_URL": server.url,
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen([sys.executable, MANAGE, *argv], env=env, **popen)


def enqueue(server, word: str) -> str:
    pk = str(uuid.uuid4())
    with psycopg.connect(server.url.replace("postgres://", "postgresql://")) as conn:
        conn.execute(
            "INSERT INTO django_tasks_database_dbtaskresult (id, status, enqueued_at, "
            "args_kwargs, priority, task_path, worker_ids, queue_name, backend_name, "
            "run_after, return_value, exception_class_path, traceback) "
            "VALUES (%s, 'READY', now(), %s, 0, %s, '[]', 'default', 'default', "
            "'9999-01-01T00:00:00Z', 'null', '', '')",
            (pk, json.dumps({"args": [word], "kwargs": {}}), TASK),
        )
    return pk


def status(server, pk: str) -> str | None:
    with psycopg.connect(server.url.replace("postgres://", "postgresql://")) as conn:
        row = conn.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s", (pk,)
        ).fetchone()
    return row[0] if row else None


def wait_for(check, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.skipif(sys.platform != "linux", reason="a private PostgreSQL cluster needs Linux")
def test_the_worker_outlives_a_postgresql_restart(postgres_server, tmp_path):  # noqa: F811
    server = postgres_server
    assert manage(server, "migrate", "django_tasks_database", "-v0").wait(timeout=120) == 0
    log_path = tmp_path / "worker.log"
    with open(log_path, "w") as log:
        worker = manage(
            server,
            *("db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.2"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        before = enqueue(server, "trước")
        assert wait_for(lambda: status(server, before) == "SUCCESSFUL", 30)

        server.stop()
        time.sleep(2)  # down for a few of the worker's polls
        assert worker.poll() is None, "the worker exited when its database went away"
        server.start()

        after = enqueue(server, "sau")
        assert wait_for(lambda: status(server, after) == "SUCCESSFUL", 30)
        assert worker.poll() is None
        assert "database unavailable" in log_path.read_text()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
