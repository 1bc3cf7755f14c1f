"""A report's table: its columns, its rows, and how each value reads on screen and in a
spreadsheet. The screen and both exports read the same rows."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from editorial.reports.charts import Chart

TEXT = "text"
NUMBER = "number"
PERCENT = "percent"  # a fraction (0.25), shown as "25 %"
DURATION = "duration"  # a timedelta, shown as days and hours, exported in hours
DATE = "date"
DATETIME = "datetime"

NUMERIC_KINDS = frozenset({NUMBER, PERCENT, DURATION})
EMPTY = "—"


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    kind: str = TEXT
    #: The row's label column: a ``<th scope="row">`` on screen.
    is_label: bool = False
    #: Shown under the heading and in the export's heading, e.g. the unit.
    help_text: str = ""

    @property
    def export_heading(self) -> str:
        if self.kind == DURATION:
            return _("%(heading)s (hours)") % {"heading": self.heading}
        if self.kind == PERCENT:
            return f"{self.heading} (%)"
        return str(self.heading)

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


@dataclass
class Row:
    """One line of a report: values by column key, and the list behind each value."""

    values: dict[str, Any]
    links: dict[str, str] = field(default_factory=dict)
    #: "total" for a totals line, "overdue" for late work (styling only).
    classname: str = ""
    #: What a page shows beside the columns (e.g. the articles under a plan item).
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    column: Column
    value: Any
    text: str
    link: str | None


def display(value: Any, kind: str) -> str:
    """The value as the screen shows it (Vietnamese number and date formats)."""
    if value is None or value == "":
        return EMPTY
    if kind == NUMBER:
        return number_format(value, force_grouping=True)
    if kind == PERCENT:
        return f"{number_format(round(value * 100, 1), decimal_pos=1)} %"
    if kind == DURATION:
        return duration_text(value)
    if kind == DATE:
        return value.strftime("%d/%m/%Y")
    if kind == DATETIME:
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    return str(value)


def export_value(value: Any, kind: str) -> Any:
    """The value as a spreadsheet gets it: numbers stay numbers, durations in hours."""
    if value is None:
        return None
    if kind == PERCENT:
        return round(value * 100, 1)
    if kind == DURATION:
        return round(value.total_seconds() / 3600, 2)
    if kind == DATETIME:
        # Spreadsheets have no time zones: the newsroom's local time.
        return timezone.localtime(value).replace(tzinfo=None)
    if kind in (NUMBER, DATE):
        return value
    return str(value)


def duration_text(value: datetime.timedelta) -> str:
    """ "3 d 4 h", "5 h 12 min", "8 min": what a desk reads at a glance."""
    minutes = max(0, int(value.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("%(days)s d %(hours)s h") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)s min") % {"minutes": minutes}


class LazyRows:
    """Rows read from a queryset one page at a time: long detail lists (every overdue
    assignment) are paginated by the database, and exported whole."""

    def __init__(self, queryset, to_row: Callable[[Any], Row], prepare=None):
        self.queryset = queryset
        self.to_row = to_row
        #: Called with each page's objects before they become rows (bulk look-ups).
        self.prepare = prepare
        self._all: list[Row] | None = None

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        objects = list(self.queryset[index] if isinstance(index, slice) else [self.queryset[index]])
        if self.prepare is not None:
            self.prepare(objects)
        rows = [self.to_row(obj) for obj in objects]
        return rows if isinstance(index, slice) else rows[0]

    def __iter__(self) -> Iterator[Row]:
        # Read once: a download and a screen both walk the whole list.
        if self._all is None:
            self._all = self[:]
        return iter(self._all)


@dataclass
class ReportTable:
    """What one report screen shows: a caption, columns, rows and maybe a chart."""

    caption: str
    columns: list[Column]
    rows: Sequence[Row] | LazyRows
    chart: Chart | None = None
    #: A sentence under the table: what is counted and how.
    note: str = ""

    def cells(self, row: Row) -> list[Cell]:
        return [
            Cell(
                column=column,
                value=row.values.get(column.key),
                text=display(row.values.get(column.key), column.kind),
                link=row.links.get(column.key),
            )
            for column in self.columns
        ]

    def export_rows(self) -> Iterator[list]:
        for row in self.rows:
            yield [export_value(row.values.get(c.key), c.kind) for c in self.columns]
