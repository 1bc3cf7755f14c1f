"""`manage.py db_worker`: django-tasks-db's worker, which waits out a database outage.

django-tasks-db's worker exits on any database error but a locked SQLite file: a
PostgreSQL restart would end it, and with it every email until someone starts it again.
This command is the same worker with the same arguments (it overrides the package's
command, ``editorial`` being listed before ``django_tasks_db``); only its loop is wrapped:
a lost connection while polling or claiming is logged, the connections are dropped and
the worker waits (1 s doubling to a minute, ``editorial.reconnect``) until the database
answers again, then polls as before.

A task whose run the outage cut short is left RUNNING by the package;
``editorial.task_recovery`` (from the scheduler) puts it back in the queue later.
"""

from __future__ import annotations

from django.db import connections
from django_tasks_db.management.commands import db_worker as package
from django_tasks_db.models import DBTaskResult

from editorial.reconnect import DATABASE_ERRORS, Backoff, wait_out


class ReconnectingWorker(package.Worker):
    """The package's worker, started again after each database error instead of exiting."""

    def run(self) -> None:
        backoff = Backoff()
        while True:
            try:
                return super().run()
            except DATABASE_ERRORS as error:
                if not self.running:  # asked to stop: the outage is no reason to stay
                    return None
                while error is not None:
                    wait_out(error, backoff, f"Task worker {self.worker_id}")
                    error = self._database_error()
            backoff.reset()
            # No thundering-herd delay again: the backoff has spaced the workers out.
            self.startup_delay = False

    def _database_error(self) -> Exception | None:
        """None once the tasks' database takes a connection again, else why not."""
        try:
            connections[DBTaskResult.objects.db].ensure_connection()
        except DATABASE_ERRORS as error:
            return error
        return None


class Command(package.Command):
    help = "Run a database background worker that waits out database outages"

    def handle(self, *args, **options) -> None:
        # The package's handle() builds its worker from the module's ``Worker`` name and
        # offers no other way in; for the length of this command that name is ours, so
        # its argument checks, logging and autoreload stay the package's own.
        original = package.Worker
        package.Worker = ReconnectingWorker
        try:
            super().handle(*args, **options)
        finally:
            package.Worker = original
