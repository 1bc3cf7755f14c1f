"""Moderation mails for the pipelines, in Vietnamese, sent as background tasks.

Wagtail mails a group task's whole group on every submission, synchronously, and the
submitter only on the final outcome. The newsroom wants: the reviewers of the step that
just started (the named reviewer alone, for a named step); the author and the assigned
journalist when the article is approved or sent back, with the reviewer's comment; and
one reminder to the reviewers of an overdue step. ``PipelinesConfig.ready()`` swaps
Wagtail's receivers for these. Each receiver only queues a django-task after the
transaction commits; the task reads the rows again and renders the mail.

Wagtail's per-user notification preferences (Account → Notifications) are honoured.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

# Mail kind → the Wagtail notification preference that can switch it off.
PREFERENCES = {
    "step_started": "submitted_notifications",
    "step_overdue": "submitted_notifications",
    "approved": "approved_notifications",
    "rejected": "rejected_notifications",
}


# --- Who hears about what ---------------------------------------------------------------


def step_reviewers(task_state) -> set:
    """The people who may act on this step: the named reviewer, else the groups' members."""
    User = get_user_model()
    state = task_state.specific
    task_obj = state.task.specific
    reviewer = getattr(state, "reviewer", None)
    if reviewer is not None:
        return {reviewer}
    groups = getattr(task_obj, "reviewer_groups", None) or getattr(task_obj, "groups", None)
    if groups is None:
        return set()
    return set(User.objects.filter(groups__in=groups.all(), is_active=True).distinct())


def writers_of(workflow_state) -> set:
    """The submitter, the page's owner and the assignment's journalist or staff contact."""
    from editorial.models import Assignment

    page = workflow_state.content_object
    people = {workflow_state.requested_by, getattr(page, "owner", None)}
    assignment = Assignment.objects.filter(article_id=page.pk).first()
    if assignment is not None:
        people.add(assignment.responsible_user)
    return people - {None}


def _wants(user, kind: str) -> bool:
    if not (user.is_active and user.email):
        return False
    return getattr(UserProfile.get_for_user(user), PREFERENCES[kind], True)


# --- Rendering and sending (the background task) ----------------------------------------


def _admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _context(kind: str, workflow_state, task_state) -> dict:
    page = workflow_state.content_object.specific
    allowance = getattr(task_state.task.specific, "allowance", None) if task_state else None
    return {
        "allowance_hours": round(allowance.total_seconds() / 3600) if allowance else None,
        "kind": kind,
        "page": page,
        "workflow": workflow_state.workflow,
        "task_state": task_state,
        "task": task_state.task if task_state else None,
        "comment": task_state.comment if task_state else "",
        "reviewer": task_state.finished_by if task_state else None,
        "edit_url": _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "history_url": _admin_url(reverse("wagtailadmin_pages:history", args=[page.pk])),
    }


@task()
def send_pipeline_mail(kind: str, task_state_id: int, exclude_user_id: int | None = None) -> int:
    """Send one pipeline mail to everyone it concerns; returns how many went out.

    Safe to repeat (a retry, or a rerun after its worker died): it only reads, and
    renders every mail before sending the first; a worker killed while sending can only
    mail someone the same notice twice.
    """
    task_state = TaskState.objects.filter(pk=task_state_id).select_related("task").first()
    if task_state is None:
        return 0
    task_state = task_state.specific
    workflow_state = task_state.workflow_state
    if kind in ("step_started", "step_overdue"):
        recipients = step_reviewers(task_state)
    else:
        recipients = writers_of(workflow_state)
    recipients = {user for user in recipients if user.pk != exclude_user_id and _wants(user, kind)}
    context = _context(kind, workflow_state, task_state)
    # Every mail is rendered (the templates read the database) before the first is sent:
    # a database error then sends nothing, and the worker's retry mails nobody twice.
    mails = []
    # Mails speak the newsroom's language whatever the worker's locale.
    with translation.override(settings.LANGUAGE_CODE):
        for recipient in sorted(recipients, key=lambda user: user.pk):
            context["recipient"] = recipient
            subject = render_to_string(f"editorial/emails/pipeline_{kind}_subject.txt", context)
            body = render_to_string(f"editorial/emails/pipeline_{kind}.txt", context)
            mails.append((" ".join(subject.split()), body, recipient.email))
    sent = 0
    for subject, body, address in mails:
        try:
            send_mail(subject, body, None, [address])
            sent += 1
        except Exception:  # one bad address must not stop the others
            logger.exception("Pipeline mail %s to %s failed", kind, address)
    return sent


def queue(kind: str, task_state_id: int, exclude_user=None) -> None:
    exclude_id = getattr(exclude_user, "pk", None)
    transaction.on_commit(lambda: send_pipeline_mail.enqueue(kind, task_state_id, exclude_id))


# --- Signal receivers (connected in PipelinesConfig.ready) -------------------------------


def on_task_submitted(sender, instance, user=None, **kwargs) -> None:
    """A step started: its reviewers are told (not the person who moved it on)."""
    queue("step_started", instance.pk, exclude_user=user)


def on_workflow_approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    last = instance.current_task_state
    if last is not None:
        queue("approved", last.pk, exclude_user=user)


def on_workflow_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    last = instance.current_task_state
    if last is not None:
        queue("rejected", last.pk, exclude_user=user)
