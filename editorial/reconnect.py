"""Waiting out a database that went away, for the long-running processes.

``run_scheduler`` and our ``db_worker`` live for weeks; a PostgreSQL restart or failover
(or SQLite locked past its busy timeout) must pause them, not end them. Each keeps one
``Backoff``: the first wait is 1 s, doubling to a minute, back to 1 s after a good pass,
so a short blip costs seconds and a long outage is polled once a minute, not hammered.
``run_workers`` reuses it to space out the restarts of a child that keeps crashing.
"""

from __future__ import annotations

import contextlib
import logging
import time

from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

# What a lost or refused connection raises (psycopg's are wrapped into these by Django).
DATABASE_ERRORS = (OperationalError, InterfaceError)

FIRST_DELAY = 1.0
MAX_DELAY = 60.0


class Backoff:
    """Doubling delays between ``first`` and ``ceiling`` seconds; ``reset()`` after success."""

    def __init__(self, first: float = FIRST_DELAY, ceiling: float = MAX_DELAY):
        self.first = first
        self.ceiling = ceiling
        self.delay = first

    def next_delay(self) -> float:
        """The delay to wait now; the one after is twice as long, up to the ceiling."""
        delay = self.delay
        self.delay = min(delay * 2, self.ceiling)
        return delay

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def reset(self) -> None:
        self.delay = self.first


def close_connections() -> None:
    """Drop every connection: the next query opens a fresh one instead of reusing a dead one."""
    for connection in connections.all(initialized_only=True):
        # Closing a connection the server already dropped can itself fail; it is gone.
        with contextlib.suppress(*DATABASE_ERRORS):
            connection.close()


def wait_out(error: Exception, backoff: Backoff, process: str) -> float:
    """Log the database error, drop the connections and sleep the next delay."""
    delay = backoff.next_delay()
    logger.warning(
        "%s: database unavailable (%s: %s); retrying in %.0f s",
        process,
        type(error).__name__,
        str(error).strip().splitlines()[0] if str(error).strip() else "",
        delay,
    )
    close_connections()
    backoff.sleep(delay)
    return delay
