"""`manage.py run_scheduler`: publish scheduled pages and send reminders, every minute.

`make worker` (and `make run`) start it beside `db_worker`. Where a long-running
process is unwelcome, a cron line does the same, one pass per minute:

    * * * * * cd /srv/coverage-desk && .venv/bin/python manage.py run_scheduler --once
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from editorial.pipelines.scheduler import tick


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
        while True:
            result = tick()
            if options["once"] or options["verbosity"] > 1:
                self.stdout.write(
                    f"published/expired: {result['published'] or '-'}; "
                    f"step reminders: {result['step_reminders']}; "
                    f"desk reminders: {result['desk_reminders']}"
                )
            if options["once"]:
                return
            # A worker that lives for weeks must not hold a dead connection.
            close_old_connections()
            time.sleep(interval)
