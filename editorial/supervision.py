"""Keep the background processes running: start them, restart a crashed one, stop all.

``manage.py run_workers`` (what ``make worker`` and ``make run`` start) runs the task
worker and the scheduler as child processes under one ``Supervisor``. Each child is
watched on its own: one that exits is logged and started again after a pause (1 s
doubling to a minute while it keeps crashing, back to 1 s once it has run for a
minute), and the other goes on untouched. SIGTERM or SIGINT stops both: each is asked
with SIGTERM (the worker finishes its current task), then killed if it has not gone.

Where systemd (or another supervisor) runs the two as their own units, it does this
itself; see the README's "Running in production".
"""

from __future__ import annotations

import logging
import subprocess
import time
from dataclasses import dataclass, field

from editorial.reconnect import Backoff

logger = logging.getLogger(__name__)

# A child that ran this long before exiting was working: its next crash starts the
# backoff again from the first delay.
STABLE_AFTER = 60.0
STOP_TIMEOUT = 30.0
POLL_INTERVAL = 0.5


@dataclass
class Child:
    name: str
    argv: list[str]
    backoff: Backoff = field(default_factory=Backoff)
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restart_at: float | None = None
    restarts: int = 0


class Supervisor:
    def __init__(
        self,
        programs: dict[str, list[str]],
        first_delay: float = 1.0,
        stable_after: float = STABLE_AFTER,
        stop_timeout: float = STOP_TIMEOUT,
        poll_interval: float = POLL_INTERVAL,
    ):
        self.children = [
            Child(name, argv, Backoff(first=first_delay)) for name, argv in programs.items()
        ]
        self.stable_after = stable_after
        self.stop_timeout = stop_timeout
        self.poll_interval = poll_interval
        self.stopping = False

    def start(self, child: Child) -> None:
        # In a process group of its own: a Ctrl+C in the terminal reaches only this
        # supervisor, which stops the children one way, with SIGTERM.
        # argv is our own manage.py command line (run_workers), never user input.
        child.process = subprocess.Popen(child.argv, process_group=0)  # noqa: S603
        child.started_at = time.monotonic()
        child.restart_at = None
        logger.info("Started %s (pid %d)", child.name, child.process.pid)

    def check(self) -> None:
        """One look at every child: note the ones that exited, restart the ones due."""
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at and not self.stopping:
                    child.restarts += 1
                    self.start(child)
                continue
            code = child.process.poll() if child.process else None
            if code is None:
                continue
            if now - child.started_at >= self.stable_after:
                child.backoff.reset()
            delay = child.backoff.next_delay()
            child.restart_at = now + delay
            logger.error(
                "%s (pid %d) exited with status %s; restarting in %.0f s",
                child.name,
                child.process.pid,
                code,
                delay,
            )

    def run(self, until=None) -> None:
        """Start every child and watch them until ``stop()`` (or ``until()`` is true)."""
        for child in self.children:
            self.start(child)
        try:
            while not self.stopping and not (until and until()):
                time.sleep(self.poll_interval)
                self.check()
        finally:
            self.terminate_all()

    def stop(self, *_signal_args) -> None:
        """Signal handler: leave the loop; ``run()`` then stops the children."""
        self.stopping = True

    def terminate_all(self) -> None:
        running = [c for c in self.children if c.process and c.process.poll() is None]
        for child in running:
            logger.info("Stopping %s (pid %d)", child.name, child.process.pid)
            child.process.terminate()
        deadline = time.monotonic() + self.stop_timeout
        for child in running:
            try:
                child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.warning(
                    "%s (pid %d) did not stop; killing it", child.name, child.process.pid
                )
                child.process.kill()
                child.process.wait()
