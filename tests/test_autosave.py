"""An explicit save and a late autosave: every field of the explicit save survives
(editorial.autosave)."""

import json

import pytest
from django.test import Client

from coverage.models import ArticlePage
from tests.support.pipelines import draft_article, edit_post_data, edit_url, user

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # how Wagtail's autosave posts


def first_autosave():
    """A journalist's draft open in the editor, and autosave's first revision of it."""
    article = draft_article(1)
    client = Client()
    client.force_login(user("phongvien"))
    loaded = {
        "loaded_revision_id": str(article.latest_revision_id),
        "loaded_revision_created_at": article.latest_revision.created_at.isoformat(),
    }
    first = client.post(edit_url(article), {**edit_post_data(article), **loaded}, **AUTOSAVE)
    return article, client, json.loads(first.content)["revision_id"]


def test_a_late_autosave_does_not_undo_an_explicit_save(demo):
    # Autosave while the journalist types: Wagtail's session revision.
    article, client, session_revision = first_autosave()

    # "Save draft" with a tag, from the same form (it carries the session revision id).
    saved = client.post(
        edit_url(article),
        {
            **edit_post_data(article, tags="Chuyển đổi số,"),
            "overwrite_revision_id": session_revision,
        },
    )
    assert saved.status_code == 302

    # The autosave that was already on its way, with the form as it was before the tag.
    late = client.post(
        edit_url(article),
        {**edit_post_data(article), "overwrite_revision_id": session_revision},
        **AUTOSAVE,
    )
    assert late.status_code == 400
    assert json.loads(late.content)["error_code"] == "invalid_revision"

    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [tag.name for tag in latest.tags.all()] == ["Chuyển đổi số"]


def test_autosave_still_overwrites_its_own_revision(demo):
    article, client, revision = first_autosave()
    again = client.post(
        edit_url(article),
        {**edit_post_data(article, sapo="Sapo viết tiếp."), "overwrite_revision_id": revision},
        **AUTOSAVE,
    )
    assert json.loads(again.content)["revision_id"] == revision  # one revision per session
