"""A throwaway PostgreSQL cluster for outage tests, on a free port, stoppable mid-test.

Never the machine's own PostgreSQL: this one is created (``initdb``) in a temporary
folder owned by the ``postgres`` user, listens on 127.0.0.1 only, trusts local
connections, and is stopped and deleted when the test ends. Skips the test when the
server binaries, or the ``postgres`` user to run them as, are missing.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.redis_server import free_port


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


class PostgresServer:
    def __init__(self, bin_dir: Path, root: Path, port: int) -> None:
        self.bin_dir = bin_dir
        self.data = root / "data"
        self.root = root
        self.port = port
        self.url = f"postgres://postgres@127.0.0.1:{port}/postgres"

    def _as_postgres(self, *argv: str) -> None:
        command = [str(self.bin_dir / argv[0]), *argv[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def create(self) -> None:
        self._as_postgres("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self._as_postgres(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        """As a restart does: every session ended, new ones refused until ``start()``."""
        self._as_postgres("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = _binaries()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries")
    try:
        owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    except KeyError:
        pytest.skip("no postgres user to run a private cluster as")
    root = Path(tempfile.mkdtemp(prefix="outage-pg-"))
    if owner:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    server = PostgresServer(bin_dir, root, free_port())
    try:
        server.create()
        server.start()
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # the test stopped it
            server.stop()
        shutil.rmtree(root, ignore_errors=True)
