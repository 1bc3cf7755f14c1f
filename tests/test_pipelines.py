"""Publication pipelines end to end, through the real admin views, on the demo newsroom."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import TaskState

from coverage.demo.workflows import EDITOR_REVIEW, POLITICAL_REVIEW, SIGN_OFF, STANDARD
from coverage.models import ArticlePage, TopicHubPage
from editorial.enums import AssignmentStage
from editorial.models import Assignment, ProgrammeTopic
from editorial.pipelines.history import pipeline_steps
from tests.support.pipelines import (
    act,
    client_for,
    credited_image,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
    modal_step,
    rich_text_html,
    user,
)
from tests.support.task_worker import (
    disconnected,
    later,
    run_worker,
)

pytestmark = pytest.mark.django_db

SENSITIVE_TOPIC = 2  # "refuting wrong and hostile views"


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a step and then what waits for its transaction to commit (the queued mails)."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


def test_sensitive_article_goes_through_three_named_steps_to_publication(
    demo, demo_password, committed
):
    article = draft_article(SENSITIVE_TOPIC)
    journalist = client_for("phongvien", demo_password)
    mail.outbox.clear()

    # The journalist submits, picking the reviewing editor in the form.
    data = edit_post_data(article, requested_reviewer=user("bientap").pk)
    data["action-submit"] = "Submit"
    response = committed(journalist.post, edit_url(article), data)
    assert response.status_code == 302
    state = current_state(article).specific
    assert state.task.name == EDITOR_REVIEW
    assert state.reviewer.username == "bientap"
    # Only the named reviewer hears about it, in Vietnamese.
    assert recipients() == ["bientap@example.vn"]
    assert "đang chờ đồng chí" in mail.outbox[0].body
    assert mail.outbox[0].body.startswith("Kính gửi đồng chí Trần Thị Lan,")  # family name first

    # Nobody else acts on the named step: not another editor, not the journalist.
    assert act(client_for("bientap2", demo_password), article, "approve").status_code == 403
    assert act(journalist, article, "approve").status_code == 403
    data = edit_post_data(article)
    data["action-publish"] = "Publish"
    journalist.post(edit_url(article), data)
    assert not ArticlePage.objects.get(pk=article.pk).live

    editor = client_for("bientap", demo_password)
    mail.outbox.clear()
    assert modal_step(committed(act, editor, article, "approve", "Đạt yêu cầu.")) == "success"
    assert current_state(article).task.name == POLITICAL_REVIEW
    # The board members (not the editor who moved it on) are told.
    assert recipients() == ["bientap2@example.vn", "photbt@example.vn", "tongbientap@example.vn"]

    # The editor cannot skip the board: no approval, and no publishing around it.
    assert act(editor, article, "approve").status_code == 403
    data = edit_post_data(article)
    data["action-publish"] = "Publish"
    editor.post(edit_url(article), data)
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert current_state(article).task.name == POLITICAL_REVIEW

    # The board decides by a majority of its three members, each with a rationale
    # (tests/test_quorum_step.py): two approvals pass it.
    board = client_for("photongbientap", demo_password)
    assert modal_step(act(board, article, "approve", "Lập luận vững.")) == "success"
    assert current_state(article).task.name == POLITICAL_REVIEW
    board = client_for("bientap2", demo_password)
    assert modal_step(act(board, article, "approve", "Đồng ý đăng.")) == "success"
    assert current_state(article).task.name == SIGN_OFF

    mail.outbox.clear()
    chief = client_for("tongbientap", demo_password)
    assert modal_step(committed(act, chief, article, "approve", "Đăng.")) == "success"
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live

    # The author and the assigned journalist hear about it (one person here).
    assert recipients() == ["phongvien@example.vn"]
    assert "đã được duyệt" in mail.outbox[0].body

    assignment = Assignment.objects.with_stage().get(article=article)
    assert assignment.current_stage == AssignmentStage.PUBLISHED
    steps = pipeline_steps(article.pk)
    assert [(s.name, s.status, s.finished_by) for s in steps] == [
        (EDITOR_REVIEW, "approved", "Trần Thị Lan"),
        (POLITICAL_REVIEW, "approved", "Lê Minh Quân"),
        (SIGN_OFF, "approved", "Đoàn Minh Huấn"),
    ]
    assert all(step.duration.total_seconds() >= 0 for step in steps)
    card = editor.get(reverse("desk_assignment:inspect", args=[assignment.pk])).content.decode()
    for name in (EDITOR_REVIEW, POLITICAL_REVIEW, SIGN_OFF):
        assert name in card
    # Wagtail's own history has every step with who did it.
    history = chief.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert history.status_code == 200


def test_default_reviewer_is_the_assigned_editor_of_the_beat(demo, demo_password):
    from editorial.enums import BeatRole
    from editorial.models import Beat, BeatAssignment

    article = draft_article(3)
    beat = Beat.objects.create(name="Đảng bộ Tập đoàn Điện lực")
    BeatAssignment.objects.create(
        beat=beat,
        person=user("bientap2"),
        role=BeatRole.EDITOR,
        starts_on=article.latest_revision_created_at.date(),
    )
    Assignment.objects.filter(article=article).update(beat=beat)
    journalist = client_for("phongvien", demo_password)
    data = edit_post_data(article)
    data["action-submit"] = "Submit"
    assert journalist.post(edit_url(article), data).status_code == 302
    assert current_state(article).specific.reviewer.username == "bientap2"
    # It awaits their review (Wagtail's dashboard panel asks this), not the other editor's.
    state = current_state(article)
    assert state.pk in TaskState.objects.reviewable_by(user("bientap2")).values_list(
        "pk", flat=True
    )
    assert state.pk not in TaskState.objects.reviewable_by(user("bientap")).values_list(
        "pk", flat=True
    )
    assert article.title in client_for("bientap2", demo_password).get("/admin/").content.decode()


def test_rejection_returns_to_the_writer_with_the_comment(demo, demo_password, committed):
    article = draft_article(3)
    article.get_workflow().start(article, user("phongvien"))
    reviewer = current_state(article).specific.reviewer
    mail.outbox.clear()
    reviewer_client = client_for(reviewer.username, demo_password)
    response = committed(act, reviewer_client, article, "reject", "Thiếu số liệu.")
    assert modal_step(response) == "success"
    assert Assignment.objects.with_stage().get(article=article).current_stage == (
        AssignmentStage.CHANGES_REQUESTED
    )
    assert recipients() == ["phongvien@example.vn"]
    assert "Thiếu số liệu." in mail.outbox[0].body


@pytest.mark.usefixtures("database_tasks")
def test_each_person_gets_their_own_mail_task_so_a_retry_sends_only_the_one_that_failed(
    demo, mail_outage
):
    """A pipeline mail goes to each person in its own task (``editorial.mail_tasks``):
    when the server drops one send, the worker's retry (``editorial.task_retries``)
    delivers that mail, and nobody gets theirs twice."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from editorial.pipelines import notifications

    article = draft_article(3, owner="phongvien")
    article.get_workflow().start(article, user("phongvien2"))
    state = current_state(article)
    assert len(notifications.writers_of(state.workflow_state)) == 2  # submitter and owner
    run_worker()  # the step's own mails and Wagtail's index updates
    mail.outbox.clear()

    notifications.queue("rejected", state.pk)
    rows = DBTaskResult.objects.filter(task_path=notifications.send_pipeline_mail.module_path)
    assert rows.filter(status=TaskResultStatus.READY).count() == 2
    mail_outage.append(disconnected())
    run_worker()
    assert len(mail.outbox) == 1
    with later(60):
        run_worker()
    assert recipients() == ["phongvien2@example.vn", "phongvien@example.vn"]
    with later(3600):
        run_worker()
    assert len(mail.outbox) == 2


