"""Programme progress (tiến độ chương trình): target against delivered per plan item,
topic or year, with the assignments on the way and the on-time rate."""

from __future__ import annotations

from typing import ClassVar

from django.db.models.functions import Collate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.models import AnnualPlan, ProgrammeTopic
from editorial.reports import links
from editorial.reports.charts import Chart, Series
from editorial.reports.queries import forecast, progress
from editorial.reports.queries.common import STAGE_BUCKET_LABELS, STAGE_BUCKETS
from editorial.reports.tables import DATE, NUMBER, PERCENT, Column, ReportTable, Row
from editorial.reports.views.base import ProgrammeReportView
from editorial.text import VI_COLLATION


def _delivery_columns() -> list[Column]:
    return [
        Column("target", _("Target"), NUMBER),
        Column("articles", _("Articles"), NUMBER, help_text=_("live, linked to the item")),
        Column("events", _("Events"), NUMBER, help_text=_("held, linked to the item")),
        Column("delivered", _("Delivered"), NUMBER),
        Column("share", _("Of target"), PERCENT),
        *(Column(b, str(STAGE_BUCKET_LABELS[b]), NUMBER) for b in STAGE_BUCKETS),
        Column(
            "on_time", _("On time"), PERCENT, help_text=_("articles live by the item's due date")
        ),
    ]


def _delivery_values(entry: progress.Delivery) -> dict:
    return {
        "items": entry.items,
        "target": entry.target,
        "articles": entry.articles,
        "events": entry.events,
        "delivered": entry.delivered,
        "share": entry.share,
        **entry.stages,
        "on_time": entry.on_time_rate,
    }


def _delivery_links(articles: dict, events: dict, assignments: dict) -> dict:
    """Where each number comes from: the same filters as the counting queries."""
    found = {
        "articles": links.articles(live="true", **articles),
        "events": links.events(held="true", **events),
        "on_time": links.articles(live="true", on_time="true", **articles),
    }
    for bucket, stages in STAGE_BUCKETS.items():
        found[bucket] = links.assignments(stage=[str(s) for s in stages], **assignments)
    return found


def forecast_text(found: forecast.Forecast) -> str:
    """ "4 / 5 · At risk": projected against target, and the flag in words."""
    return _("%(projected)s / %(target)s · %(flag)s") % {
        "projected": found.projected,
        "target": found.target,
        "flag": found.flag_label,
    }


def in_flight_link(item_id: int, found: forecast.Forecast) -> str:
    """The assignments the forecast counts as on the way: in flight, due by the deadline."""
    return links.assignments(
        plan_item=item_id,
        stage=list(forecast.IN_FLIGHT_STAGES),
        due_to=found.deadline.isoformat(),
    )


