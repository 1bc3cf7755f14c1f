"""The editor-in-chief's dashboard says when background work is late, and how much waits;
nothing when all is well, nothing for anyone else (``editorial.background_panel``)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from editorial.background_panel import BackgroundWorkPanel
from editorial.demo.users import load_users
from editorial.desk.notifications import send_desk_mail
from editorial.roles import sync_roles
from tests.factories import make_article, site_tree

PANEL = 'id="background-work'


@pytest.fixture
def users(db, settings):
    # Tasks stored for a worker, as in production (the suite runs them immediately).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return {user.username: user for user in load_users("panel-test", sync_roles())}


def enqueue_waiting(minutes: int, count: int = 1) -> None:
    for _ in range(count):
        result = send_desk_mail.enqueue(1, "due_soon", 1)
        since = timezone.now() - datetime.timedelta(minutes=minutes)
        DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=since)


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel_context(user) -> dict:
    request = RequestFactory().get("/admin/")
    request.user = user
    return BackgroundWorkPanel(request).get_context_data({})


def test_nothing_shown_when_all_is_well(client, users):
    enqueue_waiting(1)  # waiting a minute: the worker will take it
    assert PANEL not in dashboard(client, users["tongbientap"])


def test_the_chief_sees_a_late_worker_and_the_tasks_waiting(client, users):
    enqueue_waiting(10, count=2)
    enqueue_waiting(0)
    assert PANEL in dashboard(client, users["tongbientap"])
    assert PANEL in dashboard(client, users["photongbientap"])  # deputies share the role
    context = panel_context(users["tongbientap"])
    assert context["worker_late"] and not context["scheduler_late"]
    assert context["waiting"] == 3
    assert context["worker_waited_minutes"] >= 10


def test_the_chief_sees_a_late_scheduler(client, users):
    article = make_article(site_tree()["hubs"][0], "Bài hẹn giờ", live=False)
    revision = article.latest_revision
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=10)
    revision.save()
    assert PANEL in dashboard(client, users["tongbientap"])
    context = panel_context(users["tongbientap"])
    assert context["scheduler_late"] and not context["worker_late"]
    assert context["scheduler_overdue_minutes"] >= 10


@pytest.mark.parametrize("username", ["bientap", "phongvien", "bananh"])
def test_other_roles_never_see_it(client, users, username):
    enqueue_waiting(10)
    assert PANEL not in dashboard(client, users[username])


@pytest.mark.usefixtures("database_tasks")
def test_everyone_is_told_while_search_index_updates_wait(
    demo, client, django_capture_on_commit_callbacks
):
    from coverage.models import ArticlePage
    from tests.support.task_worker import run_worker

    client.force_login(get_user_model().objects.get(username="phongvien"))
    assert (
        "search-index-updating-section"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    article = ArticlePage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Tiêu đề đã sửa"
        article.save_revision().publish()
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "search-index-updating-section" in content
    assert "chỉ mục tìm kiếm" in content
    run_worker()
    assert (
        "search-index-updating-section"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
