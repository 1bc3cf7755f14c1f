"""Dashboard: "Awaiting your review", with a cost that does not grow with the queue.

Wagtail's own panel (``WorkflowObjectsToModeratePanel``) lists every open step and, per
row, re-reads the article's workflow state, its current step, whether that step is the
last, the step statuses and (through our rules) who wrote the article: about 25 queries
a row, 1,000+ with a busy desk. This panel shows the newest ``MAX_ROWS`` steps with a
link to Wagtail's full report, loads what the rows need in a fixed number of queries,
and leaves it where the rules already look (Wagtail's ``_current_workflow_states``,
``editorial.pipelines.authorship.remember_writers``, ``remember_final_step``), so the
actions offered are computed by the same code as everywhere else. It renders Wagtail's
own template.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel
from wagtail.models import Page, Revision, Task, TaskState, WorkflowTask

from editorial.pipelines.authorship import remember_writers
from editorial.pipelines.checks import remember_final_step

MAX_ROWS = 20

SUCCESSFUL = (TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED)


class ReviewQueuePanel(Component):
    # Wagtail's name and order: the panel takes the place of Wagtail's (wagtail_hooks).
    name = "workflow_objects_to_moderate"
    template_name = "editorial/pipelines/review_queue_panel.html"
    order = 220

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = self.request
        context["csrf_token"] = parent_context.get("csrf_token")
        context["states"] = []
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        reviewable = TaskState.objects.reviewable_by(self.request.user)
        states = list(
            reviewable.select_related("revision__user", "workflow_state__workflow")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
            .order_by("-started_at", "-pk")[: MAX_ROWS + 1]
        )
        context["more"] = len(states) > MAX_ROWS
        states = states[:MAX_ROWS]
        if context["more"]:
            context["total"] = reviewable.count()
            context["report_url"] = reverse("wagtailadmin_reports:workflow_tasks")
        context["states"] = [
            self.row(state, page) for state, page in rows_with_pages(states) if page is not None
        ]
        return context

    def row(self, state, page) -> dict:
        return {
            "obj": page,
            "revision": state.revision,
            "previous_revision_id": state.previous_revision_id,
            "live_revision_id": page.live_revision_id,
            "task_state": state,
            "actions": state.task.get_actions(page, self.request.user),
            "workflow_tasks": state.workflow_tasks,
            "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
            "workflow_preview_url_name": (
                "wagtailadmin_pages:workflow_preview" if page.is_previewable() else None
            ),
            "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
        }


class MyArticlesInReviewPanel(UserObjectsInWorkflowModerationPanel):
    """Wagtail's "Your pages in a workflow" (the journalist's articles in review), capped
    at the newest ``MAX_ROWS`` and with each row's step loaded in bulk: the row's edit
    link asks the step whether this person may edit (``NamedReviewerTask``), which read
    the workflow state, the step's state and the step again, three queries a row."""

    template_name = "editorial/pipelines/my_articles_in_review_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = list(context.get("workflow_states") or [])
        context["total"] = len(states)
        context["more"] = len(states) > MAX_ROWS
        context["workflow_states"] = states = states[:MAX_ROWS]
        task_states = [s.current_task_state for s in states if s.current_task_state_id]
        specific = TaskState.objects.filter(pk__in=[t.pk for t in task_states]).specific()
        specific = {state.pk: state for state in specific}
        tasks = Task.objects.filter(pk__in={t.task_id for t in task_states}).specific().in_bulk()
        for state in states:
            state.content_object._current_workflow_states = [state]  # Wagtail's prefetch slot
            task_state = state.current_task_state
            if task_state is None:
                continue
            task_state.task = tasks.get(task_state.task_id, task_state.task)
            task_state.specific = specific.get(task_state.pk, task_state)
            task_state.specific.task = task_state.task
        if context["more"]:
            context["report_url"] = reverse("wagtailadmin_reports:workflow")
        return context


