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


# What saving a searchable object queues (modelsearch's own task).
INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


class SearchIndexPanel(Component):
    """For everyone in the admin: while search-index updates wait for the worker, a
    just-saved article may not be found yet by the admin's or the readers' search. Says
    so, with how many wait, instead of leaving an editor to think the article is lost."""

    name = "search_index_updating"
    template_name = "editorial/search_index_panel.html"
    order = 45

    def get_context_data(self, parent_context):
        from django_tasks_db.models import DBTaskResult

        return {"waiting": DBTaskResult.objects.ready().filter(task_path=INDEX_TASK).count()}
