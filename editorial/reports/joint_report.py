"""The joint review report (báo cáo sơ kết) for a year, as a DOCX the two bodies sign.

Laid out as a Party document (the format of Hướng dẫn 36-HD/VPTW, ``docx_layout``) with
numbered sections and a signature block for each side. The formulae of that format are
Vietnamese by definition (like the role names in ``editorial/enums.py``), so they are
written here as data, not as UI msgids; every number comes from the annual summary's
rows (``AnnualSummaryView``), themselves the progress report's queries, so the document
and the reports agree. The whole period's report (tổng kết) is ``period_report``; it
reuses the section writers below.
"""

from __future__ import annotations

import statistics

from editorial.enums import ExchangeDirection
from editorial.models import ExchangeItem
from editorial.reports.docx_layout import (
    header,
    names,
    new_document,
    paragraph,
    signatures,
    to_bytes,
)
from editorial.reports.docx_layout import table as add_table

TOTAL_LABEL = "Tổng cộng"
SECTIONS = (
    "I. KẾT QUẢ THỰC HIỆN THEO NỘI DUNG VÀ HẠNG MỤC",
    "II. CÁC SỰ KIỆN ĐÃ TỔ CHỨC",
    "III. TRAO ĐỔI THÔNG TIN GIỮA HAI CƠ QUAN",
    "IV. NHỮNG HẠNG MỤC CHƯA ĐẠT VÀ NGUYÊN NHÂN",
    "V. ĐỀ XUẤT, KIẾN NGHỊ NĂM TIẾP THEO",
)
DELIVERY_HEADINGS = ["Số hạng mục", "Chỉ tiêu", "Bài viết", "Sự kiện", "Đã thực hiện"]
EXCHANGE_HEADINGS = [
    "Văn bản nhận",
    "Văn bản gửi",
    "Đã trả lời",
    "Thời gian trả lời (trung vị)",
    "Còn chờ",
]
NO_REASON = "Nguyên nhân: hai bên đánh giá, bổ sung tại hội nghị."


def _statistics(items) -> dict:
    received = [i for i in items if i.direction == ExchangeDirection.RECEIVED]
    answered = [i.response_days for i in received if i.response_days is not None]
    return {
        "received": len(received),
        "sent": len(items) - len(received),
        "answered": len(answered),
        "median_days": statistics.median(answered) if answered else None,
        "open": sum(1 for i in received if i.waiting_days is not None),
    }


def exchange_statistics(year: int | None) -> dict:
    """The ledger's year (every year if None) in numbers: received, sent, answered,
    median days to answer, still open."""
    items = ExchangeItem.objects.with_response()
    if year is not None:
        items = items.filter(date__year=year)
    return _statistics(list(items))


def exchange_statistics_by_year(years) -> tuple[dict, dict]:
    """``({year: statistics}, statistics of them all)`` in one query."""
    items = list(ExchangeItem.objects.with_response().filter(date__year__in=list(years)))
    per_year = {year: _statistics([i for i in items if i.date.year == year]) for year in years}
    return per_year, _statistics(items)


def exchange_row(stats: dict) -> list:
    median = "—" if stats["median_days"] is None else f"{stats['median_days']:g} ngày"
    return [stats["received"], stats["sent"], stats["answered"], median, stats["open"]]


def delivery_cells(delivery) -> list:
    return [delivery.items, delivery.target, delivery.articles, delivery.events,
            delivery.delivered]  # fmt: skip


def write_items(doc, item_rows: list, number: str) -> None:
    """Each plan item with its delivery and the articles that delivered it."""
    for n, row in enumerate(item_rows, start=1):
        values, extra = row.values, row.extra
        paragraph(
            doc,
            f"{number}.{n}. {values['label']}: đạt {values['delivered']}/{values['target']}",
            bold=True,
            size=13,
        )
        for article in extra["articles"]:
            issue = f", {article['print_issue']}" if article.get("print_issue") else ""
            byline = f" ({article['byline']})" if article["byline"] else ""
            paragraph(doc, f"– “{article['title']}”{byline}{issue}", size=13, space=2)


def write_events(doc, item_rows: list) -> bool:
    """The held events of these items, with the item each served; False if none."""
    events = [(row.values["label"], event) for row in item_rows for event in row.extra["events"]]
    for label, event in events:
        day = event.starts_at.strftime("%d/%m/%Y")
        paragraph(doc, f"– {event.title} ({day}; {label})", size=13, space=2)
    return bool(events)


def missed(item_rows: list) -> list:
    return [row for row in item_rows if row.values["delivered"] < row.values["target"]]


def write_missed(doc, rows: list) -> None:
    for row in rows:
        reason = row.extra["item"].notes.strip() or NO_REASON
        paragraph(
            doc,
            f"– {row.values['label']}: đạt {row.values['delivered']}/{row.values['target']}. "
            f"{reason}",
            size=13,
            space=2,
        )


def write_proposals(doc, next_items: list) -> None:
    for item in next_items:
        target = f" (chỉ tiêu {item.target})" if item.target else ""
        paragraph(doc, f"– {item.title}{target}", size=13, space=2)
    if not next_items:
        paragraph(doc, "…" * 40)


def build(year: int, item_rows: list, topic_rows: list, totals, next_items: list) -> bytes:
    """The document for ``year`` from the annual summary's rows; returns DOCX bytes."""
    committee, review = names()
    doc = new_document()
    header(
        doc,
        committee,
        review,
        f"sơ kết năm {year} thực hiện Chương trình phối hợp giữa {committee} và {review}",
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
    paragraph(doc, "2. Theo hạng mục kế hoạch", bold=True)
    write_items(doc, item_rows, "2")

    paragraph(doc, SECTIONS[1], bold=True)
    if not write_events(doc, item_rows):
        paragraph(doc, "Trong năm không tổ chức sự kiện nào gắn với hạng mục kế hoạch.")

    paragraph(doc, SECTIONS[2], bold=True)
    add_table(doc, EXCHANGE_HEADINGS, [exchange_row(exchange_statistics(year))])

    paragraph(doc, SECTIONS[3], bold=True)
    rows = missed(item_rows)
    write_missed(doc, rows)
    if not rows:
        paragraph(doc, "Các hạng mục đều đạt chỉ tiêu.")

    paragraph(doc, SECTIONS[4], bold=True)
    write_proposals(doc, next_items)
    signatures(doc, committee, review)
    return to_bytes(doc)
