"""`manage.py benchmark_search`: seeds live, indexed articles and reports the latency."""

import random
import re
from io import StringIO

from django.core.management import call_command

from coverage.management.search_corpus import PHRASES, Corpus, syllables
from coverage.search.service import search_articles
from coverage.sitemaps import SITEMAPS
from editorial.text import fold
from tests.factories import site_tree


def test_benchmark_seeds_searchable_articles_and_reports_latency(db):
    site_tree()
    out = StringIO()
    call_command("benchmark_search", articles=40, queries=6, stdout=out)
    report = out.getvalue()
    assert "Seeded and indexed 40 articles" in report
    assert re.search(r"40 live articles, 6 queries: median [\d.]+ ms, p95 [\d.]+ ms", report)
    assert re.search(r"'xay dung dang' +\d+ matches", report)
    # Seeded articles are live and indexed: the most common phrase is found.
    assert search_articles("doanh nghiep nha nuoc").results
    rerun = StringIO()
    call_command("benchmark_search", articles=40, queries=1, stdout=rerun)
    assert "Seeded" not in rerun.getvalue()  # the archive is reused


def test_corpus_has_thousands_of_folded_syllables_and_the_real_phrases():
    words = syllables()
    assert len({fold(word) for word in words}) > 1500
    assert words[:3] == ["của", "và", "các"]  # the most frequent come first
    corpus = Corpus(random.Random(1))
    articles = [corpus.article() for _ in range(300)]
    texts = [fold(" ".join([a.title, a.sapo, *a.paragraphs])) for a in articles]
    common, rare = fold(PHRASES[0][0]), fold(PHRASES[-1][0])
    assert 0.2 < sum(common in text for text in texts) / len(texts) < 0.5
    assert sum(rare in text for text in texts) / len(texts) < 0.05


def test_reader_flat_benchmark_follows_the_sitemap_index_and_times_each_page(db):
    site_tree()
    call_command("benchmark_search", articles=30, queries=1, stdout=StringIO())
    out = StringIO()
    call_command("benchmark_reader_flat", runs=2, stdout=out)
    report = out.getvalue()
    assert "30 live articles, median of 2 runs" in report
    sections = len(SITEMAPS)  # pages and corrections
    assert re.search(
        rf"/sitemap.xml \(index of {sections}\) +[\d.]+ ms +\d+ q; children: sum", report
    )
    assert re.search(r"goi-y 'dang bo' +[\d.]+ ms +\d+ q +\(\d+ results\)", report)
    assert re.search(r"tim-kiem 'xay dung dang' +[\d.]+ ms +\d+ q", report)
