"""Who may download a document, asked on every request for ``/documents/<id>/<name>``.

A document is public once live, public content uses it (Wagtail's reference index
records the page that links or embeds it): anyone may read it, as Wagtail serves it.
Any other document, and every beat-log attachment (briefing notes, letters: the desk's
working papers), is served only to people who may see it: for an attachment, whoever
may view one of the log entries it is filed with (the desk's own policy,
``editorial.permissions``); for anything else, whoever may work with documents in the
admin. Nobody else learns it exists: a signed-out reader is sent to the login page,
a signed-in one gets 404. What is served privately is never cached by a proxy, never
indexed, and always downloaded rather than shown inline.

``before_serve_document`` (``editorial.wagtail_hooks``) is the one door: the proxy must
not serve ``MEDIA_ROOT/documents/`` itself (README, "Security model").
"""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from editorial.media_permissions import used_by_live_content


def attachment_entries(document):
    """The beat-log entries ``document`` is filed with (a queryset of their ids)."""
    from editorial.models import BeatLogAttachment

    return BeatLogAttachment.objects.filter(document=document).values("entry_id")


def is_public(document) -> bool:
    """Anyone may read it: used by live public content and not a desk working paper."""
    return not attachment_entries(document).exists() and used_by_live_content(document)


def may_download_private(user, document) -> bool:
    """May ``user`` download a document that is not public? See the module docstring."""
    from editorial.models import BeatLogEntry

    if not (user.is_authenticated and user.is_active):
        return False
    entries = attachment_entries(document)
    if entries.exists():
        visible = policy_registry.get_by_type(BeatLogEntry).instances_user_has_permission_for(
            user, "view"
        )
        return visible.filter(pk__in=entries).exists()
    documents = policy_registry.get_by_type(get_document_model())
    return documents.user_has_any_permission(user, ["add", "change", "choose"])


def may_download(user, document) -> bool:
    return is_public(document) or may_download_private(user, document)


def private_response(document) -> HttpResponse:
    """The file as a download nobody caches or indexes.

    A plain HttpResponse, not a streaming one: Wagtail's serve view only takes a hook's
    answer if it is an HttpResponse. Uploads are capped (WAGTAILDOCS_MAX_UPLOAD_SIZE,
    10 MB), so holding one in memory is bounded.
    """
    with document.open_file() as handle:
        response = HttpResponse(handle.read(), content_type=document.content_type)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(document.filename)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_document(document, request):
    """``before_serve_document``: None lets Wagtail serve a public document; otherwise the
    file goes out from here to the people allowed, or nobody learns it is there."""
    if is_public(document):
        return None
    if not may_download_private(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        raise Http404
    return private_response(document)
