"""Choices used across the newsroom."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    """Newsroom roles. The label is the Django group's name: data, so written in Vietnamese."""

    EDITOR_IN_CHIEF = "editor_in_chief", "Tổng Biên tập"
    EDITOR = "editor", "Biên tập viên"
    JOURNALIST = "journalist", "Phóng viên"
    PHOTO_DESK = "photo_desk", "Ban Ảnh"
    # Not a job but a duty some editors hold: the political review step of sensitive topics.
    EDITORIAL_BOARD = "editorial_board", "Hội đồng Biên tập"


class OrganisationKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    JOURNAL = "journal", _("Journal")
    GROUP = "group", _("Enterprise group")
    CORPORATION = "corporation", _("Corporation")
    BANK = "bank", _("Bank")
    AGENCY = "agency", _("Agency or other body")


class SignatoryRole(models.TextChoices):
    SIGNATORY = "signatory", _("Signatory")
    WITNESS = "witness", _("Witness")


class PlanItemKind(models.TextChoices):
    RESEARCH = "research", _("Research articles")
    CONGRESS = "congress", _("Congress coverage")
    SEMINAR = "seminar", _("Seminar or workshop")
    CAMPAIGN = "campaign", _("Campaign promotion")
    INFORMATION = "information", _("Information exchange")
    MEETINGS = "meetings", _("Meetings")
    VOLUNTEER = "volunteer", _("Volunteer programme")
    OTHER = "other", _("Other")


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Scientific seminar")
    WORKSHOP = "workshop", _("Workshop")
    CONGRESS = "congress", _("Congress")
    MEETING = "meeting", _("Meeting")
    VOLUNTEER = "volunteer", _("Volunteer activity")
    CEREMONY = "ceremony", _("Ceremony or event")


# --- Newsroom desk: beats, log entries, assignments ------------------------------------


class BeatRole(models.TextChoices):
    EDITOR = "editor", _("Assigned editor")
    REPORTER = "reporter", _("Reporter")


class LogEntryKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    INTERVIEW = "interview", _("Interview")
    EVENT = "event", _("Event")
    BRIEFING = "briefing", _("Briefing from the Committee")
    DOCUMENT = "document", _("Document received")
    FIELD_TRIP = "field_trip", _("Field trip")
    OTHER = "other", _("Other")


class AssignmentStatus(models.TextChoices):
    """The stages an assignment goes through before a draft exists: the only ones stored."""

    PROPOSED = "proposed", _("Proposed")
    COMMISSIONED = "commissioned", _("Commissioned")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class AssignmentStage(models.TextChoices):
    """Every stage an assignment can show. The last five are read from its article page."""

    PROPOSED = AssignmentStatus.PROPOSED.value, AssignmentStatus.PROPOSED.label
    COMMISSIONED = AssignmentStatus.COMMISSIONED.value, AssignmentStatus.COMMISSIONED.label
    ACCEPTED = AssignmentStatus.ACCEPTED.value, AssignmentStatus.ACCEPTED.label
    DECLINED = AssignmentStatus.DECLINED.value, AssignmentStatus.DECLINED.label
    CANCELLED = AssignmentStatus.CANCELLED.value, AssignmentStatus.CANCELLED.label
    DRAFTING = "drafting", _("Drafting")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    SCHEDULED = "scheduled", _("Approved, scheduled")
    PUBLISHED = "published", _("Published")


class AssignmentPriority(models.IntegerChoices):
    """Lower sorts first: urgent work tops the desk."""

    URGENT = 1, _("Urgent")
    HIGH = 2, _("High")
    NORMAL = 3, _("Normal")


class PhotoNeeds(models.TextChoices):
    NONE = "none", _("No photos needed")
    ARCHIVE = "archive", _("Archive photos")
    NEW = "new", _("New photos to be taken")
    BOTH = "both", _("New and archive photos")


class DeskNotice(models.TextChoices):
    """Mails the desk sends; the log of sent ones keeps the daily run idempotent."""

    COMMISSIONED = "commissioned", _("Assignment commissioned")
    ACCEPTED = "accepted", _("Assignment accepted")
    DECLINED = "declined", _("Assignment declined")
    DUE_SOON = "due_soon", _("Due in two days")
    OVERDUE = "overdue", _("Overdue")


# --- Publication pipelines --------------------------------------------------------------


class QuorumThreshold(models.TextChoices):
    """How many members of a board step must approve before it passes."""

    ONE = "one", _("One member")
    MAJORITY = "majority", _("A majority of the members")
    ALL = "all", _("All members")
    COUNT = "count", _("A set number of members")


class QuorumDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    RETURN = "return", _("Request changes")


class ExchangeDirection(models.TextChoices):
    """Which way an exchange item went between the Committee and the Review."""

    RECEIVED = "received", _("Received from the Committee")
    SENT = "sent", _("Sent by the Review")


class ExchangeKind(models.TextChoices):
    # What the Committee sends (the programme: it supplies information and new models) ...
    BRIEFING = "briefing", _("Briefing")
    DOCUMENT = "document", pgettext_lazy("exchange item kind", "Document")
    NEW_MODELS = "new_models", _("List of new models")
    COVERAGE_REQUEST = "coverage_request", _("Request for coverage")
    # Context: Wagtail has its own "Comments" and "Document" (the editor, the library).
    COMMENT = "comment", pgettext_lazy("exchange item kind", "Comments")
    # ... and what the Review sends back.
    ARTICLE = "article", _("Published article")
    DRAFT = "draft", _("Draft for comment")
    ANSWER = "answer", _("Answer")
    INVITATION = "invitation", _("Invitation")
