"""The newsroom's models, re-exported: ``from editorial.models import Organisation``."""

from editorial.models.assignments import Assignment, DeskNotification
from editorial.models.beats import Beat, BeatAssignment, BeatLogAttachment, BeatLogEntry
from editorial.models.events import ProgrammeEvent
from editorial.models.exchange import ExchangeAttachment, ExchangeItem
from editorial.models.meetings import Meeting, MeetingFollowUp, MeetingInvitation
from editorial.models.organisations import Organisation
from editorial.models.people import Author, StaffProfile
from editorial.models.pipelines import (
    NamedReviewerTask,
    NamedReviewerTaskState,
    PipelineGroupTask,
    StepReminder,
)
from editorial.models.plans import AnnualPlan, PlanItem
from editorial.models.programme import (
    Programme,
    ProgrammeParty,
    ProgrammePerson,
    ProgrammePurpose,
    ProgrammeResponsibility,
)
from editorial.models.quorum import QuorumTask, QuorumVote
from editorial.models.topics import ProgrammeTopic

__all__ = [
    "AnnualPlan",
    "Assignment",
    "Author",
    "Beat",
    "BeatAssignment",
    "BeatLogAttachment",
    "BeatLogEntry",
    "DeskNotification",
    "ExchangeAttachment",
    "ExchangeItem",
    "Meeting",
    "MeetingFollowUp",
    "MeetingInvitation",
    "NamedReviewerTask",
    "NamedReviewerTaskState",
    "Organisation",
    "PipelineGroupTask",
    "PlanItem",
    "Programme",
    "ProgrammeEvent",
    "ProgrammeParty",
    "ProgrammePerson",
    "ProgrammePurpose",
    "ProgrammeResponsibility",
    "ProgrammeTopic",
    "QuorumTask",
    "QuorumVote",
    "StaffProfile",
    "StepReminder",
]
