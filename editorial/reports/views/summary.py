"""Annual summary (tổng kết năm): one printable page for a year, for the two bodies'
joint review: counts per topic, every plan item with its delivery, and the articles and
events that delivered it. Print it from the browser (its print style drops the admin's
furniture); "Save as PDF" there makes the PDF."""

from __future__ import annotations

from typing import ClassVar

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.desk.articles import byline_model, live_articles, with_print_issues
from editorial.models import ProgrammeEvent, ProgrammeTopic
from editorial.models.programme import Programme
from editorial.reports.filters import YearFilterSet
from editorial.reports.queries import coverage, progress
from editorial.reports.tables import DATE, NUMBER, PERCENT, TEXT, Column, ReportTable, Row
from editorial.reports.views.base import ProgrammeReportView


class AnnualSummaryView(ProgrammeReportView):
    template_name = "editorial/reports/annual_summary.html"
    page_title = gettext_lazy("Annual summary")
    header_icon = "calendar-alt"
    export_name = "tong-ket-nam"
    url_name = "report_annual:index"
    filterset_class = YearFilterSet
    breakdowns: ClassVar[dict] = {"items": gettext_lazy("Plan items")}

    def get_index_results_url(self):
        return None

    def table_items(self) -> ReportTable:
        year = self.params.year
        return ReportTable(
            caption=_("Plan items of %(year)s and their delivery") % {"year": year},
            columns=[
                Column("label", _("Plan item"), is_label=True),
                Column("topic", _("Topic")),
                Column("lead", _("Lead")),
                Column("due_date", _("Due"), DATE),
                Column("target", _("Target"), NUMBER),
                Column("articles", _("Articles"), NUMBER),
                Column("events", _("Events"), NUMBER),
                Column("delivered", _("Delivered"), NUMBER),
                Column("share", _("Of target"), PERCENT),
                Column("article_titles", _("Articles delivering it"), TEXT),
                Column("event_titles", _("Events held"), TEXT),
            ],
            rows=self.item_rows(year),
        )

    def item_rows(self, year: int | None) -> list[Row]:
        """Every plan item of ``year`` (of every year if None, year by year) with its
        delivery and the articles and events behind it, in a fixed number of queries."""
        items = list(
            progress.plan_items(year)
            .select_related("plan", "topic", "lead_organisation")
            .order_by("plan__year", "topic__sort_order", "topic__number", "sort_order", "pk")
        )
        numbers = progress.delivery(progress.ITEM, year)
        bylines = byline_model().objects.select_related("author").order_by("sort_order")
        articles: dict[int, list] = {}
        for article in with_print_issues(
            live_articles()
            .filter(plan_item__in=[item.pk for item in items])
            .defer_streamfields()
            .prefetch_related(Prefetch("bylines", queryset=bylines))
            .order_by("first_published_at", "pk")
        ):
            articles.setdefault(article.plan_item_id, []).append(article)
        events: dict[int, list] = {}
        for event in (
            ProgrammeEvent.objects.held()
            .filter(plan_item__in=[item.pk for item in items])
            .order_by("starts_at", "pk")
        ):
            events.setdefault(event.plan_item_id, []).append(event)

        rows = []
        for item in items:
            entry = numbers.get(item.pk, progress.Delivery())
            item_articles = [
                {
                    "title": article.title,
                    "date": article.first_published_at,
                    "byline": ", ".join(b.author.display_name for b in article.bylines.all()),
                    "print_issue": article.print_issue,
                }
                for article in articles.get(item.pk, [])
            ]
            item_events = events.get(item.pk, [])
            rows.append(
                Row(
                    {
                        "label": item.title,
                        "topic": item.topic.name if item.topic_id else "",
                        "lead": item.lead_organisation.short_name
                        if item.lead_organisation_id
                        else "",
                        "due_date": item.due_date,
                        "target": entry.target,
                        "articles": entry.articles,
                        "events": entry.events,
                        "delivered": entry.delivered,
                        "share": entry.share,
                        "article_titles": "; ".join(a["title"] for a in item_articles),
                        "event_titles": "; ".join(e.title for e in item_events),
                    },
                    extra={
                        "item": item,
                        "year": item.plan.year,
                        "articles": item_articles,
                        "events": item_events,
                    },
                )
            )
        return rows

    def topic_deliveries(self, year: int | None) -> tuple[list[dict], progress.Delivery]:
        """Each programme topic's delivery in ``year`` (every year if None), and the total."""
        numbers = progress.delivery(progress.TOPIC, year)
        rows = [
            {"topic": topic, "delivery": numbers.get(topic.pk, progress.Delivery())}
            for topic in ProgrammeTopic.objects.order_by("sort_order", "number")
        ]
        return rows, progress.total(numbers.values())

    def topic_rows(self) -> list[dict]:
        year = self.params.year
        rows, totals = self.topic_deliveries(year)
        published: dict = {}
        for (_month, topic_id), n in coverage.per_month_and_topic(year, self.hubs, None).items():
            published[topic_id] = published.get(topic_id, 0) + n
        for row in rows:
            row["published"] = published.get(row["topic"].pk, 0)
        return rows, totals, sum(published.values())

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        topic_rows, totals, published = self.topic_rows()
        context.update(
            year=self.params.year,
            programme=Programme.objects.order_by("pk").first(),
            topic_rows=topic_rows,
            totals=totals,
            published_total=published,
            year_choices=sorted({*self.plan_years, self.today.year}),
        )
        return context


class JointReportView(AnnualSummaryView):
    """The annual summary as the joint review report to sign (DOCX, ``joint_report``):
    the same rows as the summary page, so the same numbers."""

    def get(self, request, *args, **kwargs):
        from django.http import HttpResponse

        from editorial.models import PlanItem
        from editorial.reports import joint_report

        year = self.params.year
        topic_rows, totals, _published = self.topic_rows()
        content = joint_report.build(
            year,
            self.table_items().rows,
            topic_rows,
            totals,
            list(PlanItem.objects.filter(plan__year=year + 1).order_by("sort_order", "pk")),
        )
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="bao-cao-so-ket-{year}.docx"'
        return response


class PeriodReportView(AnnualSummaryView):
    """The joint review report for the programme's whole period (DOCX, ``period_report``):
    the annual summary's rows over every year, so its totals are the progress report's
    over all years. A fixed number of queries, however many years or items."""

    def get(self, request, *args, **kwargs):
        from django.http import HttpResponse

        from editorial.models import PlanItem
        from editorial.reports import period_report

        programme = Programme.objects.order_by("pk").first()
        years = sorted({*(programme.years() if programme else ()), *self.plan_years})
        topic_rows, totals = self.topic_deliveries(None)
        by_year = progress.delivery(progress.YEAR, None)
        year_rows = [(year, by_year.get(year, progress.Delivery())) for year in self.plan_years]
        after = years[-1] + 1 if years else self.today.year + 1
        content = period_report.build(
            years,
            self.item_rows(None),
            topic_rows,
            year_rows,
            totals,
            list(
                PlanItem.objects.filter(plan__year__gte=after).order_by(
                    "plan__year", "sort_order", "pk"
                )
            ),
        )
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        label = period_report.period_label(years).replace("–", "-")
        response["Content-Disposition"] = f'attachment; filename="bao-cao-tong-ket-{label}.docx"'
        return response
