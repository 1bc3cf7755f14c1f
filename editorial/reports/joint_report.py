"""The joint review report (báo cáo sơ kết) for a year, as a DOCX the two bodies sign.

Laid out as a Party document (the format of Hướng dẫn 36-HD/VPTW): the two issuing
bodies top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date line under
it, the number, the title, numbered sections, and a signature block for each side.
The formulae of that format are Vietnamese by definition (like the role names in
``editorial/enums.py``), so they are written here as data, not as UI msgids; every number
comes from the annual summary's rows (``AnnualSummaryView``), themselves the progress
report's queries, so the document and the reports agree.

Built with python-docx (no hand-written XML).
"""

from __future__ import annotations

import io
import statistics

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from editorial.enums import ExchangeDirection
from editorial.models import ExchangeItem, Organisation

COMMITTEE, REVIEW = "DUKDNTW", "TCCS"
FONT = "Times New Roman"
TOTAL_LABEL = "Tổng cộng"
SECTIONS = (
    "I. KẾT QUẢ THỰC HIỆN THEO NỘI DUNG VÀ HẠNG MỤC",
    "II. CÁC SỰ KIỆN ĐÃ TỔ CHỨC",
    "III. TRAO ĐỔI THÔNG TIN GIỮA HAI CƠ QUAN",
    "IV. NHỮNG HẠNG MỤC CHƯA ĐẠT VÀ NGUYÊN NHÂN",
    "V. ĐỀ XUẤT, KIẾN NGHỊ NĂM TIẾP THEO",
)


def _names() -> tuple[str, str]:
    found = {o.short_name: o.name for o in Organisation.objects.filter(
        short_name__in=[COMMITTEE, REVIEW])}  # fmt: skip
    return (
        found.get(COMMITTEE, "Đảng ủy Khối Doanh nghiệp Trung ương"),
        found.get(REVIEW, "Tạp chí Cộng sản"),
    )


def exchange_statistics(year: int) -> dict:
    """The ledger's year in numbers: received, sent, answered, median days, still open."""
    items = list(ExchangeItem.objects.with_response().filter(date__year=year))
    received = [i for i in items if i.direction == ExchangeDirection.RECEIVED]
    answered = [i.response_days for i in received if i.response_days is not None]
    return {
        "received": len(received),
        "sent": len(items) - len(received),
        "answered": len(answered),
        "median_days": statistics.median(answered) if answered else None,
        "open": sum(1 for i in received if i.waiting_days is not None),
    }


def _paragraph(doc, text="", *, bold=False, italic=False, size=14, align=None, space=6):
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space)
    return paragraph


