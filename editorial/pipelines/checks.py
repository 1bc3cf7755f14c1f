"""Publication checks at a pipeline's last step.

The article refuses to go live with problems (``coverage.publication``, enforced in
``ArticlePage.save``). Here the last step asks first, so an approval that would publish,
or schedule, an article with problems is refused before the step is marked approved;
the refusal is shown by ``editorial.pipelines.refusals``. Nothing is kept on the task:
the task state being acted on says which article and which step.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from coverage.publication import refuse_unpublishable


def problems_of(obj) -> list:
    """What stops ``obj`` (its latest revision) going live; [] for pages with no checks."""
    obj = getattr(obj, "specific", obj)
    if not hasattr(obj, "get_publication_problems"):
        return []
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "revisions") else obj
    return latest.get_publication_problems()


def is_final_step(task, obj) -> bool:
    state = getattr(obj, "current_workflow_state", None)
    if state is None:
        return False
    current = state.current_task_state
    return bool(current and current.task_id == task.pk and _at_final_task(state))


def remember_final_step(workflow_state, at_final_task: bool) -> None:
    """Keep Wagtail's ``is_at_final_task`` on a workflow state whose steps a listing
    loaded in bulk (the dashboard's review queue), so the checks here do not ask again."""
    workflow_state._at_final_task = at_final_task


def _at_final_task(workflow_state) -> bool:
    if hasattr(workflow_state, "_at_final_task"):
        return workflow_state._at_final_task
    return workflow_state.is_at_final_task


def with_publication_label(task, obj, actions: list) -> list:
    """At the last step approval publishes, now or at a time picked in the same dialog
    (``editorial.pipelines.sign_off``): say so, and always open the dialog."""
    from editorial.pipelines.sign_off import APPROVE_AND_SCHEDULE

    if not is_final_step(task, obj):
        return actions
    final = [(name, label, modal) for name, label, modal in actions if name != "approve"]
    if any(name == "approve" for name, _label, _modal in actions):
        final.append(("approve", gettext_lazy("Approve and publish"), True))
        final.append((APPROVE_AND_SCHEDULE, gettext_lazy("Approve and schedule publication"), True))
    return final


def refuse_unpublishable_approval(task_state) -> None:
    """Before a last-step approval: raise ``PublicationRefused`` if the article's latest
    version may not go live (now or at its scheduled time)."""
    workflow_state = task_state.workflow_state
    if not _at_final_task(workflow_state):
        return
    obj = getattr(workflow_state.content_object, "specific", workflow_state.content_object)
    if hasattr(obj, "get_publication_problems"):
        refuse_unpublishable(obj.get_latest_revision_as_object())
