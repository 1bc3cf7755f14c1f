"""Publication pipeline steps: Wagtail tasks extended where Wagtail stops.

Wagtail ships one task type, the group approval. The newsroom needs two more things:
a time allowance per step (so a step can be overdue) and a step assigned to one named
person (the article's editor) rather than to a whole group. Both are Wagtail ``Task``
subclasses, so workflows, the moderation dashboard, revisions and the audit log keep
working as Wagtail made them.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState
from wagtail.signals import task_submitted

from editorial.pipelines.authorship import is_writer, may_override
from editorial.pipelines.checks import (
    is_final_step,
    refuse_unpublishable_approval,
    with_publication_label,
)
from editorial.pipelines.reviewers import reviewer_for
from editorial.pipelines.sign_off import (
    APPROVE_AND_SCHEDULE,
    ScheduleApprovalForm,
    schedule_latest_revision,
)

DEFAULT_ALLOWANCE = datetime.timedelta(hours=24)


class TimedStepMixin(models.Model):
    """A step with a time allowance; a task state open longer than that is overdue."""

    allowance = models.DurationField(
        _("time allowed"),
        default=DEFAULT_ALLOWANCE,
        help_text=_(
            "How long reviewers have for this step before it is overdue, "
            'e.g. "24:00:00" for 24 hours or "2 00:00:00" for two days.'
        ),
    )

    class Meta:
        abstract = True


class PipelineStepMixin:
    """Rules every pipeline step keeps, whatever its type.

    - Nobody acts on an article they wrote (``editorial.pipelines.authorship``): no
      actions are offered and none are taken. Whoever may publish the article directly
      (the editor-in-chief) may, and the audit log records that they acted on their own.
    - At the last step, approval publishes (or schedules): it says so, and it is refused
      while the article has problems (``editorial.pipelines.checks``).
    """

    def get_actions(self, obj, user):

        actions = self.step_actions(obj, user)
        if actions and is_writer(user, obj) and not may_override(user, obj):
            return []
        return with_publication_label(self, obj, actions)

    def step_actions(self, obj, user) -> list:
        """The step's own actions, before the rules above (Wagtail's by default)."""
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        from django.core.exceptions import PermissionDenied
        from wagtail.log_actions import log

        page = task_state.workflow_state.content_object.specific
        if is_writer(user, page):
            if not may_override(user, page):
                raise PermissionDenied
            log(
                instance=page,
                action=WRITER_OVERRIDE,
                user=user,
                data={"task": self.name, "action": action_name},
            )
        if action_name == APPROVE_AND_SCHEDULE:
            if not is_final_step(self, page):
                raise PermissionDenied  # a time is for the last step, as views offer it
            refuse_unpublishable_approval(task_state)  # before a revision is written
            task_state = schedule_latest_revision(task_state, user, kwargs.pop("go_live_at"))
            action_name = "approve"
        if action_name == "approve" and is_final_step(self, page):
            from editorial.pipelines.sign_off import schedule_for_embargo

            # An embargo turns the approval into one scheduled for the embargo time.
            task_state = schedule_for_embargo(task_state, user)
        if action_name == "approve":
            refuse_unpublishable_approval(task_state)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_form_for_action(self, action):

        if action == APPROVE_AND_SCHEDULE:
            return ScheduleApprovalForm
        return super().get_form_for_action(action)


# Audit-log action: the editor-in-chief acted on a step of an article they wrote.
WRITER_OVERRIDE = "editorial.pipeline.writer_override"


class PipelineGroupTask(PipelineStepMixin, TimedStepMixin, AbstractGroupApprovalTask):
    """Wagtail's group approval with a deadline, e.g. the editor-in-chief's sign-off."""

    admin_form_fields: ClassVar[list] = [*AbstractGroupApprovalTask.admin_form_fields, "allowance"]

    class Meta:
        verbose_name = _("group review step with deadline")
        verbose_name_plural = _("group review steps with deadline")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve this step within the time allowed.")


class NamedReviewerTask(PipelineStepMixin, TimedStepMixin, Task):
    """A step assigned to one person: by default the assigned editor of the article's beat
    or topic, or the editor the journalist picked when submitting.

    Only that person (or a member of the override groups, i.e. the editor-in-chief) may
    approve or request changes. The reviewer is chosen when the step starts and kept on
    its task state, so reassigning the beat later does not move a review in progress.
    """

    reviewer_groups = models.ManyToManyField(
        Group,
        verbose_name=_("reviewers come from"),
        related_name="+",
        help_text=_(
            "A picked reviewer must belong to one of these groups; if nobody can be named, "
            "any member may take the step."
        ),
    )
    override_groups = models.ManyToManyField(
        Group,
        verbose_name=_("may act in the reviewer's place"),
        related_name="+",
        blank=True,
        help_text=_("Members may act on this step whoever is named, e.g. the editor-in-chief."),
    )

    task_state_class = None  # set below, after the task state model exists

    admin_form_fields: ClassVar[list] = [
        *Task.admin_form_fields,
        "reviewer_groups",
        "override_groups",
        "allowance",
    ]
    admin_form_widgets: ClassVar[dict] = {
        "reviewer_groups": forms.CheckboxSelectMultiple,
        "override_groups": forms.CheckboxSelectMultiple,
    }

    class Meta:
        verbose_name = _("named reviewer step")
        verbose_name_plural = _("named reviewer steps")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get_description(cls):
        return _(
            "One named editor reviews: the one picked on the article, else the assigned "
            "editor of its beat or topic."
        )

    def start(self, workflow_state, user=None):
        # Wagtail's Task.start, with the reviewer named before the state is saved: its
        # start saves and sends task_submitted in one go, and the step-started mail and
        # the audit log, which listen to that signal, must already see who reviews.
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_IN_PROGRESS
        task_state.revision = workflow_state.content_object.get_latest_revision()
        task_state.task = self
        task_state.reviewer = reviewer_for(workflow_state.content_object, self)
        task_state.save()
        task_submitted.send(sender=task_state.__class__, instance=task_state, user=user)
        return task_state

    def _in_groups(self, user, relation: str) -> bool:
        cache = user.__dict__.setdefault("_named_reviewer_checks", {})
        key = (self.pk, relation)
        if key not in cache:
            cache[key] = getattr(self, relation).filter(pk__in=user.groups.values("pk")).exists()
        return cache[key]

    def can_act(self, task_state, user) -> bool:
        """The rule of this step: the named reviewer, an override member, or (when no one
        is named) any member of the reviewer groups."""
        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser or self._in_groups(user, "override_groups"):
            return True
        reviewer_id = getattr(task_state, "reviewer_id", None)
        if reviewer_id is not None:
            return reviewer_id == user.pk
        return self._in_groups(user, "reviewer_groups")

    def _current_state(self, obj):
        state = obj.current_workflow_task_state
        if state is None or state.task_id != self.pk:
            return None
        return state.specific

    def user_can_access_editor(self, obj, user):
        state = self._current_state(obj)
        return bool(state and self.can_act(state, user))

    def locked_for_user(self, obj, user):
        state = self._current_state(obj)
        return not (state and self.can_act(state, user))

    def user_can_lock(self, obj, user):
        return self.user_can_access_editor(obj, user)

    def step_actions(self, obj, user) -> list:
        state = self._current_state(obj)
        if not (state and self.can_act(state, user)):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        # Views check get_actions first; this guards any other caller too.
        if not self.can_act(task_state.specific, user):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # A plain TaskState queryset: Wagtail ORs these across task types.
        states = TaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or self._in_groups(user, "override_groups"):
            return states
        named = models.Q(namedreviewertaskstate__reviewer=user)
        if self._in_groups(user, "reviewer_groups"):
            named |= models.Q(namedreviewertaskstate__reviewer__isnull=True)
        return states.filter(named)


class NamedReviewerTaskState(TaskState):
    """The state of a named-reviewer step, with who was named when it started."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="named_review_states",
    )

    class Meta:
        verbose_name = _("named reviewer step state")
        verbose_name_plural = _("named reviewer step states")


NamedReviewerTask.task_state_class = NamedReviewerTaskState


class StepReminder(models.Model):
    """The overdue reminder sent for one pipeline step: at most one per task state."""

    task_state = models.OneToOneField(
        TaskState, on_delete=models.CASCADE, related_name="overdue_reminder"
    )
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("overdue step reminder")
        verbose_name_plural = _("overdue step reminders")

    def __str__(self) -> str:
        return f"{self.task_state_id} @ {self.sent_at:%Y-%m-%d %H:%M}"
