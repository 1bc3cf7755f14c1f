"""/healthz answers the load balancer in JSON: the database decides the status code, the
cache, the worker and the scheduler are reported beside it."""

import datetime
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from editorial.desk.notifications import send_desk_mail
from editorial.settings import env
from tests.factories import make_article, site_tree
from tests.support.redis_server import free_port

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.json()


@pytest.fixture
def db_tasks(settings):
    """Tasks stored for a worker, as in production (the suite runs them immediately)."""
    settings.TASKS = DB_TASKS


def enqueue_waiting_since(minutes: int) -> DBTaskResult:
    result = send_desk_mail.enqueue(1, "due_soon", 1)
    since = timezone.now() - datetime.timedelta(minutes=minutes)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=since)
    return DBTaskResult.objects.get(pk=result.id)


def test_healthy(client, db):
    status, body = health(client)
    assert status == 200
    assert body == {
        "status": "ok",
        "database": {"state": "ok"},
        "cache": {"state": "ok"},
        "worker": {"state": "not_used"},
        "scheduler": {"state": "idle", "last_seen": None},
    }
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


def test_database_down_gives_503_without_details(client, db):
    with mock.patch(
        "editorial.health.connection.cursor",
        side_effect=OperationalError("connection to 10.0.0.5 refused, password=hunter2"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": {"state": "unavailable"},
        "cache": {"state": "ok"},
        "worker": {"state": "unknown"},
        "scheduler": {"state": "unknown"},
    }
    assert b"hunter2" not in response.content


def test_cache_down_is_degraded_not_503(client, db, settings):
    settings.CACHES = env.get_cache({"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["cache"] == {"state": "unavailable"}
    assert body["database"] == {"state": "ok"}


def test_worker_idle_then_seen(client, db, db_tasks):
    assert health(client)[1]["worker"] == {"state": "idle", "last_seen": None}

    finished = enqueue_waiting_since(1)
    done = timezone.now() - datetime.timedelta(seconds=30)
    DBTaskResult.objects.filter(pk=finished.pk).update(
        status="SUCCESSFUL", started_at=done, finished_at=done
    )
    status, body = health(client)
    assert status == 200 and body["status"] == "ok"
    assert body["worker"] == {"state": "idle", "last_seen": done.isoformat()}


def test_worker_taking_work_is_ok(client, db, db_tasks):
    enqueue_waiting_since(1)
    status, body = health(client)
    assert status == 200 and body["status"] == "ok"
    assert body["worker"]["state"] == "ok"
    assert 60 <= body["worker"]["oldest_waiting_seconds"] < 120


def test_worker_late_when_a_task_waits_too_long(client, db, db_tasks):
    enqueue_waiting_since(10)
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["worker"]["state"] == "late"
    assert body["worker"]["oldest_waiting_seconds"] >= 600


def test_scheduler_late_when_a_go_live_time_has_long_passed(client, db):
    article = make_article(site_tree()["hubs"][0], "Bài hẹn giờ", live=False)
    revision = article.latest_revision
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision.save()
    assert health(client)[1]["scheduler"]["state"] == "idle"  # due later: nothing owed

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    assert health(client)[1]["scheduler"]["state"] == "ok"  # due: the next pass takes it

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=10)
    revision.save()
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["scheduler"]["state"] == "late"
    assert body["scheduler"]["oldest_overdue_seconds"] >= 600


def test_scheduler_seen_by_its_last_scheduled_publication(client, db):
    article = make_article(site_tree()["hubs"][0], "Bài hẹn giờ", live=False)
    revision = article.latest_revision
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=5)
    revision.save()

    from editorial.pipelines.scheduler import tick

    tick()
    entry = PageLogEntry.objects.get(action="wagtail.publish.scheduled")
    status, body = health(client)
    assert status == 200
    assert body["scheduler"] == {"state": "idle", "last_seen": entry.timestamp.isoformat()}


def test_post_not_allowed(client, db):
    assert client.post("/healthz").status_code == 405
