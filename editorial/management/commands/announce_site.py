"""`manage.py announce_site URL`: wait until the site answers, then say where it is.

`make run` starts the development server and the background processes, which print
hundreds of lines while they start (and the worker its task log ever after, now kept in
``.run/workers.log``). A banner printed before the server listens is a link that fails
and scrolls away; this one comes once ``/healthz`` answers, with the demo's logins, so
it is the last thing a newcomer sees.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from editorial.demo.people import demo_logins


def answers(url: str) -> bool:
    try:
        # The URL is the dev server's own http:// address from the Makefile.
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500  # 503 from /healthz: up, but its database is not
    except (urllib.error.URLError, OSError):
        return False


class Command(BaseCommand):
    help = "Wait for the development site to answer, then print its addresses and logins."

    def add_arguments(self, parser):
        parser.add_argument("url", help="The site's base URL, e.g. http://127.0.0.1:8000")
        parser.add_argument("--timeout", type=float, default=120, help="Seconds to wait.")
        parser.add_argument("--log", default="", help="Where the background log goes.")

    def handle(self, *args, url: str, timeout: float, log: str, **options):
        base = url.rstrip("/")
        deadline = time.monotonic() + timeout
        while not answers(f"{base}/healthz"):
            if time.monotonic() > deadline:
                raise CommandError(f"{base}/ did not answer within {timeout:.0f} s.")
            time.sleep(0.5)
        write = self.stdout.write
        write("")
        write(self.style.SUCCESS(f"  Site:  {base}/"))
        write(self.style.SUCCESS(f"  Admin: {base}/admin/"))
        if settings.DEMO_CONTENT_ALLOWED and settings.DEMO_PASSWORD:
            write(f"  Demo logins (password: {settings.DEMO_PASSWORD}):")
            for username, position in demo_logins():
                write(f"    {username:<16} {position}")
        if log:
            write(f"  Worker and scheduler log: {log}")
        write("  Stop with Ctrl+C. Another port: make run PORT=8001")
        write("")
