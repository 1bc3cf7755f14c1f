"""`manage.py benchmark_search`: reader-search latency with a large archive.

Seeds synthetic live articles (default 20,000) under one topic hub, indexes them, then
times ``search_articles`` — the function behind /tim-kiem/ — over a mix of folded and
accented queries, and prints the median and 95th percentile. Seeding writes straight
to the tables (Wagtail's one-page-at-a-time API would take most of an hour), so run it
on a throwaway database:

    createdb -h 127.0.0.1 -U postgres bench
    DATABASE_URL=postgres://postgres@127.0.0.1/bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py load_demo
    DATABASE_URL=... .venv/bin/python manage.py benchmark_search

Running it again reuses the articles already seeded.
"""

from __future__ import annotations

import random
import statistics
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from coverage.search.service import SearchFilters, search_articles

WORDS = [
    "xây",
    "dựng",
    "Đảng",
    "doanh",
    "nghiệp",
    "nhà",
    "nước",
    "tập",
    "đoàn",
    "tổng",
    "công",
    "ty",
    "ngân",
    "hàng",
    "đại",
    "hội",
    "nhiệm",
    "kỳ",
    "nghị",
    "quyết",
    "cổ",
    "phần",
    "hóa",
    "quản",
    "trị",
    "năng",
    "lực",
    "cạnh",
    "tranh",
    "đổi",
    "mới",
    "công",
    "nghệ",
    "người",
    "lao",
    "động",
    "hàng",
    "Việt",
    "tình",
    "nguyện",
    "biên",
    "giới",
    "hải",
    "đảo",
    "hội",
    "thảo",
    "nguồn",
    "lực",
    "điện",
    "lực",
    "dầu",
    "khí",
    "than",
    "khoáng",
    "sản",
    "hóa",
    "chất",
    "phân",
    "bón",
    "tín",
    "dụng",
    "nông",
    "thôn",
    "đầu",
    "tư",
    "phát",
    "triển",
    "bền",
    "vững",
    "chỉ",
    "thị",
    "học",
    "tập",
    "làm",
    "theo",
    "tư",
    "tưởng",
    "đạo",
    "đức",
    "phong",
    "cách",
    "kinh",
    "tế",
    "thị",
    "trường",
    "định",
    "hướng",
    "xã",
    "hội",
    "chủ",
    "nghĩa",
]
QUERIES = [
    "xay dung dang", "XÂY DỰNG ĐẢNG", "dang uy khoi", "tet am yeu thuong", "evn",
    "doanh nghiep nha nuoc", "co phan hoa", "hội thảo nguồn lực", "dien luc", "hang viet",
    "tín dụng nông thôn", "dai hoi nhiem ky", "quan tri", "cong nghe", "bien gioi hai dao",
    "khoi thong nguon luc", "nghị quyết", "phat trien ben vung", "than khoang san", "phan bon",
]  # fmt: skip
TAG = "[benchmark]"


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
        rng = random.Random(seed)
        existing = ArticlePage.objects.filter(source_line=TAG).count()
        if existing < articles:
            started = time.perf_counter()
            self._seed(hub, articles - existing, rng)
            self.stdout.write(
                f"Seeded and indexed {articles - existing} articles in "
                f"{time.perf_counter() - started:.0f} s."
            )
        live = ArticlePage.objects.live().count()
        timings = []
        for number in range(queries):
            query = QUERIES[number % len(QUERIES)]
            started = time.perf_counter()
            outcome = search_articles(query, SearchFilters())
            len(outcome.results)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        self.stdout.write(
            f"{connection.vendor}: {live} live articles, {queries} queries: "
            f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
            f"max {timings[-1]:.1f} ms"
        )

    @transaction.atomic
    def _seed(self, hub, count: int, rng: random.Random) -> None:
        from coverage.models import ArticlePage

        if not connection.features.can_return_rows_from_bulk_insert:
            raise CommandError("This database cannot return keys from bulk inserts.")
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
                title = " ".join(rng.choices(WORDS, k=8)).capitalize()
                slug = f"benchmark-{hub.pk}-{number}"
                published = now - timezone.timedelta(hours=rng.randint(1, 5 * 365 * 24))
                pages.append(
                    ArticlePage(
                        title=title,
                        draft_title=title,
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
                        sapo=" ".join(rng.choices(WORDS, k=30)),
                        body=[("paragraph", " ".join(rng.choices(WORDS, k=120)))],
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
            backend.add_bulk(ArticlePage, ArticlePage.objects.filter(pk__in=[p.id for p in pages]))
            self.stdout.write(f"  {start + size}/{count}")
