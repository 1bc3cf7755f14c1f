"""Meetings between the two bodies, and the invitations each sent the other.

The 2020 plan: "invite each other's representatives to relevant meetings". A meeting is
hosted by one side; its invitations say who was invited from the other side (or from
elsewhere) and whether they came; it records what was decided and the follow-ups
assigned, each with a person and a date. Linked to the programme event it was (if any)
and the plan item it served. Edited in the programme menu like events.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index


class Meeting(index.Indexed, ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"), default=datetime.date.today)
    host = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="hosted_meetings",
        help_text=_("The body that called the meeting and sent the invitations."),
    )
    event = models.ForeignKey(
        "editorial.ProgrammeEvent",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    plan_item = models.ForeignKey(
        "editorial.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    decisions = models.TextField(
        _("decisions"), blank=True, help_text=_("What was agreed, one point per line.")
    )

    search_fields: ClassVar[list] = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("decisions"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.title}"

    def clean(self) -> None:
        super().clean()
        event = getattr(self, "event", None)
        if (
            event
            and self.date
            and event.starts_at
            and timezone.localdate(event.starts_at) != self.date
        ):
            raise ValidationError({"date": _("The meeting's date is its event's day.")})


class MeetingInvitation(Orderable):
    """Who the host invited, from which body, and whether they came."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("invited body"),
        on_delete=models.PROTECT,
        related_name="meeting_invitations",
    )
    person = models.CharField(_("invited"), max_length=255, help_text=_("Name and position."))
    attended = models.BooleanField(_("attended"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})"


class MeetingFollowUp(Orderable):
    """A follow-up the meeting assigned: what, to whom, by when, and whether it is done."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("follow-up"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_follow_ups",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.action
