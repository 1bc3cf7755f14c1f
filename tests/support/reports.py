"""Helpers for the delivery report tests: read a report's table off the page (as a
person would see it) and its downloads."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

from django.urls import reverse

EDITORS = ("tongbientap", "photongbientap", "bientap")
OTHERS = ("phongvien", "bananh")


def report_url(name: str, **params) -> str:
    from urllib.parse import urlencode

    url = reverse(f"report_{name}:index")
    return f"{url}?{urlencode(params)}" if params else url


# Every report screen, each breakdown once.
REPORT_SCREENS = [
    ("progress", {"year": 2020, "by": "item"}),
    ("progress", {"year": 2020, "by": "topic"}),
    ("progress", {"by": "year"}),
    ("coverage", {"year": 2020, "by": "month"}),
    ("coverage", {"year": 2020, "by": "organisation"}),
    ("coverage", {"year": 2020, "by": "author"}),
    ("coverage", {"year": 2020, "by": "journalist"}),
    ("coverage", {"year": 2020, "by": "beat"}),
    ("cycle_times", {"by": "step"}),
    ("cycle_times", {"by": "topic"}),
    ("cycle_times", {"by": "month"}),
    ("cycle_times", {"by": "open"}),
    ("overdue", {"by": "person"}),
    ("overdue", {"by": "assignments"}),
    ("overdue", {"by": "steps"}),
    ("annual", {"year": 2020}),
]


class _TableParser(HTMLParser):
    """Rows of the first ``report-table``: each cell's text and link, under the column's
    key (headings are translated; keys are not)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[dict]] = []
        self.row_classes: list[str] = []
        self.headings: list[str] = []
        self._in_table = self._in_head = self._done = False
        self._cell: dict | None = None
        self._skip = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._done:
            return
        if tag == "table" and "report-table" in (attrs.get("class") or ""):
            self._in_table = True
        elif not self._in_table:
            return
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self.rows.append([])
            self.row_classes.append(attrs.get("class") or "")
        elif tag == "th" and self._in_head:
            self.headings.append(attrs.get("data-key"))
        elif tag in ("td", "th"):
            self._cell = {"text": "", "link": None}
        elif tag == "a" and self._cell is not None:
            self._cell["link"] = attrs.get("href")
        elif tag == "span" and self._in_head:
            self._skip = True  # a heading's help text is not part of the heading

    def handle_endtag(self, tag):
        if not self._in_table or self._done:
            return
        if tag == "span":
            self._skip = False
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None:
            text = " ".join(self._cell["text"].split())
            self.rows[-1].append({"text": text, "link": self._cell["link"]})
            self._cell = None
        elif tag == "table":
            self._done = True

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell["text"] += data


TOTAL = "__total__"


def screen_table(response) -> tuple[list[str], list[list[dict]]]:
    """(column keys, rows) of the report table on the page; a totals row is labelled
    ``TOTAL`` (its label is translated)."""
    parser = _TableParser()
    parser.feed(response.content.decode())
    rows = []
    for row, classes in zip(parser.rows, parser.row_classes, strict=True):
        if "report-table__row--empty" in classes:
            continue
        if "report-table__row--total" in classes:
            row[0] = {**row[0], "text": TOTAL}
        rows.append(row)
    return parser.headings, rows


def screen_rows(response) -> dict[str, dict[str, str]]:
    """``{row label: {column key: cell text}}``."""
    keys, rows = screen_table(response)
    return {row[0]["text"]: dict(zip(keys, (c["text"] for c in row), strict=True)) for row in rows}


def cell(response, label: str, key: str) -> dict:
    keys, rows = screen_table(response)
    for row in rows:
        if row[0]["text"] == label:
            return row[keys.index(key)]
    raise AssertionError(f"no row {label!r}")


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
