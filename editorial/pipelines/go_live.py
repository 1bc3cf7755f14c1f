"""Scheduled go-live that still checks: a photo can lose its credit after sign-off.

Wagtail's ``publish_scheduled`` publishes every revision whose approved time has come;
the article would refuse one with problems (``coverage.publication``) and stop the
command half-way. Before it runs, the scheduler withholds such revisions: the schedule
is cleared (the approval is not), the audit log records why, and whoever scheduled it
and the writers are mailed the problems. Fixing them and publishing again is the way on.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from editorial.mail_tasks import enqueue_mail, mail_task, send_one

logger = logging.getLogger(__name__)

WITHHELD = "editorial.publication_withheld"


def withhold_unpublishable_due() -> int:
    """Clear the schedule of due revisions that may not go live; returns how many."""
    withheld = 0
    due = Revision.page_revisions.filter(approved_go_live_at__lt=timezone.now())
    for revision in due.order_by("approved_go_live_at"):
        article = revision.as_object()
        if not hasattr(article, "get_publication_problems"):
            continue
        problems = article.get_publication_problems()
        if not problems:
            continue
        with transaction.atomic():
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            log(
                instance=article,
                action=WITHHELD,
                revision=revision,
                data={"problems": [problem.message for problem in problems]},
            )
            # One mail task per person, queued with the withholding it reports.
            for recipient in sorted(_recipients(revision), key=lambda user: user.pk):
                enqueue_mail(send_withheld_mail, revision_id=revision.pk, recipient_id=recipient.pk)
        logger.warning("Scheduled publication withheld: %s (%s)", article, revision.pk)
        withheld += 1
    return withheld


def _recipients(revision) -> set:
    from editorial.pipelines.notifications import writers_of

    scheduled = (
        PageLogEntry.objects.filter(revision=revision, action="wagtail.publish.schedule")
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    people = {scheduled.user if scheduled else None, revision.user}
    state = revision.content_object.workflow_states.order_by("-created_at").first()
    if state is not None:
        people |= writers_of(state)
    return {user for user in people - {None} if user.is_active and user.email}


@mail_task(label=_("Scheduled publication withheld"))
def send_withheld_mail(revision_id: int, recipient_id: int) -> bool:
    """Tell one person behind a withheld go-live what to fix; False if it no longer applies.

    Safe to repeat, as every mail task (``editorial.mail_tasks``): one mail, sent last."""
    revision = Revision.page_revisions.filter(pk=revision_id).first()
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if revision is None or recipient is None or not recipient.email:
        return False
    article = revision.as_object()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "page": article,
        "problems": article.get_publication_problems(),
        "edit_url": base + reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "recipient": recipient,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("editorial/emails/publication_withheld_subject.txt", context)
        body = render_to_string("editorial/emails/publication_withheld.txt", context)
    send_one(" ".join(subject.split()), body, recipient.email)
    return True
