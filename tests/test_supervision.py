"""``run_workers`` keeps the worker and the scheduler running: a child that exits is started
again, the other is left alone, and SIGTERM stops both (``editorial.supervision``).

The children here are tiny Python one-liners, not the real commands: what is tested is
the supervision, and each test takes about a second."""

import logging
import os
import signal
import sys
import threading
import time
from unittest import mock

import pytest
from django.core.management import call_command

from editorial.management.commands import run_workers
from editorial.supervision import Supervisor

EXITS = [sys.executable, "-c", "import sys; sys.exit(3)"]
SLEEPS = [sys.executable, "-c", "import time; time.sleep(60)"]
IGNORES_SIGTERM = [
    sys.executable,
    "-c",
    "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "print('ready', flush=True); time.sleep(60)",
]
FAST = {"first_delay": 0.05, "poll_interval": 0.02}


def child(supervisor, name):
    return next(c for c in supervisor.children if c.name == name)


def test_a_child_that_exits_is_restarted_and_the_other_left_alone(caplog):
    supervisor = Supervisor({"crashing": EXITS, "steady": SLEEPS}, **FAST)
    crashing, steady = child(supervisor, "crashing"), child(supervisor, "steady")
    crashing_pids, steady_pids = set(), set()

    def restarted_twice():
        crashing_pids.add(crashing.process.pid)
        steady_pids.add(steady.process.pid)
        assert steady.process.poll() is None, "the steady child must live on"
        return crashing.restarts >= 2

    with caplog.at_level(logging.INFO, logger="editorial.supervision"):
        supervisor.run(until=restarted_twice)
    assert len(crashing_pids) == 3  # the first run and two restarts
    assert len(steady_pids) == 1 and steady.restarts == 0
    assert steady.process.returncode == -signal.SIGTERM  # stopped when the supervisor ends
    assert "crashing (pid" in caplog.text and "exited with status 3; restarting" in caplog.text


def test_a_crash_loop_waits_longer_each_time():
    supervisor = Supervisor({"crashing": EXITS}, **FAST)
    crashing = child(supervisor, "crashing")
    supervisor.run(until=lambda: crashing.restarts >= 2)
    # 0.05 and 0.1 s waited; the next wait is 0.2 s.
    assert crashing.backoff.delay == pytest.approx(0.2)


def test_a_child_ignoring_sigterm_is_killed_at_the_stop_timeout():
    supervisor = Supervisor({"stubborn": IGNORES_SIGTERM}, stop_timeout=0.3, **FAST)
    stubborn = child(supervisor, "stubborn")
    started = time.monotonic()
    # Time for the child to install its handler before it is asked to stop.
    supervisor.run(until=lambda: time.monotonic() - started > 0.5)
    assert stubborn.process.returncode == -signal.SIGKILL


@pytest.fixture
def own_signal_handlers():
    """The command installs SIGTERM/SIGINT handlers in this process: put pytest's back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.usefixtures("own_signal_handlers")
def test_run_workers_starts_both_and_stops_both_on_sigterm():
    made = []

    def supervisor(programs):
        made.append(Supervisor(programs, **FAST))
        return made[-1]

    with (
        mock.patch.object(run_workers, "programs", return_value={"a": SLEEPS, "b": SLEEPS}),
        mock.patch.object(run_workers, "Supervisor", side_effect=supervisor),
    ):
        threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGTERM)).start()
        call_command("run_workers")
    (supervisor,) = made
    assert [c.process.returncode for c in supervisor.children] == [-signal.SIGTERM] * 2
    assert all(c.restarts == 0 for c in supervisor.children)


def test_the_real_children_are_the_worker_and_the_scheduler():
    worker, scheduler = run_workers.programs().values()
    assert worker[0] == scheduler[0] == sys.executable
    assert worker[2:] == ["db_worker", "--queue-name", "*", "--no-reload"]
    assert scheduler[2:] == ["run_scheduler"]
