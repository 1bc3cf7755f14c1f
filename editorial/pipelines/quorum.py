"""How a quorum step (``editorial.models.quorum``) shows who has decided: its votes in
the article's history, the count on the dashboard's review queue, and the list of votes
in the step's action dialog."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from editorial.enums import QuorumDecision


class QuorumVoteFormatter(LogFormatter):
    label = gettext_lazy("Board vote")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        values = {
            "task": data.get("task", ""),
            "approvals": data.get("approvals", 0),
            "needed": data.get("needed", 0),
        }
        if data.get("decision") == QuorumDecision.RETURN:
            return _("Voted to request changes at “%(task)s”") % values
        return (
            _("Voted to approve at “%(task)s” (%(approvals)s of %(needed)s approvals needed)")
            % values
        )

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


class QuorumOverrideFormatter(LogFormatter):
    label = gettext_lazy("Pass without the quorum")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _(
            "Passed “%(task)s” without waiting for the quorum (%(approvals)s of %(needed)s "
            "approvals recorded)"
        ) % {
            "task": data.get("task", ""),
            "approvals": data.get("approvals", 0),
            "needed": data.get("needed", 0),
        }

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


def progress_label(tally) -> str:
    """ "1/3 approved, 2 needed": the dashboard's status of an open quorum step."""
    return _("%(approvals)s/%(members)s approved, %(needed)s needed") % {
        "approvals": tally.approvals,
        "members": tally.members,
        "needed": tally.needed,
    }
