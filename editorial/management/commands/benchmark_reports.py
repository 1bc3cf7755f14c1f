"""`manage.py benchmark_reports`: render time and SQL query count of every delivery report
with a large newsroom (default 20,000 articles and 5,000 assignments).

Seeds the rows first (``editorial.management.benchmark_seed``, tagged, topped up on later runs),
then requests each report screen and download as an editor through the whole Django stack
and prints, per URL, the median time over ``--repeat`` runs (after one warm-up) and the
number of queries. Run it on a throwaway database that has the demo loaded:

    createdb -h 127.0.0.1 -U postgres reports_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1/reports_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python manage.py benchmark_reports
"""

from __future__ import annotations

import random
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.management import benchmark_seed as benchmark
from editorial.roles import VIEW_REPORTS

BUDGET_MS = 1000


def report_urls(year: int) -> list[str]:
    progress = reverse("report_progress:index")
    coverage = reverse("report_coverage:index")
    cycles = reverse("report_cycle_times:index")
    overdue = reverse("report_overdue:index")
    annual = reverse("report_annual:index")
    urls = [f"{progress}?year={year}&by={by}" for by in ("item", "topic", "year")]
    urls += [
        f"{coverage}?year={year}&by={by}"
        for by in ("month", "organisation", "author", "journalist", "beat")
    ]
    urls += [f"{cycles}?year={year}&by={by}" for by in ("step", "topic", "month", "open")]
    urls += [f"{overdue}?by={by}" for by in ("person", "assignments", "steps")]
    urls += [
        f"{annual}?year={year}",
        f"{progress}?year={year}&export=xlsx",
        f"{overdue}?by=assignments&export=csv",
    ]
    return urls


class Command(BaseCommand):
    help = "Seed a large newsroom and report each delivery report's render time and queries."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000)
        parser.add_argument("--assignments", type=int, default=5_000)
        parser.add_argument("--log-entries", type=int, default=3_000)
        parser.add_argument("--year", type=int, default=2020)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--seed", type=int, default=2020)

    def handle(self, *args, articles, assignments, log_entries, year, repeat, seed, **options):
        started = time.perf_counter()
        try:
            added = benchmark.seed(articles, assignments, log_entries, random.Random(seed))
        except ValueError as error:
            raise CommandError(str(error)) from None
        if any(added.values()):
            self.stdout.write(
                f"Seeded {added} in {time.perf_counter() - started:.0f} s "
                f"(now {benchmark.seeded_counts()})."
            )
        editor = self._editor()
        host = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h), "localhost")
        client = Client(HTTP_HOST=host.lstrip("."))
        client.force_login(editor)
        self.stdout.write(f"{connection.vendor}, {repeat} runs each, budget {BUDGET_MS} ms:")
        worst = 0.0
        for url in report_urls(year):
            timings, queries = [], 0
            for run in range(repeat + 1):
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    response = client.get(url)
                    if hasattr(response, "streaming_content"):
                        b"".join(response.streaming_content)
                    elapsed = (time.perf_counter() - began) * 1000
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
                if run:  # the first run warms caches
                    timings.append(elapsed)
                queries = len(captured.captured_queries)
            median = statistics.median(timings)
            worst = max(worst, median)
            flag = "" if median < BUDGET_MS else "  OVER BUDGET"
            self.stdout.write(
                f"  {median:8.1f} ms  max {max(timings):8.1f} ms  {queries:3d} queries  {url}{flag}"
            )
        self.stdout.write(f"Slowest report: {worst:.1f} ms (median).")

    def _editor(self):
        users = get_user_model().objects.filter(is_active=True).order_by("pk")
        for user in users:
            if user.has_perm(VIEW_REPORTS):
                return user
        raise CommandError("No active user may see the reports: run `manage.py load_demo`.")
