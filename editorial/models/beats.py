"""Beats: the areas the Review's people follow, who follows them, and what they log there.

"The Review assigns editors to follow the Committee's Party-building work" is a beat
(the Committee's Party-building work) with a beat assignment (an editor, from 5 March 2020).
Journalists record what they learn on their beats as dated log entries; an entry worth
an article becomes an assignment in one action.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from editorial.enums import BeatRole, LogEntryKind
from editorial.text import person_name

# Beat log attachments are briefing notes and scanned letters, not archives.
DEFAULT_ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024


def attachment_max_size() -> int:
    """The size limit for documents, shared with Wagtail's own upload form."""
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or DEFAULT_ATTACHMENT_MAX_SIZE


class BeatQuerySet(models.QuerySet):
    def active(self) -> BeatQuerySet:
        return self.filter(active=True)

    def followed_by(self, user, on: datetime.date | None = None) -> BeatQuerySet:
        """Beats ``user`` follows on the given day (today by default)."""
        current = BeatAssignment.objects.current(on).filter(person=user)
        return self.filter(pk__in=current.values("beat_id"))


class Beat(index.Indexed, ClusterableModel):
    """A long-lived area someone follows: the Committee's Party-building work, one
    enterprise group, or one programme topic. Editors create beats and say who follows them."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("What the beat follows, e.g. Công tác xây dựng Đảng của Đảng ủy Khối."),
    )
    topic = models.ForeignKey(
        "editorial.ProgrammeTopic",
        verbose_name=_("programme topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="beats",
        help_text=_("The content area the beat mainly feeds, if any."),
    )
    organisations = models.ManyToManyField(
        "editorial.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="beats",
        help_text=_("The bodies the beat follows, e.g. the Committee, EVN."),
    )
    description = models.TextField(
        _("scope"),
        blank=True,
        help_text=_("What is in and out of the beat, for colleagues who take it over."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick when nobody follows the beat any more; its log stays."),
    )

    objects = BeatQuerySet.as_manager()

    search_fields: ClassVar[list] = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["name"]
        verbose_name = _("beat")
        verbose_name_plural = _("beats")

    def __str__(self) -> str:
        return self.name

    @property
    def people_display(self) -> str:
        """Who follows the beat today, for listings (uses prefetched assignments)."""
        today = timezone.localdate()
        return ", ".join(
            f"{person_name(m.person)} ({m.get_role_display()})"
            for m in self.beat_assignments.all()
            if m.starts_on <= today and (m.ends_on is None or m.ends_on >= today)
        )

    def current_editor(self, on: datetime.date | None = None):
        """The assigned editor following this beat on ``on`` (today), or None."""
        membership = (
            self.beat_assignments.current(on)
            .filter(role=BeatRole.EDITOR)
            .select_related("person")
            .order_by("starts_on")
            .first()
        )
        return membership.person if membership else None


class BeatAssignmentQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> BeatAssignmentQuerySet:
        """Assignments running on ``on`` (today): started, and not ended before it."""
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)


class BeatAssignment(Orderable):
    """Who follows a beat, as what, from when to when. Edited inline on the beat."""

    beat = ParentalKey(Beat, on_delete=models.CASCADE, related_name="beat_assignments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="beat_assignments",
        help_text=_("The editor or journalist who follows the beat."),
    )
    role = models.CharField(
        _("role on the beat"),
        max_length=16,
        choices=BeatRole.choices,
        default=BeatRole.REPORTER,
        help_text=_("An assigned editor answers for the beat; reporters cover it."),
    )
    starts_on = models.DateField(
        _("from"), default=datetime.date.today, help_text=_("First day they follow the beat.")
    )
    ends_on = models.DateField(
        _("to"),
        null=True,
        blank=True,
        help_text=_("Last day; leave blank while they still follow it."),
    )

    objects = BeatAssignmentQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("beat assignment")
        verbose_name_plural = _("beat assignments")

    def __str__(self) -> str:
        return f"{self.beat}: {self.person} ({self.get_role_display()})"

    def clean(self) -> None:
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot come before the start date.")})


class BeatLogEntryQuerySet(models.QuerySet):
    def follow_ups_due(self, by: datetime.date | None = None) -> BeatLogEntryQuerySet:
        """Open follow-ups due on or before ``by`` (default: within a week)."""
        by = by or timezone.localdate() + datetime.timedelta(days=7)
        return self.filter(follow_up_needed=True, follow_up_done=False, follow_up_by__lte=by)


class BeatLogEntry(index.Indexed, ClusterableModel):
    """A dated record of what happened on a beat: a meeting, a briefing, a document.

    The journalist who writes it is its author; only they (and editors) change it.
    """

    beat = models.ForeignKey(
        Beat,
        verbose_name=_("beat"),
        on_delete=models.PROTECT,
        related_name="log_entries",
        help_text=_("One of the beats you follow."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("journalist"),
        on_delete=models.PROTECT,
        related_name="beat_log_entries",
        editable=False,
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=LogEntryKind.choices,
        default=LogEntryKind.MEETING,
        help_text=_("What sort of contact this was."),
    )
    date = models.DateField(
        _("date"), default=datetime.date.today, help_text=_("The day it happened.")
    )
    summary = models.TextField(
        _("summary"), help_text=_("What you learnt, in a few sentences; for colleagues too.")
    )
    organisations = models.ManyToManyField(
        "editorial.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="beat_log_entries",
        help_text=_("The bodies involved."),
    )
    people_met = models.TextField(
        _("people met"),
        blank=True,
        help_text=_("Names and positions, one per line, e.g. Phó Bí thư Đảng ủy Khối."),
    )
    follow_up_needed = models.BooleanField(
        _("follow-up needed"),
        default=False,
        help_text=_("Tick if something must happen next (a call, a document, an article)."),
    )
    follow_up_by = models.DateField(
        _("follow up by"),
        null=True,
        blank=True,
        help_text=_("When the follow-up is due. Required if a follow-up is needed."),
    )
    follow_up_done = models.BooleanField(
        _("follow-up done"), default=False, help_text=_("Tick once the follow-up has happened.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = BeatLogEntryQuerySet.as_manager()

    search_fields: ClassVar[list] = [
        index.SearchField("summary"),
        # The admin listing's search box autocompletes; without this Wagtail warns per query.
        index.AutocompleteField("summary"),
        index.SearchField("people_met"),
        index.FilterField("beat_id"),
        index.FilterField("author_id"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["-date", "-pk"]
        verbose_name = _("beat log entry")
        verbose_name_plural = _("beat log")
        permissions: ClassVar[list] = [
            ("view_all_beatlogentry", _("Can see and edit every beat log entry")),
        ]

    def __str__(self) -> str:
        summary = self.summary if len(self.summary) <= 60 else f"{self.summary[:59]}…"
        return f"{self.date:%d/%m/%Y} · {summary}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.follow_up_needed and not self.follow_up_by:
            errors["follow_up_by"] = _("Say by when the follow-up is needed.")
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("A log entry records what has happened; the date cannot be ahead.")
        if errors:
            raise ValidationError(errors)

    @property
    def follow_up_overdue(self) -> bool:
        return bool(
            self.follow_up_needed
            and not self.follow_up_done
            and self.follow_up_by
            and self.follow_up_by < timezone.localdate()
        )


class BeatLogAttachment(Orderable):
    """A document filed with a log entry (briefing notes, a letter), within the size limit."""

    entry = ParentalKey(BeatLogEntry, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Upload or choose a document (PDF, Word, spreadsheet, photo of a letter)."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return str(self.document)

    def clean(self) -> None:
        super().clean()
        document = getattr(self, "document", None)
        limit = attachment_max_size()
        size = document.get_file_size() if document else None
        if size is not None and size > limit:
            raise ValidationError(
                {
                    "document": _("“%(title)s” is %(size)s; attachments may be at most %(limit)s.")
                    % {
                        "title": document.title,
                        "size": filesizeformat(size),
                        "limit": filesizeformat(limit),
                    }
                }
            )
