"""The Party document's furniture shared by the joint review reports (the year's sơ kết
in ``joint_report``, the period's tổng kết in ``period_report``): the page, the header of
Hướng dẫn 36-HD/VPTW (the two issuing bodies top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right
with the place and date line under it, the number, the title), bordered tables and the
two signature blocks. Built with python-docx (no hand-written XML).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from editorial.models import Organisation

COMMITTEE, REVIEW = "DUKDNTW", "TCCS"
FONT = "Times New Roman"
# The text width of an A4 page with the format's margins (3 cm left, 2 cm right).
TEXT_WIDTH_CM = 16.0


def names() -> tuple[str, str]:
    """The two bodies' names as the organisation records spell them."""
    found = {o.short_name: o.name for o in Organisation.objects.filter(
        short_name__in=[COMMITTEE, REVIEW])}  # fmt: skip
    return (
        found.get(COMMITTEE, "Đảng ủy Khối Doanh nghiệp Trung ương"),
        found.get(REVIEW, "Tạp chí Cộng sản"),
    )


def new_document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    return doc


def to_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def paragraph(doc, text="", *, bold=False, italic=False, size=14, align=None, space=6):
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    if align is not None:
        para.alignment = align
    para.paragraph_format.space_after = Pt(space)
    return para


def cell_text(cell, lines, *, bold=False, size=13):
    cell.text = ""
    for n, (text, line_bold) in enumerate(lines):
        para = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(text)
        run.bold, run.font.size, run.font.name = bold or line_bold, Pt(size), FONT


def header(doc, committee: str, review: str, title_line: str) -> None:
    """The two-column head, then "BÁO CÁO" and the title line under it."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    cell_text(
        left,
        [
            (committee.upper(), False),
            (review.upper(), True),
            ("*", False),
            ("Số       -BC/ĐUK-TCCS", False),
        ],
    )
    cell_text(
        right,
        [
            ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
            ("", False),
            ("Hà Nội, ngày … tháng … năm …", False),
        ],
    )
    right.paragraphs[-1].runs[0].italic = True
    paragraph(doc, "")
    paragraph(doc, "BÁO CÁO", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER, space=0)
    paragraph(doc, title_line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)


def table(doc, headings: list[str], rows: list[list], first_cm: float | None = None) -> None:
    """A bordered table; ``first_cm`` widens the label column (topic names are long)."""
    grid = doc.add_table(rows=1, cols=len(headings))
    grid.style = "Table Grid"
    for cell, heading in zip(grid.rows[0].cells, headings, strict=True):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = "" if value is None else str(value)
    if first_cm:
        rest = Cm((TEXT_WIDTH_CM - first_cm) / (len(headings) - 1))
        grid.autofit = False
        # LibreOffice reads the grid's column widths, Word the cells': set both.
        for n, column in enumerate(grid.columns):
            column.width = Cm(first_cm) if n == 0 else rest
        for row in grid.rows:
            for n, cell in enumerate(row.cells):
                cell.width = Cm(first_cm) if n == 0 else rest


def signatures(doc, committee: str, review: str) -> None:
    """A signature block for each side, in a borderless table closing the document."""
    paragraph(doc, "")
    grid = doc.add_table(rows=1, cols=2)
    for cell, body in zip(grid.rows[0].cells, (committee, review), strict=True):
        cell_text(
            cell,
            [
                (f"T/M {body.upper()}", True),
                ("(Ký, ghi rõ họ tên, đóng dấu)", False),
                ("", False),
                ("", False),
                ("", False),
            ],
        )
