"""Downloads keep user text from running as a formula (editorial.spreadsheets): Wagtail's
own listing exports that our viewsets offer, with the same guard as the reports'."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets import viewsets

from editorial.spreadsheets import csv_text, is_formula_like
from tests.factories import OrganisationFactory
from tests.support.admin_urls import admin_patterns
from tests.support.desk import make_assignment

HYPERLINK = '=HYPERLINK("http://x","y")'
RISKY = [HYPERLINK, "@SUM(A1:A9)", "=1+1", "+84 24 3823 4567", "-2+3", "\tTab", "\rReturn"]


def test_what_counts_as_a_formula():
    assert all(is_formula_like(text) for text in RISKY)
    assert not any(is_formula_like(v) for v in ("Đảng bộ EVN", " =1+1", "", None, -3, 1.5))
    assert csv_text(HYPERLINK) == "'" + HYPERLINK
    assert csv_text("Đảng bộ EVN") == "Đảng bộ EVN"
    assert csv_text(-3) == -3  # numbers stay numbers


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]


@pytest.mark.django_db
def test_the_assignment_listing_downloads_keep_formulas_as_text(desk, as_user):
    for headline in RISKY:
        make_assignment(desk, headline=headline)
    client = as_user(desk.editor)
    url = reverse("desk_assignment:index")

    rows = csv_rows(client.get(url, {"export": "csv"}))
    headlines = [row[0] for row in rows[1:]]
    assert sorted(headlines) == sorted("'" + text for text in RISKY)
    assert "'" + HYPERLINK in headlines

    sheet = xlsx_sheet(client.get(url, {"export": "xlsx"}))
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]

    # Exactly as written, up to XML's end-of-line handling: openpyxl reads a carriage
    # return back as a line feed with the standard library's parser, as itself with lxml.
    def newlines(text: str) -> str:
        return text.replace("\r", "\n")

    assert sorted(newlines(cell.value) for cell in cells) == sorted(map(newlines, RISKY))
    for cell in cells:
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix, cell.value  # Excel's "typed with an apostrophe": text


@pytest.mark.django_db
def test_a_programme_listing_download_keeps_formulas_as_text(desk, as_user):
    OrganisationFactory(name="=1+1", short_name="@SUM(A1)")
    url = reverse("wagtailsnippets_editorial_organisation:list")
    rows = csv_rows(as_user(desk.editor).get(url, {"export": "csv"}))
    assert ["'=1+1", "'@SUM(A1)"] in [row[:2] for row in rows]


def our_namespaces() -> set[str]:
    """The URL namespaces of the viewsets this project registers (not Wagtail's own)."""
    return {
        viewset.url_namespace
        for viewset in viewsets.viewsets
        if type(viewset).__module__.split(".")[0] in {"editorial", "coverage"}
    }


def test_every_listing_of_ours_that_wagtail_exports_is_guarded():
    """A view that writes its downloads with Wagtail's writer (SpreadsheetExportMixin's
    ``as_spreadsheet``) escapes formula-like text in both formats, whatever field it is in;
    the reports write theirs through editorial.reports.exports, which uses the same
    functions."""
    from django.urls import resolve

    patterns = admin_patterns()  # loads the admin's URLs, registering the viewsets
    namespaces = our_namespaces()
    assert {"desk_assignment", "wagtailsnippets_editorial_organisation"} <= namespaces
    unguarded, checked = [], []
    for pattern in patterns:
        if not pattern.name or pattern.name.rsplit(":", 1)[0] not in namespaces:
            continue
        if pattern.arguments:
            continue  # listings take no arguments
        view_class = getattr(resolve("/" + pattern.route).func, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        if view_class.as_spreadsheet is not SpreadsheetExportMixin.as_spreadsheet:
            continue  # writes its own files
        checked.append(pattern.name)
        view = view_class()
        csv_cell = view.preprocess_field_value("title", HYPERLINK, view.FORMAT_CSV)
        [xlsx_cell] = view.generate_xlsx_row(
            Workbook(write_only=True).create_sheet(), {"title": HYPERLINK}
        )
        if csv_cell != "'" + HYPERLINK or not xlsx_cell.quotePrefix:
            unguarded.append(f"{pattern.name}: {view_class.__module__}.{view_class.__name__}")
    assert "desk_assignment:index" in checked
    assert not unguarded, "\n".join(unguarded)
