"""What every report screen shares, on top of Wagtail's ``ReportView``: the permission
check, the filters (read, not applied to a queryset: each report aggregates in its own
queries), breakdown tabs, one chart and one table, and CSV / XLSX downloads of exactly
the rows on screen (long detail lists are paginated on screen, downloaded whole)."""

from __future__ import annotations

from typing import ClassVar

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.views.reports import ReportView

from editorial.desk.articles import TopicHub, topic_hubs
from editorial.models import AnnualPlan
from editorial.reports import exports
from editorial.reports.filters import ReportFilterSet
from editorial.reports.permissions import ReportsOnlyMixin
from editorial.reports.queries.common import ReportParams, default_year
from editorial.reports.tables import LazyRows, ReportTable
from editorial.text import slugify_vi


class ProgrammeReportView(ReportsOnlyMixin, ReportView):
    template_name = "editorial/reports/report.html"
    results_template_name = "editorial/reports/report_results.html"
    filterset_class = ReportFilterSet
    paginate_by = 50
    #: ``{key: label}`` of the ways the report can be broken down (``?by=key``).
    breakdowns: ClassVar[dict[str, str]] = {}
    #: The file name of downloads, before the filters are added (ASCII).
    export_name = "bao-cao"
    #: The URL name of this report (the viewset's namespace + ":index").
    url_name = ""

    def get_index_url(self):
        return reverse(self.url_name)

    def get_index_results_url(self):
        return reverse(self.url_name.replace(":index", ":index_results"))

    # --- Filters ----------------------------------------------------------------------

    @cached_property
    def plan_years(self) -> list[int]:
        return sorted(set(AnnualPlan.objects.values_list("year", flat=True)))

    @cached_property
    def default_year(self) -> int:
        return default_year(self.plan_years, self.today)

    @cached_property
    def today(self):
        return timezone.localdate()

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        # Every year from the first plan to this one: on New Year's Day the year just
        # ended (no plan of its own after the programme) must still be reachable.
        span = [*self.plan_years, self.today.year]
        years = list(range(min(span), max(span) + 1))
        kwargs.update(years=years, default_year=self.default_year)
        return kwargs

    @cached_property
    def params(self) -> ReportParams:
        data = {}
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        return ReportParams(
            year=int(data.get("year") or self.default_year),
            topic=data.get("topic"),
            person=data.get("person"),
            group=data.get("group"),
            today=self.today,
        )

    @cached_property
    def hubs(self) -> list[TopicHub]:
        return topic_hubs()

    @cached_property
    def hub(self) -> TopicHub | None:
        """The chosen topic's hub (articles are counted under it)."""
        if self.params.topic is None:
            return None
        return next((h for h in self.hubs if h.topic_id == self.params.topic.pk), None)

    @cached_property
    def breakdown(self) -> str:
        wanted = self.request.GET.get("by", "")
        return wanted if wanted in self.breakdowns else next(iter(self.breakdowns), "")

    # --- Rows -------------------------------------------------------------------------

    def build_table(self) -> ReportTable:
        return getattr(self, f"table_{self.breakdown}")()

    @cached_property
    def report_table(self) -> ReportTable:
        return self.build_table()

    def get_filtered_queryset(self):
        return self.report_table.rows

    def get_paginate_by(self, queryset):
        # Aggregate tables are short and drawn whole (totals, charts); only long detail
        # lists read from a queryset are paginated.
        if self.is_export or not isinstance(queryset, LazyRows):
            return None
        return self.paginate_by

    # --- Downloads --------------------------------------------------------------------

    def scope(self) -> list[str]:
        """The filters in force, in words (under the title, in file names)."""
        parts = []
        if "year" in self.filters.form.fields:
            parts.append(str(self.params.year))
        if self.params.topic is not None:
            parts.append(str(self.params.topic))
        if self.params.person is not None:
            person = self.params.person
            parts.append(person.get_full_name() or person.get_username())
        if self.params.group is not None:
            parts.append(self.params.group.name)
        return parts

    def get_filename(self) -> str:
        pieces = [self.export_name, self.breakdown, *self.scope()]
        return slugify_vi(" ".join(p for p in pieces if p), max_length=120) or self.export_name

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return exports.response(
            self.report_table,
            spreadsheet_format,
            filename=self.get_filename(),
            sheet_title=str(self.report_table.caption),
        )

    def export_url(self, export_format: str) -> str:
        params = self.request.GET.copy()
        params.pop("p", None)
        params["export"] = export_format
        return f"{self.index_url}?{params.urlencode()}"

    def breakdown_tabs(self) -> list[dict]:
        tabs = []
        for key, label in self.breakdowns.items():
            params = self.request.GET.copy()
            params.pop("p", None)
            params.pop("export", None)
            params["by"] = key
            tabs.append(
                {
                    "label": label,
                    "url": f"{self.index_url}?{params.urlencode()}",
                    "current": key == self.breakdown,
                }
            )
        return tabs if len(tabs) > 1 else []

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            report_table=self.report_table,
            breakdown_tabs=self.breakdown_tabs(),
            scope=" · ".join(self.scope()),
            csv_url=self.export_url(exports.CSV),
            xlsx_url=self.export_url(exports.XLSX),
            # A download writes the rows itself: do not lay them out for the screen too.
            rows_with_cells=[]
            if self.is_export
            else [(row, self.report_table.cells(row)) for row in context["object_list"]],
        )
        return context
