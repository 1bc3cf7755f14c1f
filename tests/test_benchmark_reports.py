"""`manage.py benchmark_reports` seeds, then times and counts every report (tiny run)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from coverage.models import ArticlePage
from editorial.management.benchmark_seed import TAG
from editorial.management.commands.benchmark_reports import report_urls
from editorial.models import Assignment


@pytest.mark.django_db
def test_benchmark_seeds_and_measures_every_report(demo):
    out = io.StringIO()
    call_command(
        "benchmark_reports", articles=40, assignments=12, log_entries=6, repeat=1, stdout=out
    )
    text = out.getvalue()
    assert ArticlePage.objects.filter(source_line=TAG).count() == 40
    assert Assignment.objects.filter(brief=TAG).count() == 12
    for path in ("/bao-cao/tien-do/", "/bao-cao/thong-ke/", "/bao-cao/thoi-gian-duyet/",
                 "/bao-cao/tre-han/", "/bao-cao/tong-ket-nam/"):  # fmt: skip
        assert path in text
    assert text.count(" queries ") == len(report_urls(2020))
    # A second run tops up nothing.
    call_command("benchmark_reports", articles=40, assignments=12, log_entries=6, repeat=1,
                 stdout=io.StringIO())  # fmt: skip
    assert ArticlePage.objects.filter(source_line=TAG).count() == 40
