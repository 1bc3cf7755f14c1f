"""Admin for annual plans (with their items), the programme's events and the meetings
between the two bodies (with invitations and follow-ups)."""

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.ui.tables import UpdatedAtColumn

from editorial.enums import EventKind
from editorial.filters import YearFilter
from editorial.listings.viewsets import ProgrammeSnippetViewSet
from editorial.models import AnnualPlan, Meeting, PlanItem, ProgrammeEvent, ProgrammeTopic
from editorial.programme.panels import annual_plan_edit_handler, event_panels


class AnnualPlanViewSet(ProgrammeSnippetViewSet):
    """A year's plan and its items, edited together and kept in revisions."""

    model = AnnualPlan
    icon = "clipboard-list"
    menu_order = 30
    menu_label = _("Annual plans")
    list_display: ClassVar[list] = ["__str__", "year", "programme", UpdatedAtColumn()]
    list_filter: ClassVar[list] = ["programme", "year"]
    ordering = "year"
    list_select_related = ("programme",)
    edit_handler = annual_plan_edit_handler


class ProgrammeEventFilterSet(WagtailFilterSet):
    year = YearFilter(field_name="starts_at", lookup_expr="year", label=_("Year"))
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label=_("Kind"))
    topic = django_filters.ModelChoiceFilter(
        queryset=ProgrammeTopic.objects.all(), label=_("Topic")
    )
    plan_year = YearFilter(field_name="plan_item__plan__year", label=_("Plan year"))
    plan_item = django_filters.ModelChoiceFilter(
        queryset=PlanItem.objects.select_related("plan"), label=_("Plan item")
    )
    plan_topic = django_filters.ModelChoiceFilter(
        queryset=ProgrammeTopic.objects.all(),
        field_name="plan_item__topic",
        label=_("Plan item's topic"),
    )
    held = django_filters.BooleanFilter(label=_("Held"), method="filter_held")

    class Meta:
        model = ProgrammeEvent
        fields: ClassVar[list] = ["cancelled"]

    def filter_held(self, queryset, name, value):
        """Held: started and not cancelled (what counts towards a plan item)."""
        if value is None:
            return queryset
        held = queryset.held()
        return held if value else queryset.exclude(pk__in=held.values("pk"))


class ProgrammeEventViewSet(ProgrammeSnippetViewSet):
    model = ProgrammeEvent
    icon = "date"
    menu_order = 40
    menu_label = _("Events")
    list_display: ClassVar[list] = ["title", "kind", "starts_at", "place", "plan_item"]
    filterset_class = ProgrammeEventFilterSet
    ordering = "-starts_at"
    list_select_related = ("plan_item__plan",)
    copy_view_enabled = True  # recurring meetings start from last time's entry
    panels = event_panels


class MeetingViewSet(ProgrammeSnippetViewSet):
    model = Meeting
    icon = "group"
    menu_order = 45
    menu_label = _("Meetings")
    list_display: ClassVar[list] = ["title", "date", "host", "event", "plan_item"]
    list_filter: ClassVar[list] = ["host", "plan_item"]
    ordering = "-date"
    list_select_related = ("host", "event", "plan_item__plan")
    panels: ClassVar[list] = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("date")]),
        FieldPanel("host"),
        FieldRowPanel([FieldPanel("event"), FieldPanel("plan_item")]),
        InlinePanel(
            "invitations",
            heading=_("Invitations"),
            label=_("invitation"),
            panels=[FieldPanel("organisation"), FieldPanel("person"), FieldPanel("attended")],
            max_num=50,
        ),
        FieldPanel("decisions"),
        InlinePanel(
            "follow_ups",
            heading=_("Follow-ups"),
            label=_("follow-up"),
            panels=[
                FieldPanel("action"),
                FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("done")]),
            ],
            max_num=30,
        ),
    ]
