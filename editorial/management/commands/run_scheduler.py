"""`manage.py run_scheduler`: publish scheduled pages and send reminders, every minute.

`make worker` (and `make run`) start it beside `db_worker`, under `run_workers`. Where a
long-running process is unwelcome, a cron line does the same, one pass per minute:

    * * * * * cd /srv/coverage-desk && .venv/bin/python manage.py run_scheduler --once

A database outage does not end the loop: a pass that meets a lost connection is logged,
the connections are dropped and the loop waits (1 s doubling to a minute,
``editorial.reconnect``) before the next pass. Every pass is idempotent, so a pass cut
short is simply done again.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from editorial.pipelines.scheduler import tick
from editorial.reconnect import DATABASE_ERRORS, Backoff, wait_out


class Command(BaseCommand):
    help = "Publish due pages, unpublish expired ones and send reminders, in a loop or once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between passes (default 60)."
        )

    def handle(self, *args, **options):
        interval = options["interval"]
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        if options["once"]:
            # One pass for cron: a failure is the exit status cron reports.
            self.report(tick(), always=True)
            return
        backoff = Backoff()
        while True:
            try:
                result = tick()
            except DATABASE_ERRORS as error:
                wait_out(error, backoff, "Scheduler")
                continue
            backoff.reset()
            self.report(result, always=options["verbosity"] > 1)
            # A worker that lives for weeks must not hold a dead connection.
            close_old_connections()
            self.sleep(interval)

    def report(self, result, always: bool) -> None:
        if always:
            self.stdout.write(
                f"published/expired: {result['published'] or '-'}; "
                f"step reminders: {result['step_reminders']}; "
                f"desk reminders: {result['desk_reminders']}"
            )

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)
