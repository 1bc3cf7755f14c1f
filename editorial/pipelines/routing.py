"""A topic's pipeline is the Wagtail workflow assigned to its hub page.

Wagtail finds an article's workflow by walking up to the nearest page with a workflow
assigned (``WorkflowPage``), so that row is the one truth: the topic's form edits it
(``editorial.programme.forms.TopicForm``), Wagtail's Workflows screen edits the same row, and
``ProgrammeTopic.pipeline`` reads it. Change either and the next submission under the
hub takes the new pipeline; move an article to another hub and it takes that hub's
(``editorial.pipelines.moves`` limits who may). A hub with no workflow of its own gives
its articles the programme page's (the standard one), never no review.

``hubs_without_reviewers()`` finds any hub whose articles would reach a pipeline nobody
can approve; ``manage.py check --database default`` reports them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.checks import Error
from django.db import DatabaseError
from wagtail.models import WorkflowPage

from editorial.desk.articles import hub_page_for
from editorial.models.topics import ProgrammeTopic


def assign_pipeline(hub, workflow) -> None:
    """Make ``hub`` use exactly ``workflow`` (None: none of its own)."""
    if workflow is None:
        WorkflowPage.objects.filter(page_id=hub.pk).delete()
    else:
        WorkflowPage.objects.update_or_create(page_id=hub.pk, defaults={"workflow": workflow})


def hubs_without_reviewers() -> list[tuple]:
    """(hub, reason) for each topic hub whose articles would reach no workflow, a disabled
    one, or a step nobody can take."""
    problems = []
    for topic in ProgrammeTopic.objects.select_related("hub_page"):
        hub = hub_page_for(topic)
        if hub is None:
            continue
        workflow = hub.get_workflow()
        if workflow is None or not workflow.active:
            problems.append((hub, "no active pipeline"))
            continue
        for step in workflow.tasks.filter(active=True).specific():
            if not _has_members(step):
                problems.append((hub, f"nobody can take the step {step.name!r}"))
    return problems


def _has_members(step) -> bool:
    groups = [
        relation
        for relation in ("groups", "reviewer_groups", "override_groups")
        if hasattr(step, relation)
    ]
    users = get_user_model().objects.filter(is_active=True)
    return any(users.filter(groups__in=getattr(step, r).all()).exists() for r in groups)


def check_hub_pipelines(app_configs=None, databases=None, **kwargs) -> list:
    """System check (database tag): every hub's articles reach a pipeline with reviewers."""
    if not databases:
        return []
    try:
        found = hubs_without_reviewers()
    except DatabaseError:  # not migrated yet: nothing to route
        return []
    return [
        Error(
            f"Articles under the hub {hub.title!r} (page {hub.pk}) would get stuck: {reason}.",
            hint="Give the hub's topic a pipeline whose steps have members "
            "(Programme → Topics), then run manage.py sync_roles.",
            id="editorial.E010",
        )
        for hub, reason in found
    ]
