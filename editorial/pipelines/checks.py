"""Publication checks at a pipeline's last step.

The article refuses to go live with problems (its rules: ``coverage.publication``,
enforced in ``ArticlePage.save``), raising ``PublicationRefused``. The pipelines reach
those rules only through the page's own methods (``get_publication_problems``,
``publication_refusal``): editorial never imports coverage. Here the last step asks first, so an approval that would publish,
or schedule, an article with problems is refused before the step is marked approved;
the refusal is shown by ``editorial.pipelines.refusals``. Nothing is kept on the task:
the task state being acted on says which article and which step.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from editorial.pipelines.sign_off import APPROVE_AND_SCHEDULE


class PublicationRefused(ValidationError):
    """A page was about to go live with problems; nothing about it went live.

    Raised by the page (``coverage.publication.refusal`` builds it, with the message
    listing each problem); shown by ``editorial.pipelines.refusals`` wherever it is raised.
    """

    def __init__(self, article, problems: list, message: str):
        self.article = article
        self.problems = problems
        super().__init__(message, code="publication_refused")


def refusal_of(obj) -> PublicationRefused | None:
    """Why ``obj`` (its latest revision) may not go live; None for pages with no checks."""
    obj = getattr(obj, "specific", obj)
    if not hasattr(obj, "publication_refusal"):
        return None
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "revisions") else obj
    return latest.publication_refusal()


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
    refusal = refusal_of(workflow_state.content_object)
    if refusal is not None:
        raise refusal