class ProgressReportView(ProgrammeReportView):
    page_title = gettext_lazy("Programme progress")
    header_icon = "clipboard-list"
    export_name = "tien-do-chuong-trinh"
    url_name = "report_progress:index"
    breakdowns: ClassVar[dict] = {
        progress.ITEM: gettext_lazy("By plan item"),
        progress.TOPIC: gettext_lazy("By topic"),
        progress.YEAR: gettext_lazy("By year"),
    }

    def scope(self) -> list[str]:
        parts = super().scope()
        # The yearly view lists every plan year: the year filter does not apply.
        return parts[1:] if self.breakdown == progress.YEAR else parts

    def _totals_row(self, deliveries, label: str) -> Row:
        year = None if self.breakdown == progress.YEAR else self.params.year
        topic = self.params.topic_id
        entry = progress.total(deliveries)
        return Row(
            {"label": label, **_delivery_values(entry)},
            _delivery_links(
                {"plan_year": year, "plan_topic": topic},
                {"plan_year": year, "plan_topic": topic},
                {"plan_year": year, "topic": topic},
            ),
            classname="total",
        )

    def _chart(self, rows: list[Row], title: str, description: str) -> Chart:
        return Chart(
            title=title,
            description=description,
            categories=[str(row.values["label"]) for row in rows],
            series=[
                Series(_("Target"), [row.values["target"] for row in rows]),
                Series(_("Delivered"), [row.values["delivered"] for row in rows]),
            ],
        )

    def table_item(self) -> ReportTable:
        year, topic_id = self.params.year, self.params.topic_id
        items = list(
            progress.plan_items(year, topic_id)
            .select_related("topic", "plan")
            .order_by("topic__sort_order", "topic__number", "sort_order", "pk")
        )
        numbers = progress.delivery(progress.ITEM, year, topic_id)
        # The forecast reads these same numbers: its "delivered" is the column beside it.
        forecasts = forecast.forecasts(items, numbers, self.params.today)
        rows = []
        for item in items:
            entry = numbers.get(item.pk, progress.Delivery())
            values = {
                "label": item.title,
                "topic": item.topic.name if item.topic_id else "",
                "due_date": item.due_date,
                **_delivery_values(entry),
                "forecast": forecast_text(forecasts[item.pk]),
            }
            item_links = _delivery_links(
                {"plan_item": item.pk}, {"plan_item": item.pk}, {"plan_item": item.pk}
            )
            item_links["label"] = links.plan(item.plan_id)
            item_links["forecast"] = in_flight_link(item.pk, forecasts[item.pk])
            rows.append(Row(values, item_links))
        chart = self._chart(
            rows,
            _("Delivered against target, %(year)s") % {"year": year},
            _(
                "Horizontal bars for each plan item of %(year)s: the target, and what was "
                "delivered (live articles and held events linked to the item). The numbers "
                "are in the table below."
            )
            % {"year": year},
        )
        if rows:
            rows.append(self._totals_row(numbers.values(), _("Total")))
        return ReportTable(
            caption=_("Plan items of %(year)s") % {"year": year},
            columns=[
                Column("label", _("Plan item"), is_label=True),
                Column("topic", _("Topic")),
                Column("due_date", _("Due"), DATE),
                *_delivery_columns(),
                Column(
                    "forecast",
                    _("Forecast"),
                    help_text=_("projected by the due date, at this pace"),
                ),
            ],
            rows=rows,
            chart=chart,
            note=_(
                "Delivered counts live articles and held (not cancelled) events linked to "
                "the item; an item without a target counts as a target of one. Assignment "
                "counts are by stage now; on time is the share of the item's live articles "
                "first published by the item's due date. The forecast adds the "
                "commissioned work due by the item's due date to what is delivered, or "
                "stretches the pace so far to the due date, whichever is more."
            ),
        )

    def table_topic(self) -> ReportTable:
        year, topic_id = self.params.year, self.params.topic_id
        numbers = progress.delivery(progress.TOPIC, year, topic_id)
        # Assignments are counted by their own topic (the form keeps it equal to the
        # plan item's), so each count matches the desk listing's topic filter.
        topics = ProgrammeTopic.objects.order_by("sort_order", "number")
        if topic_id is not None:
            topics = topics.filter(pk=topic_id)
        rows = []
        for topic in topics:
            entry = numbers.get(topic.pk, progress.Delivery())
            row_links = _delivery_links(
                {"plan_year": year, "plan_topic": topic.pk},
                {"plan_year": year, "plan_topic": topic.pk},
                {"plan_year": year, "topic": topic.pk},
            )
            rows.append(Row({"label": str(topic), **_delivery_values(entry)}, row_links))
        if None in numbers:
            rows.append(Row({"label": _("No topic"), **_delivery_values(numbers[None])}))
        chart = self._chart(
            rows,
            _("Delivered against target per topic, %(year)s") % {"year": year},
            _(
                "Horizontal bars for each programme topic: the target of its %(year)s plan "
                "items and what was delivered. The numbers are in the table below."
            )
            % {"year": year},
        )
        if rows:
            rows.append(self._totals_row(numbers.values(), _("Total")))
        return ReportTable(
            caption=_("Topics, plan of %(year)s") % {"year": year},
            columns=[
                Column("label", _("Topic"), is_label=True),
                Column("items", _("Plan items"), NUMBER),
                *_delivery_columns(),
            ],
            rows=rows,
            chart=chart,
        )

    def table_year(self) -> ReportTable:
        topic_id = self.params.topic_id
        numbers = progress.delivery(progress.YEAR, None, topic_id)
        plans = AnnualPlan.objects.order_by("year", Collate("title", VI_COLLATION))
        rows = []
        for plan in plans:
            entry = numbers.get(plan.year, progress.Delivery())
            row_links = _delivery_links(
                {"plan_year": plan.year, "plan_topic": topic_id},
                {"plan_year": plan.year, "plan_topic": topic_id},
                {"plan_year": plan.year, "topic": topic_id},
            )
            row_links["label"] = links.plan(plan.pk)
            rows.append(Row({"label": str(plan.year), **_delivery_values(entry)}, row_links))
        chart = self._chart(
            rows,
            _("Delivered against target per year"),
            _(
                "Horizontal bars for each year of the programme: the target of its plan "
                "items and what was delivered. The numbers are in the table below."
            ),
        )
        if rows:
            rows.append(self._totals_row(numbers.values(), _("Total")))
        return ReportTable(
            caption=_("Plan years"),
            columns=[
                Column("label", _("Year"), is_label=True),
                Column("items", _("Plan items"), NUMBER),
                *_delivery_columns(),
            ],
            rows=rows,
            chart=chart,
        )
