"""What moves an assignment along: commission, accept, decline, cancel, start draft,
and turning a beat log entry into an assignment.

Each action checks the stage in the database (row locked), refuses with a
``DeskActionError`` the views show as a message, writes Wagtail's audit log and queues
the mails. Which stage each move starts from, and who may make it, is the one table in
``editorial.desk.transitions``; the views check the who, these the stage.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

from editorial.desk import notifications, transitions
from editorial.desk.articles import article_model, byline_model, hub_page_for
from editorial.enums import AssignmentStatus, DeskNotice
from editorial.models import Assignment, Author, BeatLogEntry
from editorial.models.mixins import unique_slug
from editorial.text import person_name

# How long a new assignment made from a log entry gets by default.
DEFAULT_TURNAROUND = datetime.timedelta(days=7)


class DeskActionError(Exception):
    """An action that cannot happen in the assignment's current stage; the message says why."""


def _locked(assignment: Assignment) -> Assignment:
    return Assignment.objects.select_for_update().get(pk=assignment.pk)


def _refuse_if_drafted(assignment: Assignment) -> None:
    if assignment.article_id:
        raise DeskActionError(
            _("A draft already exists for this assignment; its stage now follows the article.")
        )


def _refuse_unless_from(name: str, assignment: Assignment) -> None:
    """The move ``name`` must start from the stored status (``transitions.TRANSITIONS``)."""
    message = transitions.refusal(name, assignment)
    if message:
        raise DeskActionError(message)


@transaction.atomic
def commission(assignment: Assignment, user) -> Assignment:
    """Give the assignment to its writer; the writer (or staff contact) is told by mail."""
    assignment = _locked(assignment)
    _refuse_if_drafted(assignment)
    _refuse_unless_from("commission", assignment)
    if assignment.responsible_user is None:
        raise DeskActionError(
            _("Choose a journalist, or an external author with a staff contact, first.")
        )
    assignment.status = AssignmentStatus.COMMISSIONED
    assignment.editor = assignment.editor or user
    assignment.commissioned_at = timezone.now()
    assignment.answered_at = None
    assignment.decline_reason = ""
    assignment.save(
        update_fields=["status", "editor", "commissioned_at", "answered_at", "decline_reason"]
    )
    log(assignment, "editorial.assignment.commission", user=user)
    notifications.notify(assignment, DeskNotice.COMMISSIONED, assignment.responsible_user)
    return assignment


@transaction.atomic
def accept(assignment: Assignment, user) -> Assignment:
    assignment = _locked(assignment)
    _refuse_if_drafted(assignment)
    _refuse_unless_from("accept", assignment)
    assignment.status = AssignmentStatus.ACCEPTED
    assignment.answered_at = timezone.now()
    assignment.save(update_fields=["status", "answered_at"])
    log(assignment, "editorial.assignment.accept", user=user)
    notifications.notify(assignment, DeskNotice.ACCEPTED, assignment.editor)
    return assignment


@transaction.atomic
def decline(assignment: Assignment, user, reason: str) -> Assignment:
    reason = (reason or "").strip()
    if not reason:
        raise DeskActionError(_("Say why you decline, so the editor can reassign it."))
    assignment = _locked(assignment)
    _refuse_if_drafted(assignment)
    _refuse_unless_from("decline", assignment)
    assignment.status = AssignmentStatus.DECLINED
    assignment.decline_reason = reason
    assignment.answered_at = timezone.now()
    assignment.save(update_fields=["status", "decline_reason", "answered_at"])
    log(assignment, "editorial.assignment.decline", user=user, data={"reason": reason})
    notifications.notify(assignment, DeskNotice.DECLINED, assignment.editor)
    return assignment


