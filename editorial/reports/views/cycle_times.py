"""Pipeline cycle times (thời gian xử lý): median and 90th percentile per review step and
from commission to publication, per pipeline, topic or month; and the open items that
have waited longest."""

from __future__ import annotations

from typing import ClassVar

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.models import ProgrammeTopic
from editorial.reports import links
from editorial.reports.charts import Chart, Series
from editorial.reports.queries import cycle_times as cycles
from editorial.reports.queries.common import month_label
from editorial.reports.tables import DATETIME, DURATION, NUMBER, Column, ReportTable, Row
from editorial.reports.views.base import ProgrammeReportView

SLOWEST = 25


def _hours(value) -> float | None:
    return None if value is None else round(value.total_seconds() / 3600, 1)


def _stat_values(stats) -> dict:
    return {"count": stats.count, "median": stats.median, "p90": stats.p90}


STAT_COLUMNS = (
    ("count", gettext_lazy("Count"), NUMBER),
    ("median", gettext_lazy("Median"), DURATION),
    ("p90", gettext_lazy("90th percentile"), DURATION),
)


class CycleTimesReportView(ProgrammeReportView):
    page_title = gettext_lazy("Pipeline cycle times")
    header_icon = "time"
    export_name = "thoi-gian-duyet"
    url_name = "report_cycle_times:index"
    breakdowns: ClassVar[dict] = {
        cycles.STEP: gettext_lazy("By pipeline step"),
        cycles.TOPIC: gettext_lazy("By topic"),
        cycles.MONTH: gettext_lazy("By month"),
        "open": gettext_lazy("Slowest open items"),
    }

    @cached_property
    def default_year(self) -> int:
        # Review times are watched as they happen: this year, not the last plan's.
        return self.today.year

    def _columns(self, group_heading) -> list[Column]:
        return [
            Column("label", group_heading, is_label=True),
            Column("measure", _("Step")),
            *(Column(key, str(heading), kind) for key, heading, kind in STAT_COLUMNS),
        ]

    def _measure_rows(self, grouping: str, group_label, group_order=None) -> list[Row]:
        """Rows of (group, step) then (group, commission → publication), in order: groups
        by ``group_order`` (else their label), steps in pipeline order."""
        year, topic_id = self.params.year, self.params.topic_id
        order_of = group_order or (lambda group, label: label)
        positions = cycles.step_positions()
        entries = []
        for (group, task_id, step, pipeline), stats in cycles.step_stats(
            year, self.hubs, topic_id, grouping
        ).items():
            label = group_label(group, pipeline)
            if grouping == cycles.STEP:
                measure, position = step, positions.get((group, task_id), 0)
            else:
                measure, position = f"{step} ({pipeline})", 0
            entries.append(((order_of(group, label), 0, position, measure), label, measure, stats))
        commission = _("Commission → publication")
        for key, stats in cycles.commission_stats(year, topic_id, grouping).items():
            group = key[0] if key else None
            label = group_label(group, "") if key else _("All pipelines")
            sort = (order_of(group, label) if key else "\uffff", 1, 0, "")
            entries.append((sort, label, commission, stats))
        entries.sort(key=lambda entry: entry[0])
        return [
            Row({"label": label, "measure": measure, **_stat_values(stats)})
            for _sort, label, measure, stats in entries
        ]

    def _bar_chart(self, rows: list[Row], title: str) -> Chart | None:
        if not rows:
            return None
        return Chart(
            title=title,
            description=_(
                "Horizontal bars for each line of the table below: the median and the 90th "
                "percentile, in hours."
            ),
            categories=[f"{row.values['label']} · {row.values['measure']}" for row in rows],
            series=[
                Series(_("Median (hours)"), [_hours(row.values["median"]) for row in rows]),
                Series(_("90th percentile (hours)"), [_hours(row.values["p90"]) for row in rows]),
            ],
        )

    def _note(self) -> str:
        return _(
            "Review steps count from the step's start to its decision (approved or changes "
            "requested), in the year the decision was taken; commission → publication from "
            "the commission to the article's first publication, in the year it went live. "
            "Medians and 90th percentiles interpolate between the two nearest values."
        )

    def table_step(self) -> ReportTable:
        year = self.params.year
        rows = self._measure_rows(cycles.STEP, lambda group, pipeline: pipeline)
        return ReportTable(
            caption=_("Time per pipeline step, %(year)s") % {"year": year},
            columns=self._columns(_("Pipeline")),
            rows=rows,
            chart=self._bar_chart(rows, _("Time per pipeline step, %(year)s") % {"year": year}),
            note=self._note(),
        )

    def table_topic(self) -> ReportTable:
        year = self.params.year
        topics = {t.pk: t for t in ProgrammeTopic.objects.all()}
        rows = self._measure_rows(
            cycles.TOPIC,
            lambda group, pipeline: (
                str(topics[group]) if group in topics else _("Outside the topics")
            ),
            lambda group, label: (
                (topics[group].sort_order, topics[group].number) if group in topics else (9999, 0)
            ),
        )
        return ReportTable(
            caption=_("Time per topic, %(year)s") % {"year": year},
            columns=self._columns(_("Topic")),
            rows=rows,
            chart=self._bar_chart(rows, _("Time per topic, %(year)s") % {"year": year}),
            note=self._note(),
        )

    def table_month(self) -> ReportTable:
        year = self.params.year
        rows = self._measure_rows(
            cycles.MONTH,
            lambda month, pipeline: month_label(year, month),
            lambda month, label: month,
        )
        measures = list(dict.fromkeys(row.values["measure"] for row in rows))
        months = [month_label(year, month) for month in range(1, 13)]
        medians = {
            (row.values["label"], row.values["measure"]): row.values["median"] for row in rows
        }
        chart = None
        if rows:
            chart = Chart(
                kind="line",
                title=_("Median time per month, %(year)s") % {"year": year},
                description=_(
                    "Lines for each step and for commission → publication: the median time in "
                    "hours, month by month. The numbers are in the table below."
                ),
                categories=[m[:2] for m in months],
                series=[
                    Series(measure, [_hours(medians.get((m, measure))) for m in months])
                    for measure in measures
                ],
            )
        return ReportTable(
            caption=_("Time per month, %(year)s") % {"year": year},
            columns=self._columns(_("Month")),
            rows=rows,
            chart=chart,
            note=self._note(),
        )

    def table_open(self) -> ReportTable:
        topic_id = self.params.topic_id
        now = timezone.now()
        rows = []
        for step in cycles.open_steps(self.hubs, topic_id, SLOWEST):
            rows.append(
                Row(
                    {
                        "label": step.page_title or "",
                        "kind": _("Review: %(step)s") % {"step": step.task.name},
                        "since": step.started_at,
                        "age": now - step.started_at,
                    },
                    {"label": links.page_edit(step.page_id)},
                )
            )
        for assignment in cycles.open_assignments(topic_id, SLOWEST):
            rows.append(
                Row(
                    {
                        "label": assignment.headline,
                        "kind": _("Assignment: %(stage)s")
                        % {"stage": assignment.get_stage_display()},
                        "since": assignment.commissioned_at,
                        "age": now - assignment.commissioned_at,
                    },
                    {"label": links.assignment(assignment.pk)},
                )
            )
        rows.sort(key=lambda row: row.values["since"])
        rows = rows[:SLOWEST]
        return ReportTable(
            caption=_("Open items waiting longest"),
            columns=[
                Column("label", _("Item"), is_label=True),
                Column("kind", _("Waiting at")),
                Column("since", _("Since"), DATETIME),
                Column("age", _("Waiting"), DURATION),
            ],
            rows=rows,
            note=_(
                "Review steps in progress (since the step started) and commissioned "
                "assignments not yet published (since they were commissioned), longest "
                "waiting first."
            ),
        )
