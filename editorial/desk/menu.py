"""The newsroom desk's admin menu: assignments, the beat log, the exchange ledger, beats and
the calendar."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from editorial.desk.views.calendar import DeskCalendarView
from editorial.desk.viewsets.assignments import AssignmentViewSet
from editorial.desk.viewsets.beats import BeatLogEntryViewSet, BeatViewSet
from editorial.exchange.viewsets import ExchangeViewSet


class DeskCalendarViewSet(ViewSet):
    name = "desk_calendar"
    icon = "date"
    menu_label = _("Calendar")
    menu_order = 40

    def get_urlpatterns(self):
        return [path("", DeskCalendarView.as_view(), name="index")]


class DeskViewSetGroup(ViewSetGroup):
    menu_label = _("Newsroom desk")
    menu_icon = "tasks"
    menu_name = "desk"
    menu_order = 150
    items = (
        AssignmentViewSet,
        BeatLogEntryViewSet,
        ExchangeViewSet,
        BeatViewSet,
        DeskCalendarViewSet,
    )