def _cell_text(cell, lines, *, bold=False, size=13):
    cell.text = ""
    for n, (text, line_bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size, run.font.name = bold or line_bold, Pt(size), FONT


def _header(doc, committee: str, review: str, year: int) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    _cell_text(
        left,
        [
            (committee.upper(), False),
            (review.upper(), True),
            ("*", False),
            ("Số       -BC/ĐUK-TCCS", False),
        ],
    )
    _cell_text(
        right,
        [
            ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
            ("", False),
            ("Hà Nội, ngày … tháng … năm …", False),
        ],
    )
    right.paragraphs[-1].runs[0].italic = True
    _paragraph(doc, "")
    _paragraph(doc, "BÁO CÁO", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER, space=0)
    _paragraph(
        doc,
        f"sơ kết năm {year} thực hiện Chương trình phối hợp giữa {committee} và {review}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)


# The text width of an A4 page with the format's margins (3 cm left, 2 cm right).
TEXT_WIDTH_CM = 16.0


def _table(doc, headings: list[str], rows: list[list], first_cm: float | None = None) -> None:
    """A bordered table; ``first_cm`` widens the label column (topic names are long)."""
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = "" if value is None else str(value)
    if first_cm:
        rest = Cm((TEXT_WIDTH_CM - first_cm) / (len(headings) - 1))
        table.autofit = False
        # LibreOffice reads the grid's column widths, Word the cells': set both.
        for n, column in enumerate(table.columns):
            column.width = Cm(first_cm) if n == 0 else rest
        for row in table.rows:
            for n, cell in enumerate(row.cells):
                cell.width = Cm(first_cm) if n == 0 else rest


def build(year: int, item_rows: list, topic_rows: list, totals, next_items: list) -> bytes:
    """The document for ``year`` from the annual summary's rows; returns DOCX bytes."""
    committee, review = _names()
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    _header(doc, committee, review, year)

    _paragraph(doc, SECTIONS[0], bold=True)
    _paragraph(doc, "1. Theo nội dung chương trình", bold=True)
    _table(
        doc,
        ["Nội dung", "Số hạng mục", "Chỉ tiêu", "Bài viết", "Sự kiện", "Đã thực hiện"],
        [
            [str(r["topic"]), r["delivery"].items, r["delivery"].target,
             r["delivery"].articles, r["delivery"].events, r["delivery"].delivered]
            for r in topic_rows
        ]
        + [[TOTAL_LABEL, totals.items, totals.target, totals.articles, totals.events,
            totals.delivered]],
        first_cm=6.5,
    )  # fmt: skip
    _paragraph(doc, "2. Theo hạng mục kế hoạch", bold=True)
    for n, row in enumerate(item_rows, start=1):
        values, extra = row.values, row.extra
        _paragraph(
            doc,
            f"2.{n}. {values['label']}: đạt {values['delivered']}/{values['target']}",
            bold=True,
            size=13,
        )
        for article in extra["articles"]:
            issue = f", {article['print_issue']}" if article.get("print_issue") else ""
            byline = f" ({article['byline']})" if article["byline"] else ""
            _paragraph(doc, f"– “{article['title']}”{byline}{issue}", size=13, space=2)

    _paragraph(doc, SECTIONS[1], bold=True)
    events = [(row.values["label"], event) for row in item_rows for event in row.extra["events"]]
    if events:
        for label, event in events:
            day = event.starts_at.strftime("%d/%m/%Y")
            _paragraph(doc, f"– {event.title} ({day}; {label})", size=13, space=2)
    else:
        _paragraph(doc, "Trong năm không tổ chức sự kiện nào gắn với hạng mục kế hoạch.")

    stats = exchange_statistics(year)
    _paragraph(doc, SECTIONS[2], bold=True)
    median = "—" if stats["median_days"] is None else f"{stats['median_days']:g} ngày"
    _table(
        doc,
        ["Văn bản nhận", "Văn bản gửi", "Đã trả lời", "Thời gian trả lời (trung vị)", "Còn chờ"],
        [[stats["received"], stats["sent"], stats["answered"], median, stats["open"]]],
    )

    _paragraph(doc, SECTIONS[3], bold=True)
    missed = [row for row in item_rows if row.values["delivered"] < row.values["target"]]
    for row in missed:
        item = row.extra["item"]
        reason = item.notes.strip() or "Nguyên nhân: hai bên đánh giá, bổ sung tại hội nghị."
        _paragraph(
            doc,
            f"– {row.values['label']}: đạt {row.values['delivered']}/{row.values['target']}. "
            f"{reason}",
            size=13,
            space=2,
        )
    if not missed:
        _paragraph(doc, "Các hạng mục đều đạt chỉ tiêu.")

    _paragraph(doc, SECTIONS[4], bold=True)
    for item in next_items:
        target = f" (chỉ tiêu {item.target})" if item.target else ""
        _paragraph(doc, f"– {item.title}{target}", size=13, space=2)
    if not next_items:
        _paragraph(doc, "…" * 40)

    _paragraph(doc, "")
    signatures = doc.add_table(rows=1, cols=2)
    for cell, body in zip(signatures.rows[0].cells, (committee, review), strict=True):
        _cell_text(
            cell,
            [
                (f"T/M {body.upper()}", True),
                ("(Ký, ghi rõ họ tên, đóng dấu)", False),
                ("", False),
                ("", False),
                ("", False),
            ],
        )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
