"""Moderation mails for the pipelines, in Vietnamese, sent as background tasks.

Wagtail mails a group task's whole group on every submission, synchronously, and the
submitter only on the final outcome. The newsroom wants: the reviewers of the step that
just started (the named reviewer alone, for a named step); the author and the assigned
journalist when the article is approved or sent back, with the reviewer's comment; when
it is sent back, also everyone who approved it at an earlier step of the same run
(wagtail#10196), so nobody who signed off learns of the objection late; and
one reminder to the reviewers of an overdue step. ``PipelinesConfig.ready()`` swaps
Wagtail's receivers for these. Each receiver works out who is told and queues one mail
task per person, in the transaction of the step (``editorial.mail_tasks``); each task
reads the rows again, renders its mail and sends it. One mail per task: a retry after
the mail server failed (``editorial.task_retries``) re-sends only the mail that did not
go, never the ones that did.

Wagtail's per-user notification preferences (Account → Notifications) are honoured.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

from editorial.mail_tasks import enqueue_mail, mail_task, send_one

logger = logging.getLogger(__name__)

# Mail kind → the Wagtail notification preference that can switch it off.
PREFERENCES = {
    "step_started": "submitted_notifications",
    "step_overdue": "submitted_notifications",
    "approved": "approved_notifications",
    "rejected": "rejected_notifications",
    "rejected_upstream": "rejected_notifications",
}
KIND_LABELS = {
    "step_started": _("Pipeline step started"),
    "step_overdue": _("Pipeline step overdue"),
    "approved": _("Article approved"),
    "rejected": _("Article sent back"),
    "rejected_upstream": _("Article you approved sent back"),
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
    members = User.objects.filter(groups__in=groups.all(), is_active=True).distinct()
    if hasattr(task_obj, "tally"):
        # A quorum step: whoever has voted is not asked again.
        members = members.exclude(quorum_votes__task_state_id=state.pk)
    return set(members)


def writers_of(workflow_state) -> set:
    """The submitter, the page's owner and the assignment's journalist or staff contact."""
    from editorial.models import Assignment

    page = workflow_state.content_object
    people = {workflow_state.requested_by, getattr(page, "owner", None)}
    assignment = Assignment.objects.filter(article_id=page.pk).first()
    if assignment is not None:
        people.add(assignment.responsible_user)
    return people - {None}


def earlier_approvers(task_state) -> set:
    """Who approved the article earlier in this pipeline run (wagtail#10196): whoever
    finished an approved step of the same workflow state, and the board members who
    voted to approve at a quorum step; the article's writers are told as writers."""
    from editorial.models import QuorumVote

    User = get_user_model()
    workflow_state = task_state.workflow_state
    approved_steps = TaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    ).exclude(pk=task_state.pk)
    voters = QuorumVote.objects.filter(
        task_state__workflow_state=workflow_state, decision="approve"
    )
    people = User.objects.filter(
        Q(pk__in=approved_steps.values("finished_by")) | Q(pk__in=voters.values("user"))
    )
    writers = {user.pk for user in writers_of(workflow_state)}
    return {user for user in people if user.pk not in writers}


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


def recipients_of(kind: str, task_state) -> set:
    """Who hears of ``kind`` for this step: its reviewers, or the article's writers."""
    if kind in ("step_started", "step_overdue"):
        return step_reviewers(task_state)
    if kind == "rejected_upstream":
        return earlier_approvers(task_state)
    return writers_of(task_state.workflow_state)


@mail_task(label=_("Pipeline mail"), kinds=KIND_LABELS)
def send_pipeline_mail(kind: str, task_state_id: int, recipient_id: int) -> bool:
    """Render and send one pipeline mail to one person; False if it no longer applies.

    Safe to repeat (a retry, or a rerun after its worker died): it reads, renders, then
    sends its one mail last, so a run that raised sent nothing."""
    task_state = TaskState.objects.filter(pk=task_state_id).select_related("task").first()
    recipient = get_user_model().objects.filter(pk=recipient_id).first()
    if task_state is None or recipient is None or not _wants(recipient, kind):
        return False
    task_state = task_state.specific
    context = _context(kind, task_state.workflow_state, task_state)
    context["recipient"] = recipient
    # Mails speak the newsroom's language whatever the worker's locale.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"editorial/emails/pipeline_{kind}_subject.txt", context)
        body = render_to_string(f"editorial/emails/pipeline_{kind}.txt", context)
    send_one(" ".join(subject.split()), body, recipient.email)
    return True


def queue(kind: str, task_state_id: int, exclude_user=None) -> None:
    """Queue ``kind``'s mail to each person it concerns but ``exclude_user`` (who acted)."""
    task_state = TaskState.objects.filter(pk=task_state_id).first()
    if task_state is None:
        return
    exclude_id = getattr(exclude_user, "pk", None)
    recipients = [
        user
        for user in recipients_of(kind, task_state.specific)
        if user.pk != exclude_id and _wants(user, kind)
    ]
    for recipient in sorted(recipients, key=lambda user: user.pk):
        enqueue_mail(
            send_pipeline_mail, kind=kind, task_state_id=task_state_id, recipient_id=recipient.pk
        )


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
        queue("rejected_upstream", last.pk, exclude_user=user)
