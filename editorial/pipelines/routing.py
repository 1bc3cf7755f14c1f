"""A topic names its pipeline; its hub page carries it, so every article filed there uses it.

Wagtail finds an article's workflow by walking up to the nearest page with a workflow
assigned (``WorkflowPage``). The topic's ``pipeline`` is therefore mirrored onto its hub
page: change the topic and the next submission under that hub takes the new pipeline;
move an article to another hub and it takes that hub's (``editorial.pipelines.moves``
limits who may). Wagtail's own Workflows screen can also assign a hub; that is mirrored
back to the topic, so the two never disagree.

A hub's topic counts once it is published: a draft of the hub naming another topic
changes nothing (Wagtail saves a draft's row with only its bookkeeping columns, so the
topic is read back from the database, not from the unsaved page in memory).
``hubs_without_reviewers()`` finds any hub whose articles would reach a pipeline nobody
can approve; ``manage.py check --database default`` reports them.
"""

from __future__ import annotations

from wagtail.models import WorkflowPage

from editorial.desk.articles import hub_page_for


def assign_topic_pipeline(topic) -> None:
    """Make the topic's hub page use exactly the topic's pipeline (or none)."""
    hub = hub_page_for(topic)
    if hub is None:
        return
    current = WorkflowPage.objects.filter(page_id=hub.pk).first()
    if topic.pipeline_id is None:
        if current is not None:
            current.delete()
        return
    if current is None:
        WorkflowPage.objects.create(page_id=hub.pk, workflow_id=topic.pipeline_id)
    elif current.workflow_id != topic.pipeline_id:
        current.workflow_id = topic.pipeline_id
        current.save(update_fields=["workflow"])


def topic_saved(sender, instance, **kwargs) -> None:
    assign_topic_pipeline(instance)


def hub_saved(sender, instance, **kwargs) -> None:
    """A hub created (or published pointing at a topic) after the topic chose its
    pipeline. The topic is the one stored, never a draft's (see the module docstring)."""
    from editorial.models import ProgrammeTopic

    if not getattr(instance, "pk", None):
        return
    stored = type(instance).objects.filter(pk=instance.pk).values_list("topic_id", flat=True)
    topic = ProgrammeTopic.objects.filter(pk__in=stored).first()
    if topic is not None:
        assign_topic_pipeline(topic)


def _mirror_to_topic(page_id, workflow_id) -> None:
    from editorial.models import ProgrammeTopic

    # update() sends no signal, so this does not loop back into assign_topic_pipeline.
    ProgrammeTopic.objects.filter(hub_page__pk=page_id).exclude(pipeline_id=workflow_id).update(
        pipeline_id=workflow_id
    )


def workflow_page_saved(sender, instance, **kwargs) -> None:
    """Wagtail's Workflows screen assigned a hub to a workflow: the topic follows."""
    _mirror_to_topic(instance.page_id, instance.workflow_id)


def workflow_page_deleted(sender, instance, **kwargs) -> None:
    _mirror_to_topic(instance.page_id, None)


def hubs_without_reviewers() -> list[tuple]:
    """(hub, reason) for each topic hub whose articles would reach no workflow, a disabled
    one, or a step nobody can take."""
    from editorial.models import ProgrammeTopic

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
    from django.contrib.auth import get_user_model

    groups = [
        relation
        for relation in ("groups", "reviewer_groups", "override_groups")
        if hasattr(step, relation)
    ]
    users = get_user_model().objects.filter(is_active=True)
    return any(users.filter(groups__in=getattr(step, r).all()).exists() for r in groups)


def check_hub_pipelines(app_configs=None, databases=None, **kwargs) -> list:
    """System check (database tag): every hub's articles reach a pipeline with reviewers."""
    from django.core.checks import Error
    from django.db import DatabaseError

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
