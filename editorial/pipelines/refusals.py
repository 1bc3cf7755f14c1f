"""Shows a publication refusal wherever it was raised, instead of a server error.

``PublicationRefused`` comes from the article itself, so any view
that publishes (Wagtail's pipeline dialog, bulk actions, revisions, copy) may raise it.
Nothing went live, and nothing the person typed is lost: a revision saved before the
refusal stays. They get the list of problems with links, in the dialog they used or as
a message on the article's edit page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.modal_workflow import render_modal_workflow

from editorial.pipelines.checks import PublicationRefused, refusal_of


class PublicationRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublicationRefused):
            return None
        edit_url = reverse("wagtailadmin_pages:edit", args=[exception.article.pk])
        message = exception.messages[0]
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow dialog shows the html of an "action" step in place.
            return render_modal_workflow(
                request,
                "editorial/pipelines/publication_refused_modal.html",
                None,
                {"message": message, "edit_url": edit_url},
                json_data={"step": "action"},
            )
        messages.error(request, message)
        return redirect(edit_url)


def refuse_bulk_publication(request, action_type, objects, action_view):
    """``before_bulk_action``: bulk Publish of articles with problems publishes none of
    them and lists each (the article would refuse anyway, half-way through the batch)."""
    if action_type != "publish":
        return None
    pages = list(objects)
    form = getattr(action_view, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages.extend(page.get_descendants().not_live())
    refused = [refusal for refusal in map(refusal_of, pages) if refusal is not None]
    if not refused:
        return None
    for refusal in refused:
        messages.error(
            request,
            format_html("{}: {}", refusal.article.get_admin_display_title(), refusal.messages[0]),
        )
    return redirect(action_view.next_url)


def forbidden(message: str) -> HttpResponseForbidden:
    """A plain 403 that says why, for a request the person's role does not allow.

    Wagtail turns a ``PermissionDenied`` into a redirect to the dashboard; a POST that
    tries to publish without the right is refused as what it is."""
    return HttpResponseForbidden(format_html("<!doctype html><title>403</title><p>{}</p>", message))


def refuse_publish_without_permission(request, page):
    """``before_edit_page``: Wagtail quietly saves a draft when someone who may not publish
    posts the editor's Publish action; refuse it instead (journalists never publish: the
    pipeline does, ``editorial.pipelines.publishing``), so nothing they added goes live."""
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    return forbidden(_("You cannot publish this article: submit it to its pipeline for approval."))
