"""The joint review report for the programme's whole period (báo cáo tổng kết giai đoạn),
as a DOCX the two bodies sign: the year's report (``joint_report``) laid out over every
year, with the results per content area, per year, and per plan item year by year; the
events, the items not met year by year; the exchange statistics with a line per year;
the proposals for the next period and the signature blocks.

Its numbers are the progress report's over every year (``progress.delivery`` with no
year), taken by the annual summary's views, so the totals agree with the progress
report's "by year" screen. The formulae are Vietnamese by definition, as in
``joint_report``.
"""

from __future__ import annotations

from itertools import groupby

from editorial.reports.docx_layout import (
    header,
    names,
    new_document,
    paragraph,
    signatures,
    to_bytes,
)
from editorial.reports.docx_layout import table as add_table
from editorial.reports.joint_report import (
    DELIVERY_HEADINGS,
    EXCHANGE_HEADINGS,
    TOTAL_LABEL,
    delivery_cells,
    exchange_row,
    exchange_statistics_by_year,
    missed,
    write_events,
    write_items,
    write_missed,
    write_proposals,
)

SECTIONS = (
    "I. KẾT QUẢ THỰC HIỆN THEO NỘI DUNG VÀ HẠNG MỤC",
    "II. CÁC SỰ KIỆN ĐÃ TỔ CHỨC",
    "III. TRAO ĐỔI THÔNG TIN GIỮA HAI CƠ QUAN",
    "IV. NHỮNG HẠNG MỤC CHƯA ĐẠT VÀ NGUYÊN NHÂN",
    "V. ĐỀ XUẤT, KIẾN NGHỊ GIAI ĐOẠN TIẾP THEO",
)


def period_label(years) -> str:
    return f"{years[0]}–{years[-1]}" if years else "…"


def _by_year(item_rows: list) -> list[tuple[int, list]]:
    """The rows (already ordered by plan year) grouped by their plan's year."""
    return [(year, list(rows)) for year, rows in groupby(item_rows, lambda r: r.extra["year"])]


def build(
    years: list[int],
    item_rows: list,
    topic_rows: list,
    year_rows: list,
    totals,
    next_items: list,
) -> bytes:
    """The period's document; ``years`` the programme's years, ``item_rows`` every plan
    item ordered by year (``AnnualSummaryView.item_rows(None)``), ``topic_rows`` and
    ``year_rows`` the deliveries per topic and per year over them all."""
    committee, review = names()
    period = period_label(years)
    doc = new_document()
    header(
        doc,
        committee,
        review,
        f"tổng kết thực hiện Chương trình phối hợp giữa {committee} và {review} giai đoạn {period}",
    )

    paragraph(doc, SECTIONS[0], bold=True)
    paragraph(doc, "1. Theo nội dung chương trình", bold=True)
    add_table(
        doc,
        ["Nội dung", *DELIVERY_HEADINGS],
        [[str(r["topic"]), *delivery_cells(r["delivery"])] for r in topic_rows]
        + [[TOTAL_LABEL, *delivery_cells(totals)]],
        first_cm=6.5,
    )
    paragraph(doc, "2. Theo từng năm", bold=True)
    add_table(
        doc,
        ["Năm", *DELIVERY_HEADINGS],
        [[str(year), *delivery_cells(delivery)] for year, delivery in year_rows]
        + [[TOTAL_LABEL, *delivery_cells(totals)]],
        first_cm=4.0,
    )
    paragraph(doc, "3. Theo hạng mục kế hoạch từng năm", bold=True)
    grouped = _by_year(item_rows)
    for n, (year, rows) in enumerate(grouped, start=1):
        paragraph(doc, f"3.{n}. Năm {year}", bold=True, italic=True, size=13)
        write_items(doc, rows, f"3.{n}")

    paragraph(doc, SECTIONS[1], bold=True)
    held = False
    for year, rows in grouped:
        if any(row.extra["events"] for row in rows):
            paragraph(doc, f"Năm {year}:", italic=True, size=13, space=2)
            held = write_events(doc, rows) or held
    if not held:
        paragraph(doc, "Trong giai đoạn không tổ chức sự kiện nào gắn với hạng mục kế hoạch.")

    paragraph(doc, SECTIONS[2], bold=True)
    per_year, overall = exchange_statistics_by_year(years)
    add_table(
        doc,
        ["Năm", *EXCHANGE_HEADINGS],
        [[str(year), *exchange_row(stats)] for year, stats in per_year.items()]
        + [[TOTAL_LABEL, *exchange_row(overall)]],
    )

    paragraph(doc, SECTIONS[3], bold=True)
    any_missed = False
    for year, rows in grouped:
        if late := missed(rows):
            any_missed = True
            paragraph(doc, f"Năm {year}:", italic=True, size=13, space=2)
            write_missed(doc, late)
    if not any_missed:
        paragraph(doc, "Các hạng mục của giai đoạn đều đạt chỉ tiêu.")

    paragraph(doc, SECTIONS[4], bold=True)
    write_proposals(doc, next_items)
    signatures(doc, committee, review)
    return to_bytes(doc)
