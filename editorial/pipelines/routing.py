"""A topic names its pipeline; its hub page carries it, so every article filed there uses it.

Wagtail finds an article's workflow by walking up to the nearest page with a workflow
assigned (``WorkflowPage``). The topic's ``pipeline`` is therefore mirrored onto its hub
page: change the topic and the next submission under that hub takes the new pipeline;
move an article to another hub and it takes that hub's. Wagtail's own Workflows screen
can also assign a hub; that is mirrored back to the topic, so the two never disagree.
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
    """A hub created (or pointed at a topic) after the topic chose its pipeline."""
    topic = getattr(instance, "topic", None)
    if topic is not None and getattr(instance, "pk", None):
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