def test_uncredited_body_image_blocks_the_last_step_and_is_named(demo, demo_password):
    uncredited = credited_image(title="Ảnh hiện trường chưa ghi nguồn")
    type(uncredited).objects.filter(pk=uncredited.pk).update(source_agency="", photographer="")
    article = draft_article(
        5,  # the events pipeline: one named editor step, which is also the last
        body=[
            ("paragraph", rich_text_html("Tin ngắn.")),
            ("image", {"image": uncredited, "caption": ""}),
        ],
    )
    # Drafts can still be saved with the uncredited photo.
    journalist = client_for("phongvien", demo_password)
    response = journalist.post(edit_url(article), edit_post_data(article, title="Tin ngắn đã sửa"))
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title == (
        "Tin ngắn đã sửa"
    )

    article.get_workflow().start(article, user("phongvien"))
    editor = client_for(current_state(article).specific.reviewer.username, demo_password)

    response = act(editor, article, "approve")
    assert modal_step(response) == "action"  # the form comes back with the message
    html = response.json()["html"]
    assert "Ảnh hiện trường chưa ghi nguồn" in html
    assert reverse("wagtailimages:edit", args=[uncredited.pk]) in html
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert current_state(article) is not None

    # Once the photo desk credits it, the same approval publishes.
    type(uncredited).objects.filter(pk=uncredited.pk).update(source_agency="VGP")
    assert modal_step(act(editor, article, "approve")) == "success"
    assert ArticlePage.objects.get(pk=article.pk).live