def rows_with_pages(states: list[TaskState]) -> list[tuple[TaskState, Page | None]]:
    """Each open step with its (specific) page, everything the rules read loaded in bulk.

    Only page steps: the newsroom's workflows run on pages (snippets have none).
    """
    page_ids = [int(state.workflow_state.object_id) for state in states]
    pages = Page.objects.filter(pk__in=page_ids).select_related("latest_revision").specific()
    pages = {page.pk: page for page in pages}
    tasks = Task.objects.filter(pk__in={s.task_id for s in states}).specific().in_bulk()
    specific_states = TaskState.objects.filter(pk__in=[s.pk for s in states]).specific()
    specific_states = {state.pk: state for state in specific_states}
    steps = _workflow_steps({s.workflow_state.workflow_id for s in states})
    history = _step_history(states, pages)

    rows = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        state.task = tasks[state.task_id]
        # The step's own rules read the specific state (who is named) through the page.
        state.specific = specific_states.get(state.pk, state)
        workflow_state = state.workflow_state
        workflow_state.current_task_state = state
        if page is not None:
            page._current_workflow_states = [workflow_state]  # Wagtail's prefetch slot
        statuses, approved = history.get(workflow_state.pk, ({}, set()))
        state.workflow_tasks = _tasks_with_status(steps[workflow_state.workflow_id], statuses)
        remaining = [
            step.pk
            for step in steps[workflow_state.workflow_id]
            if step.active and step.pk not in approved
        ]
        # Wagtail's ``is_at_final_task``: the next step to take is also the last one left.
        remember_final_step(workflow_state, remaining[:1] == remaining[-1:])
        rows.append((state, page))
    remember_writers(list(pages.values()))
    _show_quorum_progress(rows)
    return rows


def _show_quorum_progress(rows) -> None:
    """An open quorum step's status reads "1/3 approved, 2 needed" (one query for the
    votes of all rows; each quorum step's members once)."""
    from editorial.models import QuorumTask, QuorumVote
    from editorial.pipelines.quorum import progress_label

    quorum_rows = [
        (state, page)
        for state, page in rows
        if page is not None and isinstance(state.task, QuorumTask)
    ]
    if not quorum_rows:
        return
    votes = defaultdict(list)
    for vote in QuorumVote.objects.filter(task_state_id__in=[s.pk for s, _page in quorum_rows]):
        votes[vote.task_state_id].append(vote)
    for state, page in quorum_rows:
        # Kept where the step's rules look, so the actions offered cost no query either.
        state.quorum_votes_loaded = votes[state.pk]
        for same in (state.specific, state.workflow_state.current_task_state):
            same.quorum_votes_loaded = votes[state.pk]
        tally = state.task.tally(state, page, votes=votes[state.pk])
        for task in state.workflow_tasks:
            if task.pk == state.task_id:
                task.status_display = f"{task.status_display}: {progress_label(tally)}"


def _workflow_steps(workflow_ids) -> dict[int, list[Task]]:
    steps = defaultdict(list)
    links = (
        WorkflowTask.objects.filter(workflow_id__in=workflow_ids)
        .select_related("task")
        .order_by("sort_order")
    )
    for link in links:
        steps[link.workflow_id].append(link.task)
    return steps


def _step_history(states, pages) -> dict[int, tuple[dict[int, str], set[int]]]:
    """Per workflow state: each step's latest status, and the steps ever approved or
    skipped. With re-approval on edit only what was recorded on the article's latest
    revision counts (Wagtail's ``_get_applicable_task_states`` and
    ``successful_task_states``)."""
    reapproval = getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False)
    latest_revision = {
        state.workflow_state_id: getattr(
            pages.get(int(state.workflow_state.object_id)), "latest_revision_id", None
        )
        for state in states
    }
    history: dict[int, tuple[dict[int, str], set[int]]] = defaultdict(lambda: ({}, set()))
    rows = (
        TaskState.objects.filter(workflow_state_id__in=latest_revision)
        .order_by("started_at", "pk")
        .values_list("workflow_state_id", "task_id", "status", "revision_id")
    )
    for workflow_state_id, task_id, status, revision_id in rows:
        if reapproval and revision_id != latest_revision[workflow_state_id]:
            continue
        statuses, approved = history[workflow_state_id]
        statuses[task_id] = status  # later rows win
        if status in SUCCESSFUL:
            approved.add(task_id)
    return history


def _tasks_with_status(steps: list[Task], statuses: dict[int, str]) -> list[Task]:
    """Wagtail's ``all_tasks_with_status()``, from the loaded history."""
    labels = dict(TaskState.STATUS_CHOICES)
    tasks = []
    for step in steps:
        task = copy.copy(step)
        task.status = statuses.get(step.pk)
        task.status_display = labels.get(task.status, _("Not started"))
        tasks.append(task)
    return tasks
