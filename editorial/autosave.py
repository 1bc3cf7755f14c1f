"""An explicit save never shares a revision with autosave, so a late autosave cannot
undo it.

Wagtail 8's autosave keeps overwriting one revision of the editing session (the form
posts ``overwrite_revision_id``), and an explicit "Save draft" posts the same id and
overwrites that revision too. An autosave still in flight from before the click then
carries the older form, finds its revision still the latest, and overwrites the
explicit save: a journalist's saved tag was gone from the published article. Dropping
the id from explicit saves (anything that is not autosave's JSON request) makes each of
them a revision of its own; the late autosave no longer points at the latest revision
and is refused by Wagtail's own check ("Saving will overwrite a newer version"), which
the page that sent it, already replaced by the saved one, never shows.
"""

from __future__ import annotations

OVERWRITE_FIELD = "overwrite_revision_id"


def keep_explicit_saves_apart(request, *args) -> None:
    """``before_edit_page`` / ``before_edit_snippet``: runs before the view reads POST."""
    if request.method != "POST" or OVERWRITE_FIELD not in request.POST:
        return
    if not request.accepts("text/html"):
        return  # autosave: its JSON request keeps overwriting its own revision
    posted = request.POST.copy()
    del posted[OVERWRITE_FIELD]
    request.POST = posted
