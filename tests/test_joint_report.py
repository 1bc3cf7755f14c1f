"""The joint review report for 2020 (DOCX): a Party document's layout, the sections the
issue lists, and totals equal to the progress report's for the same year."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from docx import Document

from editorial.reports import joint_report
from editorial.reports.queries import progress
from tests.support.reports import TOTAL, report_url, screen_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    return client


def _docx(client, year=2020) -> Document:
    response = client.get(f"{reverse('report_annual:docx')}?year={year}")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert f"bao-cao-so-ket-{year}.docx" in response["Content-Disposition"]
    return Document(io.BytesIO(response.content))


def _text(doc) -> str:
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_2020_report_is_laid_out_as_a_party_document(editor_client):
    doc = _docx(editor_client)
    left, right = doc.tables[0].rows[0].cells
    assert "ĐẢNG ỦY KHỐI DOANH NGHIỆP TRUNG ƯƠNG" in left.text.upper()
    assert "TẠP CHÍ CỘNG SẢN" in left.text.upper()
    assert "Số" in left.text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right.text
    assert "Hà Nội, ngày … tháng … năm …" in right.text
    text = _text(doc)
    assert "BÁO CÁO" in text and "sơ kết năm 2020" in text
    for heading in joint_report.SECTIONS:
        assert heading in text
    signatures = doc.tables[-1].rows[0].cells
    assert all(cell.text.startswith("T/M ") for cell in signatures)
    # The exchange ledger's year is counted (the demo has items both ways in 2020).
    assert joint_report.exchange_statistics(2020)["received"] >= 10


def test_its_totals_equal_the_progress_reports_for_2020(editor_client):
    doc = _docx(editor_client)
    topics = doc.tables[1]
    headings = [c.text for c in topics.rows[0].cells]
    total = next(r for r in topics.rows if r.cells[0].text == joint_report.TOTAL_LABEL)
    values = dict(zip(headings, (c.text for c in total.cells), strict=True))
    screen = screen_rows(editor_client.get(report_url("progress", year=2020)))[TOTAL]
    expected = progress.total(progress.delivery(progress.ITEM, 2020).values())
    assert int(values["Chỉ tiêu"]) == int(screen["target"]) == expected.target
    assert int(values["Đã thực hiện"]) == int(screen["delivered"]) == expected.delivered
    assert int(values["Bài viết"]) == int(screen["articles"])
    assert int(values["Sự kiện"]) == int(screen["events"])
    assert expected.delivered > 0


def test_article_titles_appear_under_their_plan_item(editor_client):
    from coverage.models import ArticlePage

    article = ArticlePage.objects.live().filter(plan_item__plan__year=2020).first()
    assert f"“{article.title}”" in _text(_docx(editor_client))


def test_journalists_cannot_download_it(demo, client):
    client.force_login(get_user_model().objects.get(username="phongvien"))
    response = client.get(f"{reverse('report_annual:docx')}?year=2020")
    assert response.status_code in (302, 403)
    assert "wordprocessingml" not in response.get("Content-Type", "")
