"""Coverage statistics (thống kê): what was published in a year, per month and topic,
per organisation, per author and per journalist, and the beat log's activity."""

from __future__ import annotations

from typing import ClassVar

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.models import ProgrammeTopic
from editorial.reports import links
from editorial.reports.charts import Chart, Series
from editorial.reports.queries import coverage
from editorial.reports.queries.common import month_bounds, month_label, year_bounds
from editorial.reports.tables import NUMBER, PERCENT, Column, ReportTable, Row
from editorial.reports.views.base import ProgrammeReportView

MONTHS = range(1, 13)
TOP_IN_CHART = 15


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


class CoverageReportView(ProgrammeReportView):
    page_title = gettext_lazy("Coverage statistics")
    header_icon = "doc-full"
    export_name = "thong-ke-bai-viet"
    url_name = "report_coverage:index"
    breakdowns: ClassVar[dict] = {
        "month": gettext_lazy("By month and topic"),
        "organisation": gettext_lazy("By organisation"),
        "author": gettext_lazy("By author"),
        "journalist": gettext_lazy("By journalist"),
        "beat": gettext_lazy("Beat activity"),
    }

    def _topics(self) -> list:
        topics = ProgrammeTopic.objects.order_by("sort_order", "number")
        if self.params.topic is not None:
            topics = topics.filter(pk=self.params.topic.pk)
        return list(topics)

    def table_month(self) -> ReportTable:
        year = self.params.year
        topics = self._topics()
        counts = coverage.per_month_and_topic(year, self.hubs, self.hub)
        outside = any(topic is None for _month, topic in counts)
        rows = []
        for month in MONTHS:
            first, last = month_bounds(year, month)
            dates = {
                "first_published_at_from": first.isoformat(),
                "first_published_at_to": last.isoformat(),
            }
            values = {"label": month_label(year, month)}
            row_links = {}
            for topic in topics:
                values[f"t{topic.pk}"] = counts.get((month, topic.pk), 0)
                row_links[f"t{topic.pk}"] = links.articles(live="true", topic=topic.pk, **dates)
            if outside:
                values["other"] = counts.get((month, None), 0)
            values["total"] = sum(n for (m, _t), n in counts.items() if m == month)
            row_links["total"] = links.articles(live="true", topic=self.params.topic_id, **dates)
            rows.append(Row(values, row_links))
        chart = Chart(
            kind="line",
            title=_("Articles published per month, %(year)s") % {"year": year},
            description=_(
                "Lines for each topic: the live articles first published in each month of "
                "%(year)s. The numbers are in the table below."
            )
            % {"year": year},
            categories=[f"{month:02d}" for month in MONTHS],
            series=[
                Series(topic.name, [row.values[f"t{topic.pk}"] for row in rows]) for topic in topics
            ],
        )
        totals = {
            key: sum(row.values[key] for row in rows) for key in rows[0].values if key != "label"
        }
        first, last = year_bounds(year)
        total_links = {
            f"t{topic.pk}": links.articles(live="true", topic=topic.pk, year=year)
            for topic in topics
        }
        total_links["total"] = links.articles(live="true", topic=self.params.topic_id, year=year)
        rows.append(Row({"label": _("Total"), **totals}, total_links, classname="total"))
        columns = [Column("label", _("Month"), is_label=True)]
        columns += [
            Column(f"t{topic.pk}", f"{topic.number}. {topic.name}", NUMBER) for topic in topics
        ]
        if outside:
            columns.append(Column("other", _("Outside the topics"), NUMBER))
        columns.append(Column("total", _("Total"), NUMBER))
        return ReportTable(
            caption=_("Articles published per month and topic, %(year)s") % {"year": year},
            columns=columns,
            rows=rows,
            chart=chart,
            note=_("Live articles, by the month they were first published (local time)."),
        )

    def table_organisation(self) -> ReportTable:
        year = self.params.year
        organisations = list(coverage.per_organisation(year, self.hub))
        rows = [
            Row(
                {
                    "label": organisation.name,
                    "short_name": organisation.short_name,
                    "kind": organisation.get_kind_display(),
                    "articles": organisation.article_count,
                },
                {
                    "articles": links.articles(
                        live="true",
                        organisation=organisation.pk,
                        year=year,
                        topic=self.params.topic_id,
                    )
                },
                classname="" if organisation.article_count else "none",
            )
            for organisation in organisations
        ]
        covered = [row for row in rows if row.values["articles"]][:TOP_IN_CHART]
        chart = Chart(
            title=_("Most covered organisations, %(year)s") % {"year": year},
            description=_(
                "Horizontal bars for the %(count)s organisations with the most live articles "
                "in %(year)s. Every organisation, including those with none, is in the table "
                "below."
            )
            % {"count": len(covered), "year": year},
            categories=[row.values["short_name"] or row.values["label"] for row in covered],
            series=[Series(_("Articles"), [row.values["articles"] for row in covered])],
        )
        return ReportTable(
            caption=_("Articles per organisation, %(year)s") % {"year": year},
            columns=[
                Column("label", _("Organisation"), is_label=True),
                Column("short_name", _("Short name")),
                Column("kind", _("Kind")),
                Column("articles", _("Articles"), NUMBER),
            ],
            rows=rows,
            chart=chart if covered else None,
            note=_(
                "Live articles first published in the year that name the organisation; "
                "organisations with no coverage are listed with 0."
            ),
        )

    def table_author(self) -> ReportTable:
        year = self.params.year
        rows = [
            Row(
                {
                    "label": author.display_name,
                    "organisation": author.organisation.name if author.organisation_id else "",
                    "staff": _person(author.staff_user) if author.staff_user_id else "",
                    "articles": author.article_count,
                },
                {
                    "articles": links.articles(
                        live="true", author=author.pk, year=year, topic=self.params.topic_id
                    )
                },
            )
            for author in coverage.per_author(year, self.hub)
        ]
        top = rows[:TOP_IN_CHART]
        chart = Chart(
            title=_("Most published authors, %(year)s") % {"year": year},
            description=_(
                "Horizontal bars for the %(count)s authors with the most live articles in "
                "%(year)s (by byline). All authors are in the table below."
            )
            % {"count": len(top), "year": year},
            categories=[row.values["label"] for row in top],
            series=[Series(_("Articles"), [row.values["articles"] for row in top])],
        )
        return ReportTable(
            caption=_("Articles per author, %(year)s") % {"year": year},
            columns=[
                Column("label", _("Author"), is_label=True),
                Column("organisation", _("Organisation")),
                Column("staff", _("Staff account")),
                Column("articles", _("Articles"), NUMBER),
            ],
            rows=rows,
            chart=chart if top else None,
            note=_("Live articles first published in the year, counted once per byline author."),
        )

    def table_journalist(self) -> ReportTable:
        year = self.params.year
        topic_id = self.params.topic_id
        rows = []
        for entry in coverage.per_journalist(year, topic_id, self.today):
            user = entry["user"]
            person = user.pk if user else None
            rows.append(
                Row(
                    {
                        "label": _person(user),
                        "total": entry["total"],
                        "published": entry["published"],
                        "on_time": entry["on_time"] / entry["published"]
                        if entry["published"]
                        else None,
                        "open": entry["open"],
                        "overdue": entry["overdue"],
                    },
                    {
                        "total": links.assignments_due_in(year, person=person, topic=topic_id),
                        "published": links.assignments_due_in(
                            year, person=person, topic=topic_id, stage="published"
                        ),
                        "overdue": links.assignments_due_in(
                            year, person=person, topic=topic_id, overdue="true"
                        ),
                    },
                )
            )
        chart = Chart(
            title=_("Assignments per journalist, %(year)s") % {"year": year},
            description=_(
                "Horizontal bars for each journalist: assignments due in %(year)s and how many "
                "of them are published. The numbers are in the table below."
            )
            % {"year": year},
            categories=[row.values["label"] for row in rows],
            series=[
                Series(_("Assignments"), [row.values["total"] for row in rows]),
                Series(_("Published"), [row.values["published"] for row in rows]),
            ],
        )
        return ReportTable(
            caption=_("Assignments per journalist, due in %(year)s") % {"year": year},
            columns=[
                Column("label", _("Journalist"), is_label=True),
                Column("total", _("Assignments"), NUMBER),
                Column("published", _("Published"), NUMBER),
                Column("on_time", _("On time"), PERCENT, help_text=_("live by the due date")),
                Column("open", _("Open"), NUMBER),
                Column("overdue", _("Overdue"), NUMBER),
            ],
            rows=rows,
            chart=chart if rows else None,
            note=_(
                "Assignments due in the year, counted for the journalist who writes them or, "
                "for an external author, the staff contact."
            ),
        )

    def table_beat(self) -> ReportTable:
        year = self.params.year
        beats, counts = coverage.beat_activity(year, self.params.topic_id)
        rows = []
        for beat in beats:
            values = {"label": beat.name}
            row_links = {}
            for month in MONTHS:
                values[f"m{month}"] = counts.get((beat.pk, month), 0)
                row_links[f"m{month}"] = links.log_entries(beat.pk, *month_bounds(year, month))
            values["total"] = sum(values[f"m{month}"] for month in MONTHS)
            row_links["total"] = links.log_entries(beat.pk, *year_bounds(year))
            rows.append(Row(values, row_links, classname="" if values["total"] else "none"))
        chart = Chart(
            title=_("Beat log entries per beat, %(year)s") % {"year": year},
            description=_(
                "Horizontal bars for each beat: the log entries dated in %(year)s. The "
                "entries per month are in the table below."
            )
            % {"year": year},
            categories=[row.values["label"] for row in rows],
            series=[Series(_("Log entries"), [row.values["total"] for row in rows])],
        )
        if rows:
            totals = {
                key: sum(row.values[key] for row in rows)
                for key in rows[0].values
                if key != "label"
            }
            rows.append(Row({"label": _("Total"), **totals}, classname="total"))
        return ReportTable(
            caption=_("Beat log entries per beat and month, %(year)s") % {"year": year},
            columns=[
                Column("label", _("Beat"), is_label=True),
                *(Column(f"m{month}", f"{month:02d}", NUMBER) for month in MONTHS),
                Column("total", _("Total"), NUMBER),
            ],
            rows=rows,
            chart=chart if rows else None,
        )
