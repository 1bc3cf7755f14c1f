"""Downloads: every report as CSV (UTF-8 with a BOM, so Excel shows Vietnamese) and XLSX,
with the filters of the screen and the same rows."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from editorial.models import PlanItem
from editorial.reports import exports
from editorial.reports.tables import NUMBER, Column, ReportTable, Row
from tests.support.reports import (
    REPORT_SCREENS,
    TOTAL,
    csv_rows,
    report_url,
    screen_table,
    xlsx_rows,
)


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="tongbientap"))
    return client


@pytest.mark.django_db
def test_every_report_downloads_the_rows_on_screen(editor_client):
    for name, params in REPORT_SCREENS:
        if name == "annual":
            continue  # a document, not one table: see test_annual_summary_download
        screen = editor_client.get(report_url(name, **params))
        keys, rows = screen_table(screen)
        labels = [row[0]["text"] for row in rows]
        as_csv = csv_rows(editor_client.get(report_url(name, export="csv", **params)))
        as_xlsx = xlsx_rows(editor_client.get(report_url(name, export="xlsx", **params)))
        where = f"{name} {params}"
        assert len(as_csv[0]) == len(keys) == len(as_xlsx[0]), where
        assert len(as_csv) - 1 == len(rows) == len(as_xlsx) - 1, where
        # Same rows in the same order (the totals line is labelled alike in all three).
        csv_labels = [
            TOTAL if label == TOTAL else row[0]
            for label, row in zip(labels, as_csv[1:], strict=True)
        ]
        assert csv_labels == labels, where
        assert [row[0] for row in as_xlsx[1:]] == [row[0] for row in as_csv[1:]], where


@pytest.mark.django_db
def test_progress_csv_is_excel_ready_vietnamese(editor_client):
    response = editor_client.get(report_url("progress", year=2020, export="csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="tien-do-chuong-trinh-item-2020.csv"'
    )
    rows = csv_rows(response)
    titles = {row[0] for row in rows[1:]}
    for item in PlanItem.objects.filter(plan__year=2020):
        assert item.title in titles
    assert "Chương trình tình nguyện “Tết ấm yêu thương”" in titles
    # Numbers stay numbers (no thousands separators, no units) for the spreadsheet.
    congress = next(r for r in rows if r[0] == "Đại hội đảng bộ các cấp trong Khối")
    assert congress[3:6] == ["8", "3", "0"]  # target, articles, events


@pytest.mark.django_db
def test_progress_xlsx_keeps_numbers_and_text(editor_client):
    response = editor_client.get(report_url("progress", year=2020, by="topic", export="xlsx"))
    assert response["Content-Type"] == exports.XLSX_TYPE
    assert response["Content-Disposition"].endswith(
        'filename="tien-do-chuong-trinh-topic-2020.xlsx"'
    )
    rows = xlsx_rows(response)
    topic = next(r for r in rows if r[0] == "3. Xây dựng Đảng và nhiệm vụ chính trị trong Khối")
    assert topic[1:3] == [3, 23]  # plan items, target: numbers, not text


@pytest.mark.django_db
def test_downloads_keep_the_filters(editor_client):
    from editorial.models import ProgrammeTopic

    topic = ProgrammeTopic.objects.get(number=3)
    response = editor_client.get(report_url("progress", year=2020, topic=topic.pk, export="csv"))
    assert "tien-do-chuong-trinh-item-2020-3-xay-dung-dang" in response["Content-Disposition"]
    titles = [row[1] for row in csv_rows(response)[1:-1]]  # topic column, without the total
    assert titles and set(titles) == {topic.name}


@pytest.mark.django_db
def test_annual_summary_download(editor_client):
    rows = csv_rows(editor_client.get(report_url("annual", year=2020, export="csv")))
    assert [row[0] for row in rows[1:]] == list(
        PlanItem.objects.filter(plan__year=2020)
        .order_by("topic__sort_order", "topic__number", "sort_order", "pk")
        .values_list("title", flat=True)
    )
    tet = next(row for row in rows if row[0].startswith("Chương trình tình nguyện"))
    assert "“Tết ấm yêu thương” đến với chiến sĩ và người dân biên giới, hải đảo" in tet[9]


def test_text_that_looks_like_a_formula_stays_text():
    table = ReportTable(
        caption="Kiểm thử",
        columns=[Column("label", "Headline", is_label=True), Column("n", "N", NUMBER)],
        rows=[
            Row({"label": '=HYPERLINK("http://x","Đảng")', "n": -3}),
            Row({"label": "+84 24 3823 4567", "n": 0}),
        ],
    )
    rows = list(csv.reader(io.StringIO(exports.csv_bytes(table).decode("utf-8-sig"))))
    assert rows[1] == ['\'=HYPERLINK("http://x","Đảng")', "-3"]
    assert rows[2][0] == "'+84 24 3823 4567"

    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(table, "Kiểm thử"))).worksheets[0]
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '=HYPERLINK("http://x","Đảng")'
    assert sheet["A2"].quotePrefix and sheet["A3"].quotePrefix  # Excel keeps them text
    assert not sheet["B2"].quotePrefix
    assert sheet["B2"].value == -3
