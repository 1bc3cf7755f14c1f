"""The exchange ledger: every item that passes between the Committee and the Review.

The programme is two-way: the Committee supplies briefings, documents and lists of new
models and asks for coverage; the Review sends back articles, drafts for comment, answers
and invitations. Each item is filed on a beat (so the journalists following it see it),
serves a plan item or topic, and says what it led to: a beat-log entry, an assignment,
an article, or a reply (another item whose ``in_reply_to`` points here).

How long the Review took to answer is never stored: ``ExchangeItemQuerySet.with_response``
derives it from the first reply and the first commissioned assignment. The conversions
and the admin live in ``editorial.exchange``.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce, Least, TruncDate
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from editorial.enums import ExchangeDirection, ExchangeKind
from editorial.models.assignments import Assignment
from editorial.models.beats import attachment_max_size

# The kinds that wait for an answer from the Review: an open one shows how long it has waited.
REQUEST_KINDS = (ExchangeKind.COVERAGE_REQUEST, ExchangeKind.COMMENT, ExchangeKind.BRIEFING)


def allowed_extensions() -> list[str]:
    """The file types Wagtail's own document upload accepts, shared with it."""
    return [ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]


class ExchangeItemQuerySet(models.QuerySet):
    def with_response(self) -> ExchangeItemQuerySet:
        """Annotate ``answered_on``: the first reply's date or the day an assignment from
        this item was first commissioned, whichever came first (None while unanswered).

        ``Least`` skips NULLs on PostgreSQL but not on SQLite, hence the Coalesce pair."""
        first_reply = Subquery(
            ExchangeItem.objects.filter(in_reply_to=OuterRef("pk"))
            .order_by()
            .values("in_reply_to")
            .annotate(first=Min("date"))
            .values("first")[:1],
            output_field=models.DateField(),
        )
        commissioned = Subquery(
            Assignment.objects.filter(
                source_exchange_item=OuterRef("pk"), commissioned_at__isnull=False
            )
            .order_by("commissioned_at")
            .annotate(day=TruncDate("commissioned_at"))
            .values("day")[:1],
            output_field=models.DateField(),
        )
        return self.annotate(_reply=first_reply, _commissioned=commissioned).annotate(
            answered_on=Least(
                Coalesce(F("_reply"), F("_commissioned")),
                Coalesce(F("_commissioned"), F("_reply")),
            )
        )

    def open_requests(self) -> ExchangeItemQuerySet:
        return (
            self.with_response()
            .filter(direction=ExchangeDirection.RECEIVED, kind__in=REQUEST_KINDS)
            .filter(answered_on__isnull=True)
        )


class ExchangeItem(ClusterableModel):
    """One item sent or received under the programme, with what it led to."""

    direction = models.CharField(_("direction"), max_length=16, choices=ExchangeDirection.choices)
    kind = models.CharField(_("kind"), max_length=32, choices=ExchangeKind.choices)
    date = models.DateField(
        _("date"), default=datetime.date.today, help_text=_("The day it was sent or received.")
    )
    subject = models.CharField(pgettext_lazy("exchange item", "subject"), max_length=255)
    summary = models.TextField(
        _("content"), blank=True, help_text=_("What it says or asks, in a few sentences.")
    )
    beat = models.ForeignKey(
        "editorial.Beat",
        verbose_name=_("beat"),
        on_delete=models.PROTECT,
        related_name="exchange_items",
        help_text=_("The beat it belongs to: whoever follows the beat sees it."),
    )
    sender_organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("sender"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sender_person = models.CharField(
        _("sent by"), max_length=255, blank=True, help_text=_("Name and position.")
    )
    recipient_organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient_person = models.CharField(
        _("addressed to"), max_length=255, blank=True, help_text=_("Name and position.")
    )
    plan_item = models.ForeignKey(
        "editorial.PlanItem",
        verbose_name=_("plan item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_items",
    )
    topic = models.ForeignKey(
        "editorial.ProgrammeTopic",
        verbose_name=_("programme topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_items",
    )
    # What it led to. A reply points at the item it answers; the log entry is filled in by
    # the one-step conversion (editorial.exchange.actions), and assignments point back
    # here themselves (``Assignment.source_exchange_item``, read as ``assignments``).
    in_reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
    )
    log_entry = models.ForeignKey(
        "editorial.BeatLogEntry",
        verbose_name=_("beat log entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_items",
        editable=False,
    )
    article = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="exchange_items",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ExchangeItemQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list] = ["-date", "-pk"]
        verbose_name = _("exchange item")
        verbose_name_plural = _("exchange ledger")
        permissions: ClassVar[list] = [
            ("view_all_exchangeitem", _("Can see and edit every exchange item")),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.subject}"

    @property
    def counterpart_field(self) -> str:
        """The Committee's side of the item: who sent it, or whom the Review sent it to."""
        if self.direction == ExchangeDirection.SENT:
            return "recipient_organisation"
        return "sender_organisation"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.direction and not getattr(self, f"{self.counterpart_field}_id"):
            errors[self.counterpart_field] = (
                _("Say which organisation sent it.")
                if self.direction == ExchangeDirection.RECEIVED
                else _("Say which organisation it was sent to.")
            )
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("The ledger records what has passed; the date cannot be ahead.")
        if self.in_reply_to_id and self.in_reply_to_id == self.pk:
            errors["in_reply_to"] = _("An item cannot answer itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_request(self) -> bool:
        return self.direction == ExchangeDirection.RECEIVED and self.kind in REQUEST_KINDS

    @property
    def response_days(self) -> int | None:
        """Days from receipt to the first answer (needs ``with_response``)."""
        answered = getattr(self, "answered_on", None)
        if self.direction != ExchangeDirection.RECEIVED or answered is None:
            return None
        return (answered - self.date).days

    @property
    def waiting_days(self) -> int | None:
        """Days an unanswered request has waited so far (needs ``with_response``)."""
        if not self.is_request or getattr(self, "answered_on", None) is not None:
            return None
        return (timezone.localdate() - self.date).days


class ExchangeAttachment(Orderable):
    """A document filed with an exchange item, bounded as the beat log's attachments are."""

    item = ParentalKey(ExchangeItem, on_delete=models.CASCADE, related_name="attachments")
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
        if document is None:
            return
        extension = document.file_extension.lower()
        if allowed_extensions() and extension not in allowed_extensions():
            raise ValidationError(
                {
                    "document": _("“%(title)s” is a .%(ext)s file; attach one of: %(allowed)s.")
                    % {
                        "title": document.title,
                        "ext": extension,
                        "allowed": ", ".join(allowed_extensions()),
                    }
                }
            )
        limit = attachment_max_size()
        size = document.get_file_size()
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
