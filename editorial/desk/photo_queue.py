"""The photo desk's dashboard panel: its own work, where the newsroom's other panels
(my assignments, my beats, review steps) have nothing for it.

- assignments that ask for photos, open, by due date;
- photos in articles now in a pipeline, the uncredited or uncaptioned ones first, since
  the last step refuses an uncredited photo;
- photos missing a caption or a licence;
- photos edited in the last week (credit, caption or licence), newest first.

Each list is capped; what the panel reads is a fixed number of queries.
"""

from __future__ import annotations

import datetime
import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Revision, WorkflowState
from wagtail.permissions import policy_registry

from editorial.desk.articles import article_model
from editorial.desk.permissions import VIEW_PHOTO
from editorial.enums import PhotoNeeds
from editorial.models import Assignment
from editorial.models.assignments import OPEN_STAGES

MAX_ROWS = 10
RECENT = datetime.timedelta(days=7)


def is_photo_desk(user) -> bool:
    """The photo desk alone reads assignments for their photo needs."""
    return bool(user.is_active and not user.is_superuser and user.has_perm(VIEW_PHOTO))


class PhotoDeskPanel(Component):
    name = "photo_desk"
    template_name = "editorial/desk/photo_desk_panel.html"
    order = 50  # where "My desk" stands for the other roles

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        Image = get_image_model()
        incomplete = Image.objects.filter(Q(caption="") | Q(licence="")).order_by("-created_at")
        return {
            "assignments": list(assignments_needing_photos(self.request.user)[:MAX_ROWS]),
            "in_review": photos_in_review(),
            "incomplete": list(incomplete[:MAX_ROWS]),
            "incomplete_total": incomplete.count(),
            "recently_edited": recently_edited_photos(),
            "request": self.request,
        }


def assignments_needing_photos(user):
    # The desk's own row rule: the photo desk sees the assignments that need photos.
    visible = policy_registry.get_by_type(Assignment).instances_user_has_permission_for(
        user, "view"
    )
    return (
        visible.with_stage(timezone.localdate())
        .filter(stage__in=[stage.value for stage in OPEN_STAGES])
        .exclude(photo_needs=PhotoNeeds.NONE)
        .select_related("topic")
        .order_by("due_date", "priority", "pk")
    )


def photos_in_review() -> list[dict]:
    """(photo, article, step) for the photos the latest version of each article in a
    pipeline shows, read from the revision's stored form (no page is built)."""
    ArticlePage = article_model()

    states = list(
        WorkflowState.objects.active()
        .filter(content_type=ContentType.objects.get_for_model(ArticlePage))
        .select_related("current_task_state__task")
        .order_by("-created_at")[: MAX_ROWS * 3]
    )
    pages = {
        page.pk: page
        for page in ArticlePage.objects.filter(pk__in=[int(s.object_id) for s in states]).only(
            "pk", "title", "draft_title", "latest_revision_id"
        )
    }
    contents = dict(
        Revision.objects.filter(
            pk__in=[page.latest_revision_id for page in pages.values()]
        ).values_list("pk", "content")
    )
    used = []  # (image id, page, step)
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        task_state = state.current_task_state
        step = task_state.task.name if task_state else ""
        for image_id in _image_ids(contents.get(page.latest_revision_id, {})):
            used.append((image_id, page, step))
    images = get_image_model().objects.in_bulk({image_id for image_id, _page, _step in used})
    rows = [
        {"image": images[image_id], "page": page, "step": step}
        for image_id, page, step in used
        if image_id in images
    ]
    # What would stop the last step first: no credit, then no caption.
    rows.sort(key=lambda row: (row["image"].has_credit, bool(row["image"].caption)))
    return rows[:MAX_ROWS]


def _image_ids(content: dict) -> list[int]:
    ids = [content["hero_image"]] if content.get("hero_image") else []
    body = content.get("body") or []
    if isinstance(body, str):  # a StreamField is stored as its JSON text
        body = json.loads(body)
    for block in body:
        if block.get("type") == "image" and (block.get("value") or {}).get("image"):
            ids.append(block["value"]["image"])
    return list(dict.fromkeys(ids))  # each once, in order


def recently_edited_photos() -> list[dict]:
    Image = get_image_model()
    entries = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Image),
            action="wagtail.edit",
            timestamp__gte=timezone.now() - RECENT,
        )
        .select_related("user")
        .order_by("-timestamp")[: MAX_ROWS * 3]
    )
    images = Image.objects.in_bulk({int(entry.object_id) for entry in entries})
    rows, seen = [], set()
    for entry in entries:
        image = images.get(int(entry.object_id))
        if image is None or image.pk in seen:
            continue
        seen.add(image.pk)
        rows.append({"image": image, "entry": entry})
    return rows[:MAX_ROWS]
