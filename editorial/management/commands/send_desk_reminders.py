"""`manage.py send_desk_reminders`: the desk's daily run (cron or the worker calls it).

Mails writers about assignments due within two days, and writers and editors about
overdue ones. Idempotent: a second run the same day sends nothing new.

    # crontab: every morning at 07:00 Hà Nội time
    0 7 * * * cd /srv/coverage-desk && .venv/bin/python manage.py send_desk_reminders
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from editorial.desk.notifications import send_reminders


class Command(BaseCommand):
    help = "Send due-soon and overdue reminders for assignments (safe to run more than once)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date must be YYYY-MM-DD: {error}") from error
        sent = send_reminders(today)
        self.stdout.write(
            f"Queued {sent['due_soon']} due-soon and {sent['overdue']} overdue reminder(s)."
        )
