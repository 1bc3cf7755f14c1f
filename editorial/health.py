"""`/healthz`: can this app server answer requests, and how are the things behind it?

The status code is the load balancer's answer: 503 only when the database is down, the
one dependency without which no page can be served. The cache, the task worker and the
scheduler are reported in the JSON body; when one of them is not well the status is
"degraded" but the code stays 200, because readers are still served (a dead Redis is a
cache miss, see editorial/redis_cache.py) and taking every app server out of the pool
over a stalled worker would turn a late email into an outage.

The worker and the scheduler are not asked: they are judged by the rows they leave,
so there is one truth and nothing extra to write. The worker takes task rows
(django-tasks-db); it is "late" when a task has been ready to run for longer than
``WORKER_LATE``. The scheduler publishes revisions whose go-live time has passed
(Wagtail's ``approved_go_live_at``, cleared once published); it is "late" when one is
still waiting ``SCHEDULER_LATE`` after that time. With nothing to do, both are "idle":
idle and stopped look alike until work arrives, and then "late" tells them apart.
Each reports when it was last seen working.
"""

from __future__ import annotations

import datetime
import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Case, F, Max, Min, When
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

OK, DEGRADED, ERROR = "ok", "degraded", "error"
# The scheduler passes every minute; three missed passes is not a slow one.
SCHEDULER_LATE = datetime.timedelta(minutes=3)
# The worker polls every second; a task waiting five minutes has no worker taking it.
WORKER_LATE = datetime.timedelta(minutes=5)
SCHEDULED_PUBLISH_ACTION = "wagtail.publish.scheduled"


def _seconds(delta: datetime.timedelta) -> int:
    return max(0, int(delta.total_seconds()))


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        # No exception text in the body: it can carry host names and credentials.
        return {"state": "unavailable"}
    return {"state": OK}


def check_cache() -> dict:
    """A write read back: the outage-tolerant cache answers a miss instead of raising."""
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz:probe", probe, timeout=30)
        answered = cache.get("healthz:probe") == probe
    except Exception:  # any other backend's own failure: report it, never 500
        logger.exception("Health check: cache failed")
        answered = False
    return {"state": OK if answered else "unavailable"}


def check_worker(now: datetime.datetime) -> dict:
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    if not isinstance(task_backends["default"], DatabaseBackend):
        return {"state": "not_used"}  # tasks run inside the request (tests, some dev setups)
    # A task with no run_after is stored with the far future date and waits from enqueueing.
    waiting_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")
    )
    rows = DBTaskResult.objects.ready().aggregate(oldest=Min(waiting_since))
    seen = DBTaskResult.objects.aggregate(started=Max("started_at"), finished=Max("finished_at"))
    last_seen = max(filter(None, seen.values()), default=None)
    report = {"last_seen": _iso(last_seen)}
    if rows["oldest"] is None:
        return {"state": "idle", **report}
    waited = now - rows["oldest"]
    state = "late" if waited > WORKER_LATE else OK
    return {"state": state, "oldest_waiting_seconds": _seconds(waited), **report}


def check_scheduler(now: datetime.datetime) -> dict:
    from wagtail.models import PageLogEntry, Revision

    due = Revision.objects.filter(approved_go_live_at__lt=now).aggregate(
        oldest=Min("approved_go_live_at")
    )["oldest"]
    last_seen = PageLogEntry.objects.filter(action=SCHEDULED_PUBLISH_ACTION).aggregate(
        last=Max("timestamp")
    )["last"]
    report = {"last_seen": _iso(last_seen)}
    if due is None:
        return {"state": "idle", **report}
    overdue = now - due
    state = "late" if overdue > SCHEDULER_LATE else OK
    return {"state": state, "oldest_overdue_seconds": _seconds(overdue), **report}


def _guarded(check, *args) -> dict:
    try:
        return check(*args)
    except DatabaseError:
        logger.exception("Health check: %s could not be read", check.__name__)
        return {"state": "unknown"}


@never_cache
@require_GET
def healthz(request):
    database = check_database()
    report = {"database": database, "cache": check_cache()}
    if database["state"] != OK:
        # Both are read from the database: nothing can be said about them now.
        report |= {"worker": {"state": "unknown"}, "scheduler": {"state": "unknown"}}
        return JsonResponse({"status": ERROR, **report}, status=503)
    now = timezone.now()
    report |= {"worker": _guarded(check_worker, now), "scheduler": _guarded(check_scheduler, now)}
    healthy = {OK, "idle", "not_used"}
    status = OK if all(part["state"] in healthy for part in report.values()) else DEGRADED
    return JsonResponse({"status": status, **report})
