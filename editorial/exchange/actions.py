"""One-step conversions of a received exchange item, as beat-log entries already have."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from editorial.enums import AssignmentStatus, ExchangeDirection, LogEntryKind
from editorial.models import Assignment, BeatLogAttachment, BeatLogEntry, ExchangeItem

DEFAULT_TURNAROUND = datetime.timedelta(days=7)

# The beat log's kind for what the Committee sent.
LOG_KIND = {"briefing": LogEntryKind.BRIEFING}


class ExchangeActionError(Exception):
    """A conversion refused, with a message for the person who asked for it."""


def _received(item: ExchangeItem) -> None:
    if item.direction != ExchangeDirection.RECEIVED:
        raise ExchangeActionError(_("Only what the Committee sent can be turned into work."))


@transaction.atomic
def log_entry_from_item(item: ExchangeItem, user) -> BeatLogEntry:
    """File the received item in the beat log: same beat, date, sender and attachments."""
    _received(item)
    if item.log_entry_id:
        raise ExchangeActionError(_("This item is already in the beat log."))
    entry = BeatLogEntry(
        beat=item.beat,
        author=user,
        kind=LOG_KIND.get(item.kind, LogEntryKind.DOCUMENT),
        date=item.date,
        summary="\n\n".join(part for part in (item.subject, item.summary) if part),
        people_met=item.sender_person,
    )
    entry.full_clean()
    entry.save()
    if item.sender_organisation_id:
        entry.organisations.add(item.sender_organisation_id)
    for attachment in item.attachments.all():
        BeatLogAttachment.objects.create(entry=entry, document_id=attachment.document_id)
    item.log_entry = entry
    item.save(update_fields=["log_entry"])
    log(entry, "wagtail.create", user=user)
    return entry


def proposal_from_item(item: ExchangeItem, user) -> Assignment:
    """The assignment a received item suggests, unsaved (the prefilled commission form):
    its subject as headline, its content as brief, its beat, plan item and topic."""
    from editorial.desk.permissions import is_desk_editor

    _received(item)
    topic = item.topic or (item.plan_item.topic if item.plan_item_id else None) or item.beat.topic
    proposal = Assignment(
        headline=item.subject[:255],
        brief=item.summary or item.subject,
        topic=topic,
        plan_item=item.plan_item,
        beat=item.beat,
        source_exchange_item=item,
        due_date=timezone.localdate() + DEFAULT_TURNAROUND,
        proposed_by=user,
        status=AssignmentStatus.PROPOSED,
    )
    if is_desk_editor(user):
        proposal.editor = user
    else:
        proposal.assignee = user
    return proposal


@transaction.atomic
def assignment_from_item(item: ExchangeItem, user) -> Assignment:
    """Save the item's proposal at once (the demo; the desk opens the prefilled form)."""
    assignment = proposal_from_item(item, user)
    if assignment.topic_id is None:
        raise ExchangeActionError(_("Choose a programme topic for the assignment."))
    assignment.full_clean()
    assignment.save()
    log(assignment, "wagtail.create", user=user)
    return assignment
