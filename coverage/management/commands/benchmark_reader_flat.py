"""`manage.py benchmark_reader_flat`: reader pages that must stay flat as the archive grows.

Times, through Django's test client on the database in DATABASE_URL, the median of
``--runs`` requests and counts the queries of one request for:

- /sitemap.xml, and each sitemap it lists when it is a sitemap index (their sum and the
  slowest one);
- /tim-kiem/goi-y/?q=... (autocomplete) for short and long prefixes, folded and accented;
- /tim-kiem/?q=... (search) for a common and a rare query.

It seeds nothing: run it after ``load_demo`` (demo size), then after
``benchmark_search`` has seeded the archive (20,000 articles by default), e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1/bench .venv/bin/python manage.py benchmark_reader_flat

Each request comes from its own client address, so the search rate limits never answer
429 in the middle of a measurement.
"""

from __future__ import annotations

import itertools
import statistics
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
AUTOCOMPLETE_QUERIES = ["da", "dang bo", "Đảng", "xay dung", "khoi thong nguon", "tet am"]
SEARCH_QUERIES = ["xay dung dang", "tet am yeu thuong"]


class Command(BaseCommand):
    help = "Median time and query count of the sitemap, autocomplete and search pages."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--host", default="localhost")

    def handle(self, *args, runs, host, **options):
        from coverage.models import ArticlePage

        self.client = Client(HTTP_HOST=host)
        self.addresses = (
            f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1)
        )
        self.runs = runs
        live = ArticlePage.objects.live().count()
        self.stdout.write(f"{connection.vendor}: {live} live articles, median of {runs} runs")

        index_ms, index_queries, response = self._time("/sitemap.xml")
        root = ET.fromstring(response.content)
        children = (
            [urlsplit(loc.text) for loc in root.iter(f"{SITEMAP_NS}loc")]
            if root.tag == f"{SITEMAP_NS}sitemapindex"
            else []
        )
        if children:
            timed = [self._time(f"{c.path}?{c.query}" if c.query else c.path) for c in children]
            self.stdout.write(
                f"  /sitemap.xml (index of {len(children)})  {index_ms:8.1f} ms {index_queries:3} q; "
                f"children: sum {sum(t[0] for t in timed):.1f} ms, slowest "
                f"{max(t[0] for t in timed):.1f} ms, queries each {sorted({t[1] for t in timed})}"
            )
        else:
            urls = len(root.findall(f"{SITEMAP_NS}url"))
            self.stdout.write(
                f"  /sitemap.xml ({urls} urls, one file)  {index_ms:8.1f} ms {index_queries:3} q"
            )
        for query in AUTOCOMPLETE_QUERIES:
            ms, queries, response = self._time("/tim-kiem/goi-y/", q=query)
            found = len(response.json()["results"])
            self.stdout.write(f"  goi-y {query!r:20} {ms:8.1f} ms {queries:3} q  ({found} results)")
        for query in SEARCH_QUERIES:
            ms, queries, _response = self._time("/tim-kiem/", q=query)
            self.stdout.write(f"  tim-kiem {query!r:17} {ms:8.1f} ms {queries:3} q")

    def _time(self, path, **params):
        timings = []
        queries = None
        response = None
        for _ in range(self.runs):
            cache.clear()  # Wagtail's site root paths and any cached page alike: cold each time
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = self.client.get(path, params, REMOTE_ADDR=next(self.addresses))
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{path} {params} answered {response.status_code}")
            queries = len(captured)
        return statistics.median(timings), queries, response
