"""Who may download a document, asked on every request for ``/documents/<id>/<name>``.

A document is public once live, public content uses it (Wagtail's reference index
records the page that links or embeds it): anyone may read it, as Wagtail serves it.
Any other document, and every beat-log attachment (briefing notes, letters: the desk's
working papers), is served only to people who may see it: for an attachment, whoever
may view one of the log entries it is filed with (the desk's own policy,
``editorial.desk.permissions``); for anything else, whoever may work with documents in the
admin. Nobody else learns it exists: a signed-out reader is sent to the login page,
a signed-in one gets 404. What is served privately is never cached by a proxy, never
indexed, and always downloaded rather than shown inline.

``before_serve_document`` (``editorial.wagtail_hooks``) is the one door: the proxy must
not serve ``MEDIA_ROOT/documents/`` itself (README, "Security model").

A document's key is sequential, so its file name is what makes the address unguessable:
every uploaded file is stored under its own name plus a random token
(``name_files_unguessably``), and Wagtail's serve view answers 404 when the name in the
address is not the document's. Whoever was given the link can use it; nobody can walk
``/documents/1/``, ``/documents/2/``... to find the working papers.
"""

from __future__ import annotations

import os
import secrets
from urllib.parse import quote

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from editorial.media_permissions import used_by_live_content

# 16 URL-safe characters (96 bits); the stem is shortened so the stored name fits the
# file field's 100 characters and Django never truncates the token away.
TOKEN_BYTES = 12
STEM_LENGTH = 50


def unguessable_name(name: str) -> str:
    """``"Biên bản.pdf"`` → ``"Biên bản.<token>.pdf"`` (the storage makes it file-safe)."""
    stem, extension = os.path.splitext(os.path.basename(name))
    return f"{stem[:STEM_LENGTH]}.{secrets.token_urlsafe(TOKEN_BYTES)}{extension}"


def name_files_unguessably() -> None:
    """Give every document file stored from now on a token in its name.

    Django names a stored file through its field's ``generate_filename``, on every path
    that stores one (the admin's forms, the chooser's and the multiple upload, the
    beat-log form, ``file.save()`` in a script), so the token is added there. Wagtail's
    document model is not ours: its field is given the wrapper, not a new ``upload_to``,
    which would be a migration of Wagtail's app. A document saved again keeps its file
    and its address. Called from ``EditorialConfig.ready()``.
    """
    field = get_document_model()._meta.get_field("file")
    if getattr(field.generate_filename, "adds_token", False):
        return
    original = field.generate_filename

    def generate_filename(instance, filename):
        return original(instance, unguessable_name(filename))

    generate_filename.adds_token = True
    field.generate_filename = generate_filename


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
