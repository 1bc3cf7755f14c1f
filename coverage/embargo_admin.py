"""Lifting an embargo early: the editor-in-chief publishes the approved version now.

The button sits in the article's header menu for whoever holds ``BREAK_EMBARGO``; the
view checks it again on the server (403 for editors). The approved version is the one
the pipeline scheduled for the embargo time (or, if some back door made the article
live, the live one): a copy of it without the embargo and the schedule is saved as a new
revision and published at once, through Wagtail's own publish (which drops the old
schedule). The audit log records who lifted which embargo, in the page's history.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.models import Page

from coverage.embargo import BREAK_EMBARGO, EMBARGO_BROKEN, under_embargo
from editorial.pipelines.refusals import forbidden


def approved_revision(article):
    """The version the pipeline approved: scheduled, or live (None if neither)."""
    scheduled = article.scheduled_revision
    if scheduled is not None:
        return scheduled
    return article.live_revision if article.live else None


def break_embargo(request, page_id: int):
    if not request.user.has_perm(BREAK_EMBARGO):
        return forbidden(_("Only the editor-in-chief can lift an embargo."))
    article = get_object_or_404(Page, pk=page_id).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    revision = approved_revision(article)
    held = revision.as_object() if revision is not None else None
    if held is None or not under_embargo(held):
        messages.error(request, _("This article has no approved version under embargo."))
        return redirect(edit_url)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "coverage/break_embargo.html",
            {"page": article, "held": held, "edit_url": edit_url},
        )
    until = held.embargo_until
    with transaction.atomic():
        held.embargo_until = None
        held.go_live_at = None
        new_revision = held.save_revision(user=request.user, log_action=False)
        log(
            instance=held,
            action=EMBARGO_BROKEN,
            user=request.user,
            revision=new_revision,
            data={"embargo_until": until.isoformat(), "approved_revision": revision.pk},
        )
        new_revision.publish(user=request.user)
    messages.success(
        request, _("Embargo lifted: “%(title)s” is now live.") % {"title": article.title}
    )
    return redirect(edit_url)


def embargo_header_buttons(page, user, view_name, next_url=None):
    """``register_page_header_buttons``: "Lift embargo" for whoever may, while it holds."""
    if not user.has_perm(BREAK_EMBARGO) or not hasattr(page.specific_class, "embargo_until"):
        return
    revision = approved_revision(page)
    if revision is not None and under_embargo(revision.as_object()):
        yield Button(
            _("Lift embargo"),
            reverse("coverage_break_embargo", args=[page.pk]),
            icon_name="warning",
            priority=80,
        )
