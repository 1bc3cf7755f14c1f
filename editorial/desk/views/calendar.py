"""The desk calendar page in the admin (month or week), filterable by person and topic."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.desk.calendar import MONTH, WEEK, build_calendar
from editorial.models import ProgrammeTopic
from editorial.text import person_name


class CalendarFilterForm(forms.Form):
    view = forms.ChoiceField(
        label=_("Show"), choices=[(MONTH, _("Month")), (WEEK, _("Week"))], required=False
    )
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=get_user_model().objects.none(), required=False
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=ProgrammeTopic.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__isnull=False)
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["person"].label_from_instance = person_name


class DeskCalendarView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/desk/calendar.html"
    page_title = _("Desk calendar")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("editorial.view_assignment"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CalendarFilterForm(self.request.GET or None)
        cleaned = form.cleaned_data if form.is_valid() else {}
        mode = cleaned.get("view") or MONTH
        anchor: datetime.date | None = cleaned.get("date")
        calendar = build_calendar(
            self.request.user,
            mode=mode,
            anchor=anchor,
            person=cleaned.get("person"),
            topic=cleaned.get("topic"),
        )
        query = self.request.GET.copy()
        query.pop("date", None)
        context.update(
            form=form,
            calendar=calendar,
            filter_query=query.urlencode(),
            week_query=_switch(query, WEEK),
            month_query=_switch(query, MONTH),
        )
        return context


def _switch(query, mode: str) -> str:
    switched = query.copy()
    switched["view"] = mode
    return switched.urlencode()
