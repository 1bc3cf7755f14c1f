"""Programme events: seminars, congresses, meetings and volunteer trips the plan promises."""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from editorial.enums import EventKind


class ProgrammeEventQuerySet(models.QuerySet):
    def held(self, now=None):
        """Events that took place: started, and not cancelled."""
        return self.filter(starts_at__lte=now or timezone.now(), cancelled=False)


class ProgrammeEvent(index.Indexed, models.Model):
    """An event under the programme; a held event counts towards its plan item."""

    title = models.CharField(_("title"), max_length=255, help_text=_("Name of the event."))
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts at"), help_text=_("Date and time it opens."))
    ends_at = models.DateTimeField(
        _("ends at"), null=True, blank=True, help_text=_("Leave blank for a one-session event.")
    )
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("e.g. Hà Nội."))
    topic = models.ForeignKey(
        "editorial.ProgrammeTopic",
        verbose_name=_("topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    plan_item = models.ForeignKey(
        "editorial.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("The plan item this event fulfils, if any."),
    )
    organisations = models.ManyToManyField(
        "editorial.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="events",
        help_text=_("Bodies that organise or take part."),
    )
    description = models.TextField(_("description"), blank=True)
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("A cancelled event no longer counts.")
    )

    objects = ProgrammeEventQuerySet.as_manager()

    search_fields: ClassVar[list] = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["starts_at"]
        verbose_name = _("programme event")
        verbose_name_plural = _("programme events")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
