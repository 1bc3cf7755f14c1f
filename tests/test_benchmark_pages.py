"""`manage.py benchmark_pages` measures, seeds, opens review steps, measures again (tiny run)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from wagtail.models import TaskState

from coverage.management.commands.benchmark_pages import admin_urls, reader_urls
from coverage.models import ArticlePage
from editorial.management.benchmark_seed import TAG


@pytest.mark.django_db
def test_benchmark_pages_seeds_and_measures_every_page_and_screen(demo):
    out = io.StringIO()
    call_command("benchmark_pages", articles=60, open_steps=4, runs=2, stdout=out)
    text = out.getvalue()
    seeded = ArticlePage.objects.filter(source_line=TAG)
    assert seeded.count() == 60
    # The seeded articles carry photos and tags, as readers' pages show them.
    assert seeded.filter(hero_image__isnull=False).count() == 60
    assert seeded.filter(tagged_items__isnull=False).distinct().exists()
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() >= 4
    rows = [line for line in text.splitlines() if "×" in line]
    assert len(rows) == len(reader_urls()) + len(admin_urls())
    for label, _url in reader_urls():
        assert any(line.startswith("reader") and label in line for line in rows), label
