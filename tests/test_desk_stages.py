"""An assignment's stage: its own status before a draft, read from the article page after,
computed in the database (filterable) and the same on a single object."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from editorial.enums import AssignmentStage, AssignmentStatus, Role
from editorial.models import Assignment
from editorial.roles import group_for
from tests.support.desk import days, make_article, make_assignment


def stage_of(assignment) -> str:
    return Assignment.objects.with_stage().get(pk=assignment.pk).stage


def review_workflow(name="Biên tập"):
    workflow = Workflow.objects.create(name="Quy trình chuẩn")
    task = GroupApprovalTask.objects.create(name=name)
    task.groups.set([group_for(Role.EDITOR)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(AssignmentStatus))
def test_before_a_draft_the_stage_is_the_stored_status(desk, status):
    assignment = make_assignment(desk, status=status)
    assert stage_of(assignment) == status.value
    assert Assignment.objects.get(pk=assignment.pk).current_stage == status


@pytest.mark.django_db
def test_with_a_draft_the_stage_is_drafting_without_anyone_setting_it(desk):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    page = make_article()
    page.save_revision(user=desk.journalist)
    assignment.article = page
    assignment.save()
    assert stage_of(assignment) == AssignmentStage.DRAFTING
    # The stored status is untouched: the article is the only source from here on.
    assert Assignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACCEPTED


@pytest.mark.django_db
def test_review_changes_requested_and_published_follow_the_page(desk):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    page = make_article()
    page.save_revision(user=desk.journalist)
    assignment.article = page
    assignment.save()

    workflow = review_workflow("Biên tập viên duyệt")
    state = workflow.start(page, desk.journalist)
    annotated = Assignment.objects.with_stage().get(pk=assignment.pk)
    assert annotated.stage == AssignmentStage.IN_REVIEW
    assert annotated.review_step == "Biên tập viên duyệt"
    assert "Biên tập viên duyệt" in annotated.get_stage_display()

    state.current_task_state.task.specific.on_action(
        state.current_task_state, desk.editor, "reject"
    )
    assert stage_of(assignment) == AssignmentStage.CHANGES_REQUESTED

    page.refresh_from_db()
    page.get_latest_revision().publish()
    assert stage_of(assignment) == AssignmentStage.PUBLISHED


@pytest.mark.django_db
def test_a_revision_approved_for_later_shows_scheduled(desk):
    assignment = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    page = make_article()
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    revision = page.save_revision(user=desk.chief)
    revision.publish()  # with go_live_at ahead, Wagtail schedules instead of publishing
    assignment.article = page
    assignment.save()
    page.refresh_from_db()
    assert not page.live
    assert stage_of(assignment) == AssignmentStage.SCHEDULED


@pytest.mark.django_db
def test_stage_filters_in_the_database(desk):
    make_assignment(desk, status=AssignmentStatus.PROPOSED)
    drafted = make_assignment(desk, status=AssignmentStatus.ACCEPTED)
    drafted.article = make_article()
    drafted.save()
    rows = Assignment.objects.with_stage().filter(stage=AssignmentStage.DRAFTING)
    assert list(rows) == [drafted]


@pytest.mark.django_db
def test_overdue_is_late_open_work_only(desk):
    late = make_assignment(desk, status=AssignmentStatus.COMMISSIONED)
    late_cancelled = make_assignment(desk, status=AssignmentStatus.CANCELLED)
    on_time = make_assignment(desk, due_date=days(1))
    Assignment.objects.filter(pk__in=[late.pk, late_cancelled.pk]).update(due_date=days(-1))
    overdue = set(Assignment.objects.with_stage().filter(is_overdue=True))
    assert overdue == {late}
    assert Assignment.objects.get(pk=late.pk).overdue
    assert not Assignment.objects.get(pk=on_time.pk).overdue


@pytest.mark.django_db
def test_validation_messages(desk):
    assignment = Assignment(
        headline="Bài",
        brief="…",
        topic=desk.topic2,
        plan_item=desk.plan_item,
        assignee=desk.journalist,
        external_author=desk.external,
        due_date=days(-1),
    )
    with pytest.raises(ValidationError) as error:
        assignment.full_clean()
    messages = error.value.message_dict
    assert messages["due_date"] == ["Hạn nộp không được là ngày đã qua."]
    assert "external_author" in messages
    assert "thuộc chủ đề khác" in messages["plan_item"][0]


@pytest.mark.django_db
def test_an_external_author_needs_a_staff_contact(desk):
    assignment = Assignment(
        headline="Bài", brief="…", topic=desk.topic, external_author=desk.external, due_date=days(5)
    )
    with pytest.raises(ValidationError) as error:
        assignment.full_clean()
    assert "staff_contact" in error.value.message_dict
