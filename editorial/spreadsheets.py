"""Spreadsheet cells that stay text: the one formula guard every download of ours uses.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (CSV injection): a headline typed as
``=HYPERLINK("http://x","y")`` would be a live link in the editor's spreadsheet, and
worse formulas can reach other files. ``is_formula_like`` decides, once, which text is at
risk; each format then keeps it text in its own way:

- CSV has no cell types: the text gets a leading apostrophe, which spreadsheets read as
  "text follows" (``csv_text``).
- XLSX has them: the cell is written as a string with Excel's quote-prefix flag
  (``keep_xlsx_text``), which is what Excel stores when someone types a leading
  apostrophe: the cell reads exactly as written and stays text even when edited.

Used by the delivery reports' own writer (``editorial.reports.exports``) and, through
``guard_wagtail_exports``, by every download Wagtail's own writer makes: our viewsets'
``list_export`` (the assignments, the programme's records) and Wagtail's own reports.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value):
    """A CSV cell's value, with formula-like text escaped."""
    return "'" + value if is_formula_like(value) else value


def keep_xlsx_text(cell):
    """An openpyxl cell holding formula-like text, made a plain string cell."""
    if is_formula_like(cell.value):
        cell.data_type = "s"  # openpyxl made a leading "=" a formula
        cell.quotePrefix = True
    return cell


def guard_wagtail_exports() -> None:
    """Give every Wagtail export the guard (``SpreadsheetExportMixin``, behind every admin
    listing with ``list_export`` and Wagtail's site history, workflow and aging-pages
    reports): its CSV writes user text as it is, and its XLSX stops only a leading "="
    from becoming a formula. Wrapped once, from ``EditorialConfig.ready``, so a view we
    add later cannot forget it. Headings are our own verbose names: left as they are."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "formula_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    xlsx_row = SpreadsheetExportMixin.generate_xlsx_row

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return csv_text(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in xlsx_row(self, worksheet, row_dict, date_format=date_format):
            yield keep_xlsx_text(cell)

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
    SpreadsheetExportMixin.formula_safe = True
