"""The joint review report for the programme's whole period (tổng kết 2020–2025, DOCX):
the Party document's layout, the year's sections laid out over every year, totals equal
to the progress report's over all years, and a cost that does not grow with the years or
the items."""

from __future__ import annotations

import io
import random

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from editorial.management import benchmark_seed as benchmark
from editorial.models import AnnualPlan, Programme
from editorial.reports import joint_report, period_report
from editorial.reports.queries import progress
from tests.factories.editorial import PlanFactory, PlanItemFactory
from tests.support.reports import TOTAL, report_url, screen_rows

pytestmark = pytest.mark.django_db
URL = "report_annual:period_docx"


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    return client


def _docx(client, period="2020-2025") -> Document:
    response = client.get(reverse(URL))
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert f"bao-cao-tong-ket-{period}.docx" in response["Content-Disposition"]
    return Document(io.BytesIO(response.content))


def _text(doc) -> str:
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _table(doc, first_heading: str):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_heading)


def _values(table, label: str) -> dict[str, str]:
    headings = [c.text for c in table.rows[0].cells]
    row = next(r for r in table.rows if r.cells[0].text == label)
    return dict(zip(headings, (c.text for c in row.cells), strict=True))


def test_the_period_report_is_a_party_document_over_every_year(editor_client):
    doc = _docx(editor_client)
    left, right = doc.tables[0].rows[0].cells
    assert "ĐẢNG ỦY KHỐI DOANH NGHIỆP TRUNG ƯƠNG" in left.text.upper()
    assert "TẠP CHÍ CỘNG SẢN" in left.text.upper() and "Số" in left.text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right.text
    assert "Hà Nội, ngày … tháng … năm …" in right.text
    paragraphs = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in paragraphs
    assert any(p.startswith("tổng kết") and p.endswith("giai đoạn 2020–2025") for p in paragraphs)
    for heading in period_report.SECTIONS:
        assert heading in paragraphs
    assert all(cell.text.startswith("T/M ") for cell in doc.tables[-1].rows[0].cells)
    # The plan items are grouped by year, in order, each year numbered under section I.3.
    years = sorted(AnnualPlan.objects.values_list("year", flat=True).distinct())
    assert len(years) > 1
    subheads = [p for p in paragraphs if p.startswith("3.") and ". Năm " in p]
    assert subheads == [f"3.{n}. Năm {year}" for n, year in enumerate(years, start=1)]
    # The exchange table has a line per programme year and a total.
    # The first "Năm" table is the delivery per year, the second the exchange's.
    exchange = [t for t in doc.tables if t.rows[0].cells[0].text == "Năm"][1]
    assert [r.cells[0].text for r in exchange.rows[1:]] == [
        *map(str, Programme.objects.get().years()),
        joint_report.TOTAL_LABEL,
    ]
    total = _values(exchange, joint_report.TOTAL_LABEL)
    assert int(total["Văn bản nhận"]) == joint_report.exchange_statistics(None)["received"] > 0


def test_its_totals_equal_the_progress_reports_over_all_years(editor_client):
    doc = _docx(editor_client)
    screen = screen_rows(editor_client.get(report_url("progress", by="year")))
    expected = progress.total(progress.delivery(progress.ITEM, None).values())
    # Every year's plan, not 2020's alone (the demo delivers in 2020, plans for later).
    first_year = progress.total(progress.delivery(progress.ITEM, 2020).values())
    assert expected.items > first_year.items and expected.target > first_year.target
    assert expected.delivered > 0
    for first in ("Nội dung", "Năm"):
        values = _values(_table(doc, first), joint_report.TOTAL_LABEL)
        assert int(values["Chỉ tiêu"]) == int(screen[TOTAL]["target"]) == expected.target
        assert int(values["Đã thực hiện"]) == int(screen[TOTAL]["delivered"]) == expected.delivered
        assert int(values["Bài viết"]) == int(screen[TOTAL]["articles"]) == expected.articles
        assert int(values["Sự kiện"]) == int(screen[TOTAL]["events"]) == expected.events
    # Each year's line is the progress report's line for that year.
    by_year = _table(doc, "Năm")
    for year, entry in progress.delivery(progress.YEAR, None).items():
        values = _values(by_year, str(year))
        assert int(values["Đã thực hiện"]) == int(screen[str(year)]["delivered"]) == entry.delivered


def test_articles_of_later_years_appear_under_their_year(editor_client):
    from coverage.models import ArticlePage

    text = _text(_docx(editor_client))
    for year in (2020, max(AnnualPlan.objects.values_list("year", flat=True))):
        article = ArticlePage.objects.live().filter(plan_item__plan__year=year).first()
        if year == 2020:
            assert article is not None
        if article is not None:
            assert f"“{article.title}”" in text


def test_the_annual_summary_links_both_reports(editor_client):
    html = editor_client.get(report_url("annual", year=2020)).content.decode()
    assert f'href="{reverse("report_annual:docx")}?year=2020"' in html
    assert f'href="{reverse(URL)}"' in html


def test_journalists_cannot_download_it(demo, client):
    client.force_login(get_user_model().objects.get(username="phongvien"))
    response = client.get(reverse(URL))
    assert response.status_code in (302, 403)
    assert "wordprocessingml" not in response.get("Content-Type", "")


def _count(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(URL)).status_code == 200
    return len(queries)


# The whole request: session, user, permissions and profile (5); programme and plan years
# (2); the progress report's grouped queries per topic, per year and per item (4 each);
# the topics, the items, their live articles with bylines, view restrictions and print
# slots, the held events, the next period's items, the two bodies and the ledger (11).
BUDGET = 31


def test_its_queries_do_not_grow_with_the_years_or_the_items(
    editor_client, django_assert_max_num_queries
):
    editor_client.get(reverse(URL))  # caches warm (content types, site roots)
    before = _count(editor_client)

    # The programme runs two years longer, each with a plan and items, and more work.
    programme = Programme.objects.get()
    programme.end_year = 2027
    programme.save(update_fields=["end_year"])
    for year in (2026, 2027):
        plan = PlanFactory(programme=programme, year=year)
        PlanItemFactory.create_batch(3, plan=plan, target=2, notes="")
    added = benchmark.seed(articles=60, assignments=30, log_entries=10, rng=random.Random(19))
    assert added["articles"] == 60
    after = _count(editor_client)
    assert after == before, f"{before} queries, then {after}"
    with django_assert_max_num_queries(BUDGET):
        editor_client.get(reverse(URL))
    # The new years are in it, their items under them.
    paragraphs = [p.text for p in _docx(editor_client, "2020-2027").paragraphs]
    assert any(p.endswith("giai đoạn 2020–2027") for p in paragraphs)
    assert paragraphs.index("3.8. Năm 2027") < next(
        n for n, p in enumerate(paragraphs) if p.startswith("3.8.1. Hạng mục")
    )
