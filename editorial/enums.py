"""Choices used across the newsroom."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Newsroom roles. The label is the Django group's name: data, so written in Vietnamese."""

    EDITOR_IN_CHIEF = "editor_in_chief", "Tổng Biên tập"
    EDITOR = "editor", "Biên tập viên"
    JOURNALIST = "journalist", "Phóng viên"
    PHOTO_DESK = "photo_desk", "Ban Ảnh"


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
