"""Notices on published articles: corrections, clarifications and updates readers see.

A notice is part of the article (a child of its revisions, edited in the article's own
"Corrections and updates" panel), so it goes live only with the revision that carries
it, through the topic's pipeline: nobody publishes one alone. When that revision goes
live, ``record_publication`` stamps the notice with it and the moment, once: that is the
notice's date for readers ("Cập nhật ngày …"), in the feed and in the JSON-LD.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from coverage.enums import NoticeKind

NOTICE_MAX_LENGTH = 2000


class ArticleNotice(Orderable):
    """One dated notice at the top of an article, newest first for readers."""

    page = ParentalKey("coverage.ArticlePage", on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=NoticeKind.choices,
        default=NoticeKind.CORRECTION,
        help_text=_(
            "Correction: something we got wrong. Clarification: something unclear. "
            "Update: something new since publication."
        ),
    )
    text = models.TextField(
        _("notice"),
        max_length=NOTICE_MAX_LENGTH,
        help_text=_(
            "What changed and why, as readers will read it at the top of the article. "
            "It appears when this version of the article is published."
        ),
    )
    # Recorded when the revision carrying the notice first goes live; never edited.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("published with"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    panels: ClassVar[list] = [FieldPanel("kind"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes: ClassVar[list] = [models.Index(fields=["-published_at"], name="notice_published")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class ArticleNoticesMixin:
    """What an article tells readers of its notices."""

    @cached_property
    def live_notices(self) -> list:
        """Published notices, newest first (from a prefetch when there is one)."""
        notices = [notice for notice in self.notices.all() if notice.published_at]
        return sorted(notices, key=lambda notice: notice.published_at, reverse=True)

    @property
    def updated_at(self):
        """When readers were last told of a change: the newest notice's publication."""
        notices = self.live_notices
        return notices[0].published_at if notices else None


def keep_recorded(article) -> None:
    """Before the article's rows are written: a revision saved before a notice went live
    carries it unstamped; keep the stamp the row already has."""
    notices = [notice for notice in article.notices.all() if notice.pk]
    if not notices:
        return
    stamps = {
        row["pk"]: row
        for row in ArticleNotice.objects.filter(
            pk__in=[n.pk for n in notices], page_id=article.pk, published_at__isnull=False
        ).values("pk", "revision_id", "published_at")
    }
    for notice in notices:
        stamp = stamps.get(notice.pk)
        if stamp:
            notice.revision_id = stamp["revision_id"]
            notice.published_at = stamp["published_at"]


def record_publication(sender, instance, revision=None, **kwargs) -> None:
    """``page_published``: stamp the notices this revision put live for the first time."""
    ArticleNotice.objects.filter(page_id=instance.pk, published_at__isnull=True).update(
        revision=revision, published_at=timezone.now()
    )
