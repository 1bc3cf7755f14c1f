"""The topic's pipeline is stored once: as the workflow assigned to its hub page.

Until now ``ProgrammeTopic.pipeline`` was mirrored onto the hub's ``WorkflowPage`` by
signal receivers. Before the column goes, each hub gets its topic's pipeline where the
mirror had missed it (a topic whose hub has no workflow of its own keeps none).
"""

from django.db import migrations


def assign_topic_pipelines_to_hubs(apps, schema_editor):
    ProgrammeTopic = apps.get_model("editorial", "ProgrammeTopic")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    TopicHubPage = apps.get_model("coverage", "TopicHubPage")
    hubs = dict(TopicHubPage.objects.values_list("topic_id", "pk"))
    for topic_id, pipeline_id in ProgrammeTopic.objects.exclude(pipeline=None).values_list(
        "pk", "pipeline_id"
    ):
        if topic_id in hubs:
            WorkflowPage.objects.update_or_create(
                page_id=hubs[topic_id], defaults={"workflow_id": pipeline_id}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0007_vietnamese_collation_on_name_columns"),
        ("coverage", "0003_reader_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(assign_topic_pipelines_to_hubs, migrations.RunPython.noop),
        migrations.RemoveField(model_name="programmetopic", name="pipeline"),
    ]
