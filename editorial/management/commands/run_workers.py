"""`manage.py run_workers`: the task worker and the scheduler, kept running together.

``make worker`` and ``make run`` start this. It runs ``db_worker --queue-name '*'`` and
``run_scheduler`` as child processes and restarts whichever one exits (with a growing
pause, ``editorial.supervision``); one dying never stops the other. SIGTERM or SIGINT
(Ctrl+C) stops both.
"""

from __future__ import annotations

import signal
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from editorial.supervision import Supervisor


def programs() -> dict[str, list[str]]:
    """The children: this Python and this manage.py, so the venv and settings carry over."""
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    return {
        "task worker": [*manage, "db_worker", "--queue-name", "*", "--no-reload"],
        "scheduler": [*manage, "run_scheduler"],
    }


class Command(BaseCommand):
    help = "Run the background task worker and the scheduler, restarting either if it exits."

    def handle(self, *args, **options) -> None:
        supervisor = Supervisor(programs())
        signal.signal(signal.SIGTERM, supervisor.stop)
        signal.signal(signal.SIGINT, supervisor.stop)
        supervisor.run()
