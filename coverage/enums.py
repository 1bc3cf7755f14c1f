"""Choices of the reader site's models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssueKind(models.TextChoices):
    MONTHLY = "monthly", _("Monthly issue")
    THEMATIC = "thematic", _("Thematic issue")


class IssueStatus(models.TextChoices):
    """Where an issue stands; derived (see PrintIssuePage.status), never stored."""

    PLANNING = "planning", _("Planning")
    IN_PROOF = "in_proof", _("In proof")
    PRINTED = "printed", _("Printed")
    ONLINE = "online", _("Online")


class IssueSection(models.TextChoices):
    """The journal's standing sections, in the order they print."""

    STUDIES = "studies", "Nghiên cứu – Trao đổi"
    PRACTICE = "practice", "Thực tiễn – Kinh nghiệm"
    WORLD = "world", "Thế giới: Vấn đề và sự kiện"
    EVENTS = "events", "Sự kiện – Tư liệu"


class NoticeKind(models.TextChoices):
    """What a notice on a published article tells readers."""

    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")
