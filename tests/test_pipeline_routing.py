"""Routing that a draft cannot break (issue 14): a hub keeps its pipeline (the workflow
assigned to it, which is its topic's pipeline) whatever a draft names; Wagtail's default groups and root workflow are retired; a hub whose articles would
reach a pipeline nobody can approve is a system check error."""

import pytest
from django.contrib.auth.models import Group
from django.core import checks
from wagtail.models import Workflow, WorkflowPage

from coverage.models import TopicHubPage
from editorial.models import ProgrammeTopic
from editorial.pipelines.routing import hubs_without_reviewers
from editorial.roles import WAGTAIL_DEFAULT_GROUPS, sync_roles
from tests.factories import TopicFactory
from tests.support.admin_forms import form_data
from tests.support.pipelines import client_for, draft_article, user

pytestmark = pytest.mark.django_db


def test_a_hub_draft_naming_another_topic_keeps_every_pipeline(demo, demo_password):
    hub = TopicHubPage.objects.get(topic__number=5)
    # A new topic with no hub and no pipeline yet, picked on a draft of the events hub.
    other = TopicFactory(programme=hub.topic.programme, number=6)
    pipelines = {t.pk: t.pipeline for t in ProgrammeTopic.objects.all()}
    assignments = set(WorkflowPage.objects.values_list("page_id", "workflow_id"))

    chief = client_for("tongbientap", demo_password)
    url = f"/admin/pages/{hub.pk}/edit/"
    data = form_data(chief.get(url))
    data["topic"] = str(other.pk)
    data.pop("action-publish", None)
    response = chief.post(url, data)  # Save draft
    assert response.status_code == 302, response.context["form"].errors

    assert {t.pk: t.pipeline for t in ProgrammeTopic.objects.all()} == pipelines
    assert set(WorkflowPage.objects.values_list("page_id", "workflow_id")) == assignments
    # A new submission under the hub still takes the events pipeline.
    article = draft_article(5)
    article.get_workflow().start(article, user("phongvien"))
    assert article.current_workflow_state.workflow.name == "Quy trình tin sự kiện"


def test_sync_roles_retires_wagtails_default_groups_and_root_workflow(db):
    # What Wagtail's first migrations leave on a fresh install.
    assert Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).count() == 2
    assert WorkflowPage.objects.filter(page__depth=1).exists()

    sync_roles()

    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_sync_roles_keeps_a_default_group_someone_is_still_in(db):
    from django.contrib.auth import get_user_model

    moderators = Group.objects.get(name="Moderators")
    get_user_model().objects.create_user("nguoicu").groups.add(moderators)
    sync_roles()
    assert Group.objects.filter(pk=moderators.pk).exists()


def test_the_demo_routes_every_hub_to_reviewers(demo):
    assert hubs_without_reviewers() == []
    assert not [m for m in checks.run_checks(databases=["default"]) if m.id == "editorial.E010"]


def test_a_hub_whose_pipeline_has_no_members_is_a_check_error(demo):
    events = ProgrammeTopic.objects.get(number=5).pipeline
    step = events.tasks.first().specific
    for relation in ("groups", "reviewer_groups", "override_groups"):
        if hasattr(step, relation):
            for group in getattr(step, relation).all():
                group.user_set.update(is_active=False)
    errors = [m for m in checks.run_checks(databases=["default"]) if m.id == "editorial.E010"]
    hub = TopicHubPage.objects.get(topic__number=5)
    assert any(hub.title in error.msg for error in errors)


def test_a_topic_left_without_a_pipeline_falls_back_to_the_standard_one(demo, demo_password):
    """Emptying a topic's pipeline on its edit screen takes its hub off that pipeline; the
    hub's articles then take the programme page's (the standard one), never no review."""
    topic = ProgrammeTopic.objects.get(number=5)
    chief = client_for("tongbientap", demo_password)
    url = f"/admin/snippets/editorial/programmetopic/edit/{topic.pk}/"
    data = form_data(chief.get(url))
    data["pipeline"] = ""
    response = chief.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    topic.refresh_from_db()
    assert topic.pipeline is None
    hub = TopicHubPage.objects.get(topic=topic)
    assert not WorkflowPage.objects.filter(page=hub).exists()

    article = draft_article(5)
    article.get_workflow().start(article, user("phongvien"))
    assert article.current_workflow_state.workflow.name == "Quy trình chuẩn"
    assert hubs_without_reviewers() == []
