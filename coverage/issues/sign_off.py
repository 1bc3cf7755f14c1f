"""The editor-in-chief's sign-off of an issue's final proof, before it goes to print.

The one place it happens: the view, a script or the demo all call ``sign_off``, which
checks the role on the server, refuses an issue whose proof rounds are not finished,
records who and when (``IssueSignOff``) and writes the audit-log entry.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coverage.models import IssueSignOff, PrintIssuePage
from editorial.background_panel import is_editor_in_chief

SIGN_OFF_ACTION = "coverage.issue.sign_off"


def can_sign_off(user) -> bool:
    return is_editor_in_chief(user)


def sign_off_problems(issue: PrintIssuePage) -> list[str]:
    """Why the final proof cannot be signed yet (empty when it can)."""
    if IssueSignOff.objects.filter(issue=issue).exists():
        return [_("This issue's final proof is already signed off.")]
    rounds = list(issue.proof_rounds.all())  # the working copy's (coverage.issues.planner)
    if not rounds:
        return [_("No proof round has been run for this issue.")]
    if any(proof.completed_at is None for proof in rounds):
        return [_("Every proof round must be completed before the final sign-off.")]
    return []


@transaction.atomic
def sign_off(issue: PrintIssuePage, user) -> IssueSignOff:
    """Sign the final proof as ``user``; PermissionDenied unless editor-in-chief."""
    if not can_sign_off(user):
        raise PermissionDenied(_("Only the editor-in-chief signs off the final proof."))
    # Locked so two clicks cannot both pass the "not yet signed" check.
    from coverage.issues.planner import working_copy

    issue = PrintIssuePage.objects.select_for_update().get(pk=issue.pk)
    working = working_copy(issue)
    problems = sign_off_problems(working)
    if problems:
        raise ValidationError(problems)
    record = IssueSignOff.objects.create(issue=issue, signed_by=user)
    log(
        instance=issue,
        action=SIGN_OFF_ACTION,
        user=user,
        data={"rounds": len(working.proof_rounds.all())},
    )
    return record