def test_editor_in_chief_publish_button_runs_the_same_checks(demo, demo_password):
    article = draft_article(1, sapo="")
    chief = client_for("tongbientap", demo_password)
    data = edit_post_data(article, bylines={"TOTAL_FORMS": 0, "INITIAL_FORMS": 0})
    data = {k: v for k, v in data.items() if not k.startswith("bylines-")}
    data.update(
        {
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "1",
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
            "bylines-0-id": str(article.bylines.first().pk),
            "bylines-0-author": str(article.bylines.first().author_id),
            "bylines-0-ORDER": "1",
            "bylines-0-DELETE": "1",
            "action-publish": "Publish",
        }
    )
    response = chief.post(edit_url(article), data)
    assert response.status_code == 200  # the form again, with errors
    content = response.content.decode()
    assert gettext("The article has no byline.") in content
    assert gettext("This article cannot be published yet:") in content
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_moving_an_article_to_another_hub_changes_its_pipeline(demo, demo_password):
    article = draft_article(5)  # events pipeline
    assert article.get_workflow().name == "Quy trình tin sự kiện"
    article.move(TopicHubPage.objects.get(topic__number=SENSITIVE_TOPIC), pos="last-child")
    article = ArticlePage.objects.get(pk=article.pk)
    data = edit_post_data(article)
    data["action-submit"] = "Submit"
    client_for("phongvien", demo_password).post(edit_url(article), data)
    state = ArticlePage.objects.get(pk=article.pk).current_workflow_state
    assert state.workflow.name == "Quy trình bài nhạy cảm"


def test_changing_the_topics_pipeline_in_the_admin_applies_to_the_next_submission(
    demo, demo_password
):
    topic = ProgrammeTopic.objects.get(number=5)
    standard = topic.pipeline.__class__.objects.get(name=STANDARD)
    chief = client_for("tongbientap", demo_password)
    url = reverse("wagtailsnippets_editorial_programmetopic:edit", args=[topic.pk])
    from tests.support.admin_forms import form_data

    data = form_data(chief.get(url))
    assert "pipeline" in data  # the editor-in-chief chooses pipelines
    data["pipeline"] = str(standard.pk)
    response = chief.post(url, data)
    assert response.status_code == 302
    hub = TopicHubPage.objects.get(topic=topic)
    assert hub.get_workflow() == standard

    article = draft_article(5)
    article.get_workflow().start(article, user("phongvien"))
    assert ArticlePage.objects.get(pk=article.pk).current_workflow_state.workflow == standard

    # Editors keep topics up to date but do not choose pipelines.
    editor_form = form_data(client_for("bientap", demo_password).get(url))
    assert "pipeline" not in editor_form


def test_assigning_a_hub_on_wagtails_workflows_screen_updates_the_topic(demo):
    from wagtail.models import Workflow, WorkflowPage

    topic = ProgrammeTopic.objects.get(number=1)
    hub = TopicHubPage.objects.get(topic=topic)
    events = Workflow.objects.get(name="Quy trình tin sự kiện")
    WorkflowPage.objects.filter(page=hub).update(workflow=events)  # no signal: the screen saves
    WorkflowPage.objects.get(page=hub).save()
    topic.refresh_from_db()
    assert topic.pipeline == events

    WorkflowPage.objects.get(page=hub).delete()
    topic.refresh_from_db()
    assert topic.pipeline is None


def test_nothing_copies_a_topics_pipeline_anywhere(db):
    """One truth: the hub's workflow assignment is the topic's pipeline, so no receiver
    of ours listens to saves of topics, hubs or workflow assignments to mirror them."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import WorkflowPage

    ours = []
    for signal in (post_save, post_delete):
        for sender in (WorkflowPage, ProgrammeTopic, TopicHubPage):
            sync, asynchronous = signal._live_receivers(sender)
            ours += [r for r in [*sync, *asynchronous] if r.__module__.startswith("editorial")]
    assert ours == []