@transaction.atomic
def cancel(assignment: Assignment, user) -> Assignment:
    assignment = _locked(assignment)
    if assignment.article_id:
        raise DeskActionError(
            _(
                "A draft already exists: delete or unpublish the article page instead of "
                "cancelling the assignment."
            )
        )
    _refuse_unless_from("cancel", assignment)
    assignment.status = AssignmentStatus.CANCELLED
    assignment.save(update_fields=["status"])
    log(assignment, "editorial.assignment.cancel", user=user)
    return assignment


def byline_author_for(assignment: Assignment) -> Author:
    """The byline for the draft: the external author, or the journalist's own Author
    (created from their staff profile the first time they file)."""
    if assignment.external_author_id:
        return assignment.external_author
    user = assignment.assignee
    author = Author.objects.filter(staff_user=user).first()
    if author is not None:
        return author
    profile = getattr(user, "staff_profile", None)
    return Author.objects.create(
        full_name=(profile.full_name if profile else "") or person_name(user),
        academic_title=profile.academic_title if profile else "",
        staff_user=user,
    )


@transaction.atomic
def start_draft(assignment: Assignment, user) -> Page:
    """Create the article as a draft under the topic's hub, prefilled and linked.

    Title from the working headline, plan item, organisations from the beat, one byline;
    owned by the writer (or the external author's staff contact), so they can edit it.
    """
    assignment = _locked(assignment)
    _refuse_if_drafted(assignment)
    _refuse_unless_from("start_draft", assignment)
    hub = hub_page_for(assignment.topic)
    if hub is None:
        raise DeskActionError(
            _("The topic “%(topic)s” has no hub page yet, so the draft has nowhere to go.")
            % {"topic": assignment.topic}
        )
    owner = assignment.responsible_user
    page = article_model()(
        title=assignment.headline,
        slug=unique_slug(hub.get_children(), assignment.headline),
        live=False,
        owner=owner,
        plan_item=assignment.plan_item,
    )
    page.bylines.add(byline_model()(author=byline_author_for(assignment)))
    if assignment.beat_id:
        page.organisations = list(assignment.beat.organisations.all())
    hub.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    assignment.article = page
    assignment.save(update_fields=["article"])
    log(assignment, "editorial.assignment.start_draft", user=user, data={"page_id": page.pk})
    return page


def proposal_from_log_entry(entry: BeatLogEntry, user, topic=None) -> Assignment:
    """The assignment a log entry suggests, unsaved: headline from its first line, its
    summary as the brief, its beat and the beat's topic (unless given), due in a week.
    A journalist's proposal is theirs to write; an editor's names them as its editor."""
    from editorial.desk.permissions import is_desk_editor

    summary = entry.summary.strip()
    proposal = Assignment(
        headline=summary.splitlines()[0][:255] if summary else str(entry.beat),
        brief=entry.summary,
        topic=topic or entry.beat.topic,
        beat=entry.beat,
        source_log_entry=entry,
        due_date=timezone.localdate() + DEFAULT_TURNAROUND,
        proposed_by=user,
        status=AssignmentStatus.PROPOSED,
    )
    if is_desk_editor(user):
        proposal.editor = user
    else:
        proposal.assignee = user
    return proposal


def followed_up(entry: BeatLogEntry) -> None:
    """An assignment now answers the entry's follow-up, if it asked for one."""
    if entry.follow_up_needed and not entry.follow_up_done:
        entry.follow_up_done = True
        entry.save(update_fields=["follow_up_done"])


@transaction.atomic
def assignment_from_log_entry(entry: BeatLogEntry, user, topic=None) -> Assignment:
    """Save the log entry's proposal at once (imports and the demo; the desk opens the
    prefilled form instead, so nothing exists until the person saves)."""
    assignment = proposal_from_log_entry(entry, user, topic)
    if assignment.topic_id is None:
        raise DeskActionError(_("The beat has no programme topic: choose one for the assignment."))
    assignment.full_clean()
    assignment.save()
    log(assignment, "wagtail.create", user=user)
    followed_up(entry)
    return assignment
