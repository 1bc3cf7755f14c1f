"""`manage.py benchmark_search`: reader-search latency with a large archive.

Seeds synthetic live articles (default 20,000) under one topic hub, indexes them, then
times ``search_articles`` — the function behind /tim-kiem/ — over a mix of folded and
accented queries, and prints the median and 95th percentile, the load average (other
work on the machine skews the numbers) and, per query, how many articles matched.
The text is Zipf-distributed Vietnamese syllables plus the coverage's real phrases
(coverage/management/search_corpus.py), so common queries match most of the archive and
rare ones a few dozen articles, as on the real site.

Seeding writes straight to the tables (Wagtail's one-page-at-a-time API would take
most of an hour), so run it on a throwaway database:

    createdb -h 127.0.0.1 -U postgres bench
    DATABASE_URL=postgres://postgres@127.0.0.1/bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py load_demo
    DATABASE_URL=... .venv/bin/python manage.py benchmark_search

Running it again reuses the articles already seeded.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from coverage.management.search_corpus import QUERIES, Corpus
from coverage.search.service import SearchFilters, live_articles, search_articles

TAG = "[benchmark]"


def _percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[max(0, int(len(sorted_values) * share) - 1)]


def _load() -> str:
    return "load average {:.2f}, {:.2f}, {:.2f}".format(*os.getloadavg())


class Command(BaseCommand):
    help = "Seed many articles and report reader-search latency (median, p95)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2020)

    def handle(self, *args, articles, queries, seed, **options):
        from coverage.models import ArticlePage, TopicHubPage

        hub = TopicHubPage.objects.order_by("path").first()
        if hub is None:
            raise CommandError("No topic hub: run `manage.py load_demo` first.")
        existing = ArticlePage.objects.filter(source_line=TAG).count()
        if existing < articles:
            started = time.perf_counter()
            self._seed(hub, articles - existing, random.Random(seed + existing))
            with connection.cursor() as cursor:
                # Fresh statistics, or the planner guesses row counts for an empty table.
                # On PostgreSQL also what autovacuum does in time (and it may be off, as on
                # this machine): clear the dead rows Wagtail's title-norm update leaves in
                # the index entries and the GIN indexes' pending lists.
                vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
                cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
            self.stdout.write(
                f"Seeded and indexed {articles - existing} articles in "
                f"{time.perf_counter() - started:.0f} s."
            )
        live = ArticlePage.objects.live().count()
        self.stdout.write(f"Before: {_load()}")
        timings = []
        per_query = defaultdict(list)
        for number in range(queries):
            query = QUERIES[number % len(QUERIES)]
            started = time.perf_counter()
            outcome = search_articles(query, SearchFilters())
            len(outcome.results)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            per_query[query].append(elapsed)
        self.stdout.write(f"After: {_load()}")
        timings.sort()
        self.stdout.write(
            f"{connection.vendor}: {live} live articles, {queries} queries: "
            f"median {statistics.median(timings):.1f} ms, p95 {_percentile(timings, 0.95):.1f} ms, "
            f"max {timings[-1]:.1f} ms"
        )
        backend = get_search_backend()
        for query, times in per_query.items():
            matches = backend.search(query, live_articles(), operator="and").count()
            self.stdout.write(
                f"  {query!r:26} {matches:6} matches ({matches / live:6.1%}), "
                f"median {statistics.median(times):6.1f} ms"
            )

    @transaction.atomic
    def _seed(self, hub, count: int, rng: random.Random) -> None:
        from coverage.models import ArticlePage

        if not connection.features.can_return_rows_from_bulk_insert:
            raise CommandError("This database cannot return keys from bulk inserts.")
        corpus = Corpus(rng)
        hub = Page.objects.select_for_update().get(pk=hub.pk)
        content_type = ContentType.objects.get_for_model(ArticlePage)
        locale = Locale.get_default()
        now = timezone.now()
        backend = get_search_backend()
        batch = 1000
        for start in range(0, count, batch):
            size = min(batch, count - start)
            pages = []
            for offset in range(size):
                number = hub.numchild + offset + 1
                text = corpus.article()
                slug = f"benchmark-{hub.pk}-{number}"
                published = now - timezone.timedelta(hours=rng.randint(1, 5 * 365 * 24))
                pages.append(
                    ArticlePage(
                        title=text.title,
                        draft_title=text.title,
                        slug=slug,
                        content_type=content_type,
                        locale=locale,
                        live=True,
                        has_unpublished_changes=False,
                        path=Page._get_path(hub.path, hub.depth + 1, number),
                        depth=hub.depth + 1,
                        numchild=0,
                        url_path=f"{hub.url_path}{slug}/",
                        first_published_at=published,
                        last_published_at=published,
                        sapo=text.sapo,
                        body=[("paragraph", f"<p>{p}</p>") for p in text.paragraphs],
                        source_line=TAG,
                    )
                )
            # Django cannot bulk-create multi-table models: write the parent rows, then
            # the article rows with the same keys.
            Page.objects.bulk_create(pages)
            for page in pages:
                page.page_ptr_id = page.id
            fields = ArticlePage._meta.local_concrete_fields
            query = InsertQuery(ArticlePage)
            query.insert_values(fields, pages)
            query.get_compiler(connection=connection).execute_sql()
            hub.numchild += size
            Page.objects.filter(pk=hub.pk).update(numchild=hub.numchild)
            # get_indexed_objects() prefetches the indexed relations (tags, bylines):
            # without it the indexer runs ten queries per article.
            indexed = ArticlePage.get_indexed_objects().filter(pk__in=[p.id for p in pages])
            backend.add_bulk(ArticlePage, indexed)
            # With DEBUG on, Django keeps every statement, index text included (800 MB).
            reset_queries()
            self.stdout.write(f"  {start + size}/{count}")
