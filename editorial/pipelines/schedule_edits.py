"""Setting a time is not an edit: saving only the schedule keeps the pipeline's approvals.

With ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` every new revision makes earlier
approvals count for nothing, which is right for a changed text. But the editor-in-chief
signs off by choosing the publication time (saved as a revision) and then approving:
Wagtail counted the saved time as an edit and sent the article back to the first step.
When a new revision differs from the one before only in its schedule (and Wagtail's
bookkeeping), the approvals so far and the step in progress move to it, with Wagtail's
own ``copy_approved_task_states_to_revision``. Any other change follows the pipeline's
re-approval rule as before.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder

# Revision content that is not the article: the schedule and Wagtail's own bookkeeping.
NOT_CONTENT = frozenset(
    {
        "go_live_at", "expire_at", "latest_revision", "latest_revision_created_at",
        "has_unpublished_changes", "draft_title", "live", "live_revision", "expired",
        "first_published_at", "last_published_at", "locked", "locked_at", "locked_by",
        "wagtail_admin_comments", "comments",
    }
)  # fmt: skip


def as_stored(content: dict) -> dict:
    """A new revision's content as the database gives it back: in memory a date and time
    field (the embargo) is still a datetime, stored it is ISO text."""
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))


def only_schedule_changed(before: dict, after: dict) -> bool:
    keys = (set(before) | set(after)) - NOT_CONTENT
    return all(before.get(key) == after.get(key) for key in keys)


def revision_saved(sender, instance, created, **kwargs) -> None:
    """``post_save`` of Wagtail's Revision (connected in ``PipelinesConfig.ready``)."""
    if not created or instance.base_content_type_id is None:
        return
    obj = instance.content_object
    state = getattr(obj, "current_workflow_state", None)
    if state is None or state.current_task_state is None:
        return
    reviewed = state.current_task_state.revision
    if reviewed is None or reviewed.pk == instance.pk:
        return
    if not only_schedule_changed(reviewed.content, as_stored(instance.content)):
        return
    state.copy_approved_task_states_to_revision(instance)
    type(state.current_task_state).objects.filter(pk=state.current_task_state.pk).update(
        revision=instance
    )
