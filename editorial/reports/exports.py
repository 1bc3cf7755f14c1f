"""Every report as a file: CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese)
and XLSX (openpyxl). Both write the rows the screen shows, under the same filters."""

from __future__ import annotations

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from editorial.reports.tables import ReportTable
from editorial.spreadsheets import csv_text, keep_xlsx_text

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel takes UTF-8 only when the file starts with a BOM; without it "Đảng" is mojibake.
BOM = "\ufeff"


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return csv_text(value)  # a headline like "=HYPERLINK(...)" stays text


def csv_bytes(table: ReportTable) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow([column.export_heading for column in table.columns])
    for values in table.export_rows():
        writer.writerow([_csv_value(value) for value in values])
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(table: ReportTable, sheet_title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    # Sheet names: at most 31 characters, none of []:*?/\
    title = "".join(c for c in sheet_title if c not in "[]:*?/\\")[:31] or "Report"
    sheet = workbook.create_sheet(title=title)
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=column.export_heading)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in table.export_rows():
        cells = []
        for value in values:
            cell = keep_xlsx_text(WriteOnlyCell(sheet, value=value))
            if isinstance(value, datetime.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def response(table: ReportTable, export_format: str, filename: str, sheet_title: str):
    """The download: ``filename`` without extension, ASCII (a slug of the report)."""
    if export_format == CSV:
        content, content_type = csv_bytes(table), "text/csv; charset=utf-8"
    else:
        content, content_type = xlsx_bytes(table, sheet_title), XLSX_TYPE
    reply = HttpResponse(content, content_type=content_type)
    reply["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{filename}.{export_format}"
    )
    return reply
