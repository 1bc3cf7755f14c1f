"""Dashboard panel for the editor-in-chief: background work is late.

Mails, scheduled publishing and reminders depend on the task worker and the scheduler;
when either stops, nothing in the admin says so, and articles quietly miss their time.
The panel asks ``editorial.health`` (the same judgement ``/healthz`` gives, one truth)
and appears only while the worker or the scheduler is "late", with how many tasks are
waiting. The editor-in-chief owns publication, so only that role sees it
(``wagtail_hooks.add_background_work_panel``); when all is well it renders nothing.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail.admin.ui.components import Component

from editorial.enums import Role
from editorial.health import check_scheduler, check_worker

LATE = "late"


def is_editor_in_chief(user) -> bool:
    return user.is_active and user.groups.filter(name=Role.EDITOR_IN_CHIEF.label).exists()


def waiting_tasks() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


class BackgroundWorkPanel(Component):
    name = "background_work"
    template_name = "editorial/background_work_panel.html"
    order = 40  # above "My desk": nothing scheduled goes out until it is dealt with

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        now = timezone.now()
        worker, scheduler = check_worker(now), check_scheduler(now)
        late = LATE in (worker["state"], scheduler["state"])
        return {
            "late": late,
            "worker": worker,
            "scheduler": scheduler,
            "worker_late": worker["state"] == LATE,
            "scheduler_late": scheduler["state"] == LATE,
            "worker_waited_minutes": worker.get("oldest_waiting_seconds", 0) // 60,
            "scheduler_overdue_minutes": scheduler.get("oldest_overdue_seconds", 0) // 60,
            "waiting": waiting_tasks() if late else 0,
        }
