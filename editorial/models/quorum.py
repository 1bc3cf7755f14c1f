"""A board step that decides by quorum: the editorial board's political review.

Wagtail's group approval passes on the first member's click. Here each member records a
vote (approve or request changes) with a written rationale, kept as a ``QuorumVote`` on
the task state and in the article's history (audit log). The step passes through
Wagtail's own approval (``Task.on_action(..., "approve")``) only once enough members
approved; until then it stays in progress.

Rejection policy: the first member who requests changes returns the article (a single
objection is enough for a political review; the rationale goes to the writers). The
editor-in-chief (whoever may publish the article directly) can pass the step without
waiting for the quorum; that is recorded as an override.

Who counts as a member: active users of the step's groups, less the article's writers
(who may not review their own work), counted when a vote is cast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, TaskState

from editorial.enums import QuorumDecision, QuorumThreshold
from editorial.models.pipelines import PipelineStepMixin, TimedStepMixin
from editorial.pipelines.authorship import may_override, writer_ids
from editorial.pipelines.sign_off import APPROVE_AND_SCHEDULE, ScheduleApprovalForm

# The editor-in-chief passes the step without waiting for the quorum.
OVERRIDE_ACTION = "quorum_override"

# Audit-log actions (registered in editorial.wagtail_hooks).
QUORUM_VOTE = "editorial.pipeline.quorum_vote"
QUORUM_OVERRIDE = "editorial.pipeline.quorum_override"


class RationaleForm(TaskStateCommentForm):
    """A board member's vote: the rationale is required."""

    comment = forms.CharField(
        label=_("Rationale"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Required: your reasons are kept in the article's history."),
    )

    def clean_comment(self) -> str:
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Write the reasons for your decision."))
        return comment


def votes_needed(threshold: str, required_count: int, members: int) -> int:
    """Approvals that pass the step, given how many members may vote (at least one)."""
    if threshold == QuorumThreshold.ONE:
        needed = 1
    elif threshold == QuorumThreshold.ALL:
        needed = members
    elif threshold == QuorumThreshold.COUNT:
        needed = min(required_count, members)
    else:
        needed = members // 2 + 1
    return max(needed, 1)


@dataclass
class Tally:
    members: int
    needed: int
    votes: list = field(default_factory=list)

    @property
    def approvals(self) -> int:
        return sum(1 for vote in self.votes if vote.decision == QuorumDecision.APPROVE)

    @property
    def passed(self) -> bool:
        return self.approvals >= self.needed


class QuorumTask(PipelineStepMixin, TimedStepMixin, AbstractGroupApprovalTask):
    """Members of the chosen groups vote; the step passes at the threshold."""

    threshold = models.CharField(
        _("approvals needed"),
        max_length=16,
        choices=QuorumThreshold.choices,
        default=QuorumThreshold.MAJORITY,
        help_text=_(
            "How many members must approve, each with a written rationale, before the "
            "step passes. The first member to request changes returns the article."
        ),
    )
    required_count = models.PositiveSmallIntegerField(
        _("number of members"),
        default=2,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Used with “a set number of members”; never more than the members who may vote."
        ),
    )

    admin_form_fields: ClassVar[list] = [
        *AbstractGroupApprovalTask.admin_form_fields,
        "threshold",
        "required_count",
        "allowance",
    ]

    class Meta:
        verbose_name = _("board step decided by quorum")
        verbose_name_plural = _("board steps decided by quorum")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups each approve or request changes with a rationale; "
            "the step passes when enough approve, and the first request for changes returns it."
        )

    # --- Who votes, and the count ---------------------------------------------------------

    @cached_property
    def member_ids(self) -> set[int]:
        """Active members of the step's groups (writers not yet taken out)."""
        from django.contrib.auth import get_user_model

        return set(
            get_user_model()
            .objects.filter(groups__in=self.groups.all(), is_active=True)
            .values_list("pk", flat=True)
        )

    def voter_ids(self, page) -> set[int]:

        return self.member_ids - writer_ids(page)

    def tally(self, task_state, page, votes=None) -> Tally:
        members = len(self.voter_ids(page))
        if votes is None:
            votes = list(
                QuorumVote.objects.filter(task_state_id=task_state.pk)
                .select_related("user")
                .order_by("created_at", "pk")
            )
        return Tally(
            members=members,
            needed=votes_needed(self.threshold, self.required_count, members),
            votes=votes,
        )

    def may_vote(self, task_state, user, page) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if user.pk not in self.voter_ids(page):
            return False
        # A listing may have loaded the step's votes already (the dashboard's review queue).
        loaded = getattr(task_state, "quorum_votes_loaded", None)
        if loaded is not None:
            return all(vote.user_id != user.pk for vote in loaded)
        return not QuorumVote.objects.filter(task_state_id=task_state.pk, user=user).exists()

    # --- Wagtail's task API ----------------------------------------------------------------

    def _current_state(self, obj):
        state = getattr(obj, "current_workflow_task_state", None)
        if state is None or state.task_id != self.pk:
            return None
        return state

    def step_actions(self, obj, user) -> list:

        state = self._current_state(obj)
        if state is None:
            return []
        actions = []
        if self.may_vote(state, user, obj):
            actions += [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), True),
            ]
        if may_override(user, obj):
            actions.append((OVERRIDE_ACTION, _("Pass without waiting for the quorum"), True))
        return actions

    def get_form_for_action(self, action):

        if action == APPROVE_AND_SCHEDULE:
            return type("ScheduleVoteForm", (RationaleForm, ScheduleApprovalForm), {})
        if action in ("approve", "reject"):
            return RationaleForm
        return TaskStateCommentForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # Once a member has voted the step no longer awaits their review.
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(
            pk__in=QuorumVote.objects.filter(user_id=user.pk).values("task_state_id")
        )

    def get_template_for_action(self, action):
        return "editorial/pipelines/quorum_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        from wagtail.log_actions import log

        page = task_state.workflow_state.content_object.specific
        if action_name == OVERRIDE_ACTION:
            if not may_override(user, page):
                raise PermissionDenied
            tally = self.tally(task_state, page)
            with transaction.atomic():
                log(
                    instance=page,
                    action=QUORUM_OVERRIDE,
                    user=user,
                    revision=task_state.revision,
                    data={
                        "task": self.name,
                        "task_state_id": task_state.pk,
                        "approvals": tally.approvals,
                        "needed": tally.needed,
                        "comment": kwargs.get("comment", ""),
                    },
                )
                return super().on_action(task_state, user, "approve", **kwargs)
        if action_name not in ("approve", "reject", APPROVE_AND_SCHEDULE):
            raise PermissionDenied
        rationale = (kwargs.get("comment") or "").strip()
        if not rationale:
            raise PermissionDenied  # the form requires it; this guards any other caller
        kwargs["comment"] = rationale
        decision = QuorumDecision.RETURN if action_name == "reject" else QuorumDecision.APPROVE
        with transaction.atomic():
            # One vote at a time per step, so two last votes cannot both pass it.
            locked = TaskState.objects.select_for_update().get(pk=task_state.pk)
            if locked.status != TaskState.STATUS_IN_PROGRESS:
                raise PermissionDenied
            task_state.__dict__.pop("quorum_votes_loaded", None)  # read them again
            if not self.may_vote(task_state, user, page):
                raise PermissionDenied  # not a member, a writer, or has voted already
            vote = QuorumVote.objects.create(
                task_state_id=task_state.pk, user=user, decision=decision, rationale=rationale
            )
            tally = self.tally(task_state, page)
            log(
                instance=page,
                action=QUORUM_VOTE,
                user=user,
                revision=task_state.revision,
                data={
                    "task": self.name,
                    "task_state_id": task_state.pk,
                    "decision": decision.value,
                    "approvals": tally.approvals,
                    "needed": tally.needed,
                    "members": tally.members,
                    "comment": vote.rationale,
                },
            )
            if decision == QuorumDecision.RETURN:
                return super().on_action(task_state, user, "reject", **kwargs)
            if tally.passed:
                return super().on_action(task_state, user, action_name, **kwargs)
        return None


class QuorumVote(models.Model):
    """One member's decision at one quorum step, with their reasons."""

    task_state = models.ForeignKey(
        TaskState,
        verbose_name=_("step"),
        on_delete=models.CASCADE,
        related_name="quorum_votes",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="quorum_votes",
    )
    decision = models.CharField(_("decision"), max_length=16, choices=QuorumDecision.choices)
    rationale = models.TextField(_("rationale"))
    created_at = models.DateTimeField(_("cast at"), auto_now_add=True)

    class Meta:
        verbose_name = _("board vote")
        verbose_name_plural = _("board votes")
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["task_state", "user"], name="editorial_quorum_vote_once_per_step"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_state_id} {self.user_id}: {self.decision}"
