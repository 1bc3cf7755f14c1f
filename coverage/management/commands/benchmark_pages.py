"""`manage.py benchmark_pages`: every reader page and the admin screens each role uses,
at demo size and with a large archive, on the database in DATABASE_URL.

For each URL: the query count of one request and the median and 95th percentile of
``--runs`` requests through Django's test client (reader pages with the cache cleared
before each request, so every one is uncached; admin screens signed in as the role that
uses them). It measures first, then tops the archive up to ``--articles`` live articles
(``editorial.management.benchmark_seed``: photos, tags, bylines, organisations, plan items) and
opens review steps until ``--open-steps`` wait, then measures again and prints both
columns side by side. Only on a throwaway database:

    createdb -h 127.0.0.1 -U postgres bench
    export DATABASE_URL=postgres://postgres@127.0.0.1/bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python manage.py benchmark_pages            # 20,000 articles, 200 open steps

Running it again reuses what was seeded (the first column is then the large archive too).
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.management import benchmark_seed as benchmark

READER_BUDGET_MS = 150
ADMIN_BUDGET_MS = 1000


def reader_urls() -> list[tuple[str, str]]:
    from coverage.models import (
        ArticlePage,
        AuthorIndexPage,
        OrganisationIndexPage,
        TagIndexPage,
        TopicHubPage,
    )

    hub = TopicHubPage.objects.live().order_by("path").first()
    article = ArticlePage.objects.live().child_of(hub).order_by("-first_published_at").first()
    per_page = 12
    deep = max(1, ArticlePage.objects.live().child_of(hub).count() // per_page // 2)
    urls = [
        ("home", "/"),
        ("hub, page 1", hub.url),
        ("hub, a middle page", f"{hub.url}?trang={deep}"),
        ("article", article.url),
        ("feed", reverse("coverage_feed")),
        ("sitemap index", reverse("coverage_sitemap")),
        ("sitemap of articles", reverse("coverage_sitemap_section", args=["bai-viet"])),
        ("search", "/tim-kiem/?q=xay+dung+dang"),
        ("autocomplete", "/tim-kiem/goi-y/?q=dang+bo"),
    ]
    for label, model in (
        ("tag", TagIndexPage),
        ("author", AuthorIndexPage),
        ("organisation", OrganisationIndexPage),
    ):
        index = model.objects.live().first()
        if index is None:
            continue
        urls.append((f"{label} index", index.url))
        item = index.items_with_articles().order_by("-article_count").first()
        if item is not None:
            urls.append((label, index.item_url(item)))
    return urls


def admin_urls() -> list[tuple[str, str, str]]:
    from coverage.models import ArticlePage, TopicHubPage

    hub = TopicHubPage.objects.order_by("path").first()
    article = ArticlePage.objects.live().child_of(hub).order_by("-first_published_at").first()
    screens = [
        ("dashboard", "/admin/", "tongbientap"),
        ("dashboard", "/admin/", "bientap"),
        ("dashboard", "/admin/", "phongvien"),
        ("dashboard", "/admin/", "bananh"),
        ("hub explorer", reverse("wagtailadmin_explore", args=[hub.pk]), "bientap"),
        ("article editor", reverse("wagtailadmin_pages:edit", args=[article.pk]), "bientap"),
        ("assignments", reverse("desk_assignment:index"), "bientap"),
        ("assignments", reverse("desk_assignment:index"), "phongvien"),
        ("beat log", reverse("desk_log:index"), "phongvien"),
        ("photos", reverse("wagtailimages:index"), "bananh"),
        ("review report", reverse("wagtailadmin_reports:workflow_tasks"), "tongbientap"),
    ]
    return screens


class Command(BaseCommand):
    help = "Query count, median and p95 of every reader page and admin screen, small and large."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000)
        parser.add_argument("--open-steps", type=int, default=200)
        parser.add_argument("--runs", type=int, default=7)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--host", default="localhost")

    def handle(self, *args, articles, open_steps, runs, seed, host, **options):
        self.runs = runs
        self.host = host
        self.addresses = (
            f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1)
        )
        before = self.measure()
        started = time.perf_counter()
        added = benchmark.seed(articles, 0, 0, random.Random(seed))
        opened = open_review_steps(open_steps)
        if added["articles"] or opened:
            if connection.vendor == "postgresql":
                # Bulk inserts leave the planner's statistics behind until autovacuum
                # catches up (minutes later): measure with them current, as a live site is.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write(
                f"Seeded {added['articles']} articles and opened {opened} review steps "
                f"in {time.perf_counter() - started:.0f} s."
            )
        after = self.measure()
        self.report(before, after)

    def measure(self) -> dict:
        from wagtail.models import TaskState

        from coverage.models import ArticlePage

        size = (
            ArticlePage.objects.live().count(),
            TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count(),
        )
        rows = {}
        for label, url in reader_urls():
            rows[("reader", label)] = self._time(Client(HTTP_HOST=self.host), url, cold=True)
        users = get_user_model().objects
        for label, url, username in admin_urls():
            client = Client(HTTP_HOST=self.host)
            client.force_login(users.get(username=username))
            rows[(username, label)] = self._time(client, url, cold=False)
        return {"size": size, "rows": rows}

    def _time(self, client, url, *, cold: bool) -> tuple[int, float, float]:
        timings, queries = [], 0
        for run in range(self.runs + 1):
            if cold:
                cache.clear()
            reset_queries()  # the query log keeps 9,000 entries; a count past that reads 0
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(url, REMOTE_ADDR=next(self.addresses))
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
                elapsed = (time.perf_counter() - began) * 1000
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            if run:  # the first request warms per-process caches (templates, content types)
                timings.append(elapsed)
            queries = len(captured)
        p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
        return queries, statistics.median(timings), p95

    def report(self, before: dict, after: dict) -> None:
        (small, small_steps), (large, large_steps) = before["size"], after["size"]
        load = os.getloadavg()[0]
        self.stdout.write(
            f"{connection.vendor}; {self.runs} runs; load average {load:.2f}\n"
            f"{'':38} {small:>6} articles, {small_steps:>3} steps | "
            f"{large:>6} articles, {large_steps:>3} steps\n"
            f"{'who':12} {'page':25} {'queries':>7} {'median':>8} {'p95':>8} | "
            f"{'queries':>7} {'median':>8} {'p95':>8}  ratio"
        )
        over = []
        for key, (queries, median, p95) in after["rows"].items():
            who, label = key
            was = before["rows"].get(key, (0, 0.0, 0.0))
            ratio = median / was[1] if was[1] else 0.0
            budget = READER_BUDGET_MS if who == "reader" else ADMIN_BUDGET_MS
            flag = "  OVER" if median > budget else ""
            if flag:
                over.append(f"{who} {label}")
            self.stdout.write(
                f"{who:12} {label:25} {was[0]:7} {was[1]:8.1f} {was[2]:8.1f} | "
                f"{queries:7} {median:8.1f} {p95:8.1f}  {ratio:4.1f}×{flag}"
            )
        budgets = f"reader {READER_BUDGET_MS} ms, admin {ADMIN_BUDGET_MS} ms"
        self.stdout.write(
            f"Over budget ({budgets}): {', '.join(over)}" if over else f"All within {budgets}."
        )


def open_review_steps(target: int) -> int:
    """Start pipelines on seeded drafts until ``target`` steps wait; returns how many."""
    from wagtail.models import TaskState, WorkflowState

    from coverage.models import ArticlePage

    waiting = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count()
    if waiting >= target:
        return 0
    writer = get_user_model().objects.get(username="phongvien")
    in_review = [
        int(pk) for pk in WorkflowState.objects.active().values_list("object_id", flat=True)
    ]
    drafts = (
        ArticlePage.objects.filter(live=False, source_line=benchmark.TAG)
        .exclude(pk__in=in_review)
        .order_by("pk")[: target - waiting]
    )
    opened = 0
    for page in drafts:
        workflow = page.get_workflow()
        if workflow is None:
            continue
        page.save_revision(user=writer)
        workflow.start(page, writer)
        opened += 1
    return opened
