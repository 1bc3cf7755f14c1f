"""The demo's three publication pipelines and which topic uses which.

Steps and pipelines are found by name; a topic that already has a pipeline keeps it
(an editor may have changed it), so running the demo again changes nothing. The standard
pipeline is also assigned to the programme page, the hubs' parent: Wagtail walks up from
an article to the nearest assigned page, so a hub whose topic names no pipeline falls back
to the standard one instead of to no review at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Task, Workflow, WorkflowPage, WorkflowTask

from coverage.models import ProgrammePage, TopicHubPage
from editorial.enums import QuorumThreshold, Role
from editorial.models import NamedReviewerTask, PipelineGroupTask, QuorumTask
from editorial.pipelines.routing import assign_pipeline

EDITOR_REVIEW = "Biên tập viên duyệt"
POLITICAL_REVIEW = "Hội đồng Biên tập thẩm định chính trị"
SIGN_OFF = "Tổng Biên tập ký duyệt"

STANDARD = "Quy trình chuẩn"
SENSITIVE = "Quy trình bài nhạy cảm"
EVENTS = "Quy trình tin sự kiện"


@dataclass(frozen=True)
class DemoPipeline:
    name: str
    steps: tuple[str, ...]
    topics: tuple[int, ...]  # topic numbers (the programme demo's natural keys)


PIPELINES = (
    DemoPipeline(STANDARD, (EDITOR_REVIEW, SIGN_OFF), (1, 3, 4)),
    # Topic 2, "refuting wrong and hostile views": the board reads it before sign-off.
    DemoPipeline(SENSITIVE, (EDITOR_REVIEW, POLITICAL_REVIEW, SIGN_OFF), (2,)),
    DemoPipeline(EVENTS, (EDITOR_REVIEW,), (5,)),
)

# The editorial board (holds the political review, decided by a majority of its three
# members): the editor-in-chief, his deputy and an editor.
BOARD_MEMBERS = ("tongbientap", "photongbientap", "bientap2")


def _steps(groups: dict[Role, Group]) -> dict[str, Task]:
    editor_review = NamedReviewerTask.objects.filter(name=EDITOR_REVIEW).first()
    if editor_review is None:
        editor_review = NamedReviewerTask.objects.create(
            name=EDITOR_REVIEW, allowance=datetime.timedelta(hours=24)
        )
        editor_review.reviewer_groups.set([groups[Role.EDITOR]])
        editor_review.override_groups.set([groups[Role.EDITOR_IN_CHIEF]])

    def group_step(name: str, role: Role, hours: int) -> PipelineGroupTask:
        step = PipelineGroupTask.objects.filter(name=name).first()
        if step is None:
            step = PipelineGroupTask.objects.create(
                name=name, allowance=datetime.timedelta(hours=hours)
            )
            step.groups.set([groups[role]])
        return step

    political_review = QuorumTask.objects.filter(name=POLITICAL_REVIEW).first()
    if political_review is None:
        political_review = QuorumTask.objects.create(
            name=POLITICAL_REVIEW,
            threshold=QuorumThreshold.MAJORITY,
            allowance=datetime.timedelta(hours=48),
        )
        political_review.groups.set([groups[Role.EDITORIAL_BOARD]])
        # A demo loaded before the board voted had a one-click group step of that name:
        # the pipelines that used it now use the quorum step.
        WorkflowTask.objects.filter(
            task__in=PipelineGroupTask.objects.filter(name=POLITICAL_REVIEW)
        ).update(task=political_review)

    return {
        EDITOR_REVIEW: editor_review,
        POLITICAL_REVIEW: political_review,
        SIGN_OFF: group_step(SIGN_OFF, Role.EDITOR_IN_CHIEF, 24),
    }


def load_pipelines(groups: dict[Role, Group]) -> dict[str, Workflow]:
    """Create the steps and pipelines, seat the board, and give each topic its pipeline."""
    board = groups[Role.EDITORIAL_BOARD]
    for user in get_user_model().objects.filter(username__in=BOARD_MEMBERS):
        user.groups.add(board)

    steps = _steps(groups)
    workflows = {}
    for spec in PIPELINES:
        workflow, created = Workflow.objects.get_or_create(name=spec.name)
        if created:
            for order, step in enumerate(spec.steps):
                WorkflowTask.objects.create(workflow=workflow, task=steps[step], sort_order=order)
        workflows[spec.name] = workflow
        for hub in TopicHubPage.objects.filter(topic__number__in=spec.topics):
            if not WorkflowPage.objects.filter(page=hub).exists():  # a chosen one stays
                assign_pipeline(hub, workflow)
    for programme_page in ProgrammePage.objects.all():
        WorkflowPage.objects.get_or_create(
            page=programme_page, defaults={"workflow": workflows[STANDARD]}
        )
    return workflows
