"""The admin's state-changing POSTs, each as the browser sends it, and a fingerprint of the
database to show that a refused one changed nothing.

Each ``Action`` posts one form on one of the role matrix's demo subjects
(``tests.support.admin_urls.DemoSubjects``) and says how to tell it took effect. The role
matrix runs each in a savepoint rolled back afterwards, so every action starts from the
demo state.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset

from editorial.models import Assignment
from tests.support.admin_urls import DemoSubjects
from tests.support.pipelines import edit_post_data

XHR = {"X-Requested-With": "XMLHttpRequest"}


def fingerprint() -> dict[str, object]:
    """What any of the actions below could change: pages (tree, publication, locks),
    revisions, pipeline states, photos, documents, assignments and the audit logs."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "live",
                "locked",
                "locked_by_id",
                "live_revision_id",
                "latest_revision_id",
                "has_unpublished_changes",
            )
        ),
        "revisions": Revision.objects.count(),
        "workflow states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", flat=True)),
        "documents": list(get_document_model().objects.order_by("pk").values_list("pk", flat=True)),
        "assignments": list(Assignment.objects.order_by("pk").values_list("pk", flat=True)),
        "page log": PageLogEntry.objects.count(),
        "model log": ModelLogEntry.objects.count(),
    }


def changed_keys(before: dict, after: dict) -> list[str]:
    return [key for key in before if before[key] != after[key]]


@dataclass(frozen=True)
class Action:
    """``post`` sends the request; ``done`` reads the database: did it take effect?"""

    post: Callable[[Client, DemoSubjects], object]
    done: Callable[[DemoSubjects], bool]


def _page(page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def _gone(model, pk) -> bool:
    return not model.objects.filter(pk=pk).exists()


def _editor_form(page) -> dict:
    """The article editor's POST data for ``page``. The demo's pipeline articles were
    written in code, so their bylines exist only in the revision: new rows to the form."""
    latest = page.get_latest_revision_as_object()
    saved = [{"id": b.pk, "author": b.author_id} for b in latest.bylines.all() if b.pk]
    new = [{"author": b.author_id} for b in latest.bylines.all() if not b.pk]
    return edit_post_data(page, bylines=inline_formset(saved + new, initial=len(saved)))


def _publish_with_the_form(client: Client, s: DemoSubjects):
    data = _editor_form(_page(s.in_review))
    data["action-publish"] = "Publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[s.in_review.pk]), data)


def _publish_through_the_api(client: Client, s: DemoSubjects):
    url = reverse("wagtailadmin_api:pages:action", args=[s.in_review.pk, "publish"])
    return client.post(url, json.dumps({}), content_type="application/json")


def _approve(client: Client, s: DemoSubjects):
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[s.in_review.pk, "approve", s.task_state.pk]
    )
    return client.post(url, {"comment": ""}, headers=XHR)


def _cancel_workflow(client: Client, s: DemoSubjects):
    data = _editor_form(_page(s.in_review))
    data["action-cancel-workflow"] = "Cancel workflow"
    return client.post(reverse("wagtailadmin_pages:edit", args=[s.in_review.pk]), data)


def _workflow_state(s: DemoSubjects) -> str:
    return WorkflowState.objects.get(pk=s.workflow_state.pk).status


ACTIONS: dict[str, Action] = {
    "publish (editor form)": Action(_publish_with_the_form, lambda s: _page(s.in_review).live),
    "publish (admin API)": Action(_publish_through_the_api, lambda s: _page(s.in_review).live),
    "approve the pipeline step": Action(
        _approve, lambda s: TaskState.objects.get(pk=s.task_state.pk).status == "approved"
    ),
    "cancel the pipeline": Action(
        _cancel_workflow, lambda s: _workflow_state(s) == WorkflowState.STATUS_CANCELLED
    ),
    "move": Action(
        lambda c, s: c.post(
            reverse("wagtailadmin_pages:move_confirm", args=[s.article.pk, s.other_hub.pk])
        ),
        lambda s: _page(s.article).get_parent().pk == s.other_hub.pk,
    ),
    "unpublish": Action(
        lambda c, s: c.post(reverse("wagtailadmin_pages:unpublish", args=[s.article.pk])),
        lambda s: not _page(s.article).live,
    ),
    "lock": Action(
        lambda c, s: c.post(reverse("wagtailadmin_pages:lock", args=[s.article.pk])),
        lambda s: _page(s.article).locked,
    ),
    "delete": Action(
        lambda c, s: c.post(reverse("wagtailadmin_pages:delete", args=[s.article.pk])),
        lambda s: _gone(Page, s.article.pk),
    ),
    "delete (bulk action)": Action(
        lambda c, s: c.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
            + f"?id={s.article.pk}"
        ),
        lambda s: _gone(Page, s.article.pk),
    ),
    "delete a photo": Action(
        lambda c, s: c.post(reverse("wagtailimages:delete", args=[s.image.pk])),
        lambda s: _gone(get_image_model(), s.image.pk),
    ),
    "delete a document": Action(
        lambda c, s: c.post(reverse("wagtaildocs:delete", args=[s.document.pk])),
        lambda s: _gone(get_document_model(), s.document.pk),
    ),
    "delete an assignment": Action(
        lambda c, s: c.post(reverse("desk_assignment:delete", args=[s.assignment.pk])),
        lambda s: _gone(Assignment, s.assignment.pk),
    ),
}
