"""The "Báo cáo" admin menu: one viewset per report, grouped; and the article listing
(a Wagtail page listing with programme filters) that the reports' numbers link to."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.db.models import F
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn, ParentPageColumn
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from editorial.desk.articles import article_model, topic_hubs
from editorial.filters import YearFilter
from editorial.models import Author, Organisation, PlanItem, ProgrammeTopic
from editorial.reports.permissions import ReportsOnlyMixin, can_view_reports
from editorial.reports.views.coverage import CoverageReportView
from editorial.reports.views.cycle_times import CycleTimesReportView
from editorial.reports.views.overdue import OverdueReportView
from editorial.reports.views.progress import ProgressReportView
from editorial.reports.views.summary import (
    AnnualSummaryView,
    JointReportView,
    PeriodReportView,
)
from editorial.reports.views.undelivered import SendAgainView, UndeliveredMailView


class ReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_reports(request.user)


class ReportViewSet(ViewSet):
    """One report: its screen, the results fragment Wagtail's filters refresh, and the
    downloads (the same URL with ``?export=csv|xlsx``)."""

    view_class = None
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [
            path("", self.view_class.as_view(), name="index"),
            path("results/", self.view_class.as_view(results_only=True), name="index_results"),
        ]


class ProgressReportViewSet(ReportViewSet):
    name = "report_progress"
    url_prefix = "bao-cao/tien-do"
    menu_label = _("Programme progress")
    icon = "clipboard-list"
    view_class = ProgressReportView


class CoverageReportViewSet(ReportViewSet):
    name = "report_coverage"
    url_prefix = "bao-cao/thong-ke"
    menu_label = _("Coverage statistics")
    icon = "doc-full"
    view_class = CoverageReportView


class CycleTimesReportViewSet(ReportViewSet):
    name = "report_cycle_times"
    url_prefix = "bao-cao/thoi-gian-duyet"
    menu_label = _("Pipeline cycle times")
    icon = "time"
    view_class = CycleTimesReportView


class OverdueReportViewSet(ReportViewSet):
    name = "report_overdue"
    url_prefix = "bao-cao/tre-han"
    menu_label = _("Overdue")
    icon = "warning"
    view_class = OverdueReportView


class AnnualSummaryViewSet(ReportViewSet):
    name = "report_annual"
    url_prefix = "bao-cao/tong-ket-nam"
    menu_label = _("Annual summary")
    icon = "calendar-alt"
    view_class = AnnualSummaryView

    def get_urlpatterns(self):
        return [
            path("", self.view_class.as_view(), name="index"),
            path("bao-cao-so-ket.docx", JointReportView.as_view(), name="docx"),
            path("bao-cao-tong-ket.docx", PeriodReportView.as_view(), name="period_docx"),
        ]


class UndeliveredMailViewSet(ReportViewSet):
    """Mails the server did not take (``editorial.outbox``), and sending one again."""

    name = "undelivered_mail"
    url_prefix = "bao-cao/thu-chua-gui"
    menu_label = _("Undelivered mail")
    icon = "mail"

    def get_urlpatterns(self):
        return [
            path("", UndeliveredMailView.as_view(), name="index"),
            path("<uuid:pk>/gui-lai/", SendAgainView.as_view(), name="send_again"),
        ]


class ReportsViewSetGroup(ViewSetGroup):
    # Translators: the menu of the programme delivery reports; Vietnamese "Báo cáo".
    # Wagtail's own "Reports" menu (workflows, site history) sits beside it.
    menu_label = pgettext_lazy("programme delivery reports menu", "Reports")
    menu_icon = "table"
    menu_name = "programme_reports"
    menu_order = 250
    items = (
        ProgressReportViewSet,
        CoverageReportViewSet,
        CycleTimesReportViewSet,
        OverdueReportViewSet,
        AnnualSummaryViewSet,
        UndeliveredMailViewSet,
    )


# --- The articles behind the numbers --------------------------------------------------


class ArticleFilterSet(PageFilterSet):
    live = django_filters.BooleanFilter(label=_("Live"))
    plan_item = django_filters.ModelChoiceFilter(
        label=_("Plan item"), queryset=PlanItem.objects.select_related("plan")
    )
    plan_year = YearFilter(label=_("Plan year"), field_name="plan_item__plan__year")
    plan_topic = django_filters.ModelChoiceFilter(
        label=_("Plan item's topic"),
        queryset=ProgrammeTopic.objects.all(),
        field_name="plan_item__topic",
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Filed under topic"), queryset=ProgrammeTopic.objects.all(), method="filter_topic"
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all(), field_name="organisations"
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        queryset=Author.objects.all(),
        field_name="bylines__author",
        distinct=True,
    )
    year = YearFilter(
        label=_("Year first published"), field_name="first_published_at", lookup_expr="year"
    )
    first_published_at = django_filters.DateFromToRangeFilter(
        label=_("First published"), widget=DateRangePickerWidget
    )
    on_time = django_filters.BooleanFilter(
        label=_("Published by the plan item's due date"), method="filter_on_time"
    )

    class Meta:
        model = article_model()
        fields: ClassVar[list] = []

    def filter_topic(self, queryset, name, value):
        hub = next((h for h in topic_hubs() if h.topic_id == value.pk), None)
        return queryset.filter(hub.contains()) if hub else queryset.none()

    def filter_on_time(self, queryset, name, value):
        on_time = {"first_published_at__date__lte": F("plan_item__due_date")}
        if value is None:
            return queryset
        return queryset.filter(**on_time) if value else queryset.exclude(**on_time)


class ArticleIndexView(ReportsOnlyMixin, IndexView):
    pass


class ArticleChooseParentView(ReportsOnlyMixin, ChooseParentView):
    pass


class ArticleListingViewSet(PageListingViewSet):
    """Every article, with the programme's filters: the list behind each report number.
    Its screens are the reports' (editors and the editor-in-chief): it lists every draft
    and in-review article, whoever wrote it."""

    name = "report_articles"
    url_prefix = "bao-cao/bai-viet"
    model = article_model()
    icon = "doc-full-inverse"
    menu_label = _("Articles")
    filterset_class = ArticleFilterSet
    index_view_class = ArticleIndexView
    choose_parent_view_class = ArticleChooseParentView
    columns: ClassVar[list] = [
        PageTitleColumn("title", label=_("Headline"), sort_key="title", classname="title"),
        ParentPageColumn("parent", label=_("Topic hub")),
        DateColumn("first_published_at", label=_("First published"), sort_key="first_published_at"),
        PageStatusColumn("status", label=_("Status"), sort_key="live"),
    ]
