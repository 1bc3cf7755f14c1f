"""The clock of the newsroom: what must happen at a time, without anyone at a keyboard.

Each ``tick()`` publishes pages whose go-live time has come and unpublishes expired ones
(Wagtail's own ``publish_scheduled``, after withholding articles that may no longer go
live: ``editorial.pipelines.go_live``), reminds reviewers of overdue pipeline steps, and
runs the desk's due-soon/overdue reminders. It also queues again the background tasks a
dead worker left RUNNING (``editorial.task_recovery``). Everything it calls is
idempotent, so two schedulers, or a cron line beside the worker, do no harm. ``manage.py run_scheduler``
loops over it; ``make worker`` and ``make run`` start that loop beside the task worker.
"""

from __future__ import annotations

import io
import logging

from django.core.management import call_command
from django.utils import timezone

from editorial.desk.notifications import send_reminders
from editorial.pipelines.deadlines import send_overdue_reminders
from editorial.pipelines.go_live import withhold_unpublishable_due
from editorial.task_recovery import requeue_stuck_tasks

logger = logging.getLogger(__name__)


def tick(now=None) -> dict[str, int | str]:
    """One pass; ``now`` only steers the reminders (Wagtail reads the real clock)."""
    now = now or timezone.now()
    output = io.StringIO()
    withheld = withhold_unpublishable_due()
    call_command("publish_scheduled", stdout=output)
    reminders = send_overdue_reminders(now)
    desk = send_reminders(timezone.localdate(now))
    # Against the real clock, as the worker stamps started_at with it.
    recovered = requeue_stuck_tasks()
    result = {
        "published": output.getvalue().strip(),
        "withheld": withheld,
        "step_reminders": reminders,
        "desk_reminders": sum(desk.values()),
        "tasks_requeued": recovered["requeued"],
        "tasks_abandoned": recovered["failed"],
    }
    logger.info("Scheduler tick: %s", result)
    return result
