"""The assignment lifecycle before a draft exists, as one table.

Each move says where it may start from, who may make it and what to say when the stage
is wrong. The actions (``editorial.desk.actions``) check the stage against it on the
locked row, the action views check who against it (403), and the assignment card shows
a button exactly when ``available`` says so: the three can no longer disagree.

Once a draft exists the stage follows the article's pipeline, so no move here applies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from editorial.desk import permissions
from editorial.enums import AssignmentStatus

S = AssignmentStatus


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    allowed: Callable  # (user, assignment) -> bool: who may make the move
    wrong_stage: str  # says why not, with the current %(stage)s
    cancelled: str | None = None  # the message when it was cancelled (else wrong_stage)


CANCELLED = _("This assignment was cancelled.")

TRANSITIONS: dict[str, Transition] = {
    "commission": Transition(
        frozenset({S.PROPOSED, S.DECLINED}),
        permissions.can_commission,
        _("Only a proposed or declined assignment can be commissioned; this one is %(stage)s."),
        CANCELLED,
    ),
    "accept": Transition(
        frozenset({S.COMMISSIONED}),
        permissions.can_answer,
        _("Only a commissioned assignment can be accepted; this one is %(stage)s."),
        _("This assignment was cancelled; it can no longer be accepted."),
    ),
    "decline": Transition(
        frozenset({S.COMMISSIONED, S.ACCEPTED}),
        permissions.can_answer,
        _("Only a commissioned or accepted assignment can be declined; this one is %(stage)s."),
        _("This assignment was cancelled; there is nothing to decline."),
    ),
    "cancel": Transition(
        frozenset(set(S) - {S.CANCELLED}),
        permissions.can_cancel,
        "",  # from any stage but cancelled
        CANCELLED,
    ),
    "start_draft": Transition(
        frozenset({S.ACCEPTED}),
        permissions.can_start_draft,
        _("Accept the assignment before starting the draft; it is %(stage)s."),
    ),
}


def allowed(name: str, user, assignment) -> bool:
    """May ``user`` make this move on ``assignment`` at all (whatever its stage)?"""
    return TRANSITIONS[name].allowed(user, assignment)


def refusal(name: str, assignment) -> str | None:
    """Why the move cannot start from the assignment's stored status, or None if it can
    (the caller checks for an existing draft first: its message depends on the move)."""
    transition = TRANSITIONS[name]
    if assignment.status in transition.sources:
        return None
    if assignment.status == S.CANCELLED and transition.cancelled:
        return str(transition.cancelled)
    return transition.wrong_stage % {"stage": assignment.get_status_display().lower()}


def available(name: str, user, assignment) -> bool:
    """Show the button: no draft yet, a stage the move starts from, and a user who may."""
    return (
        assignment.article_id is None
        and assignment.status in TRANSITIONS[name].sources
        and allowed(name, user, assignment)
    )
