"""The reports' filter forms (Wagtail's filter drill-down in the header). They only read
what was asked for: each report applies the filters in its own grouped queries."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from editorial.models import AnnualPlan, ProgrammeTopic


def _keep(queryset, name, value):
    return queryset


def _people(request):
    """Everyone who writes, looks after or reviews newsroom work."""
    return (
        get_user_model()
        .objects.filter(
            Q(desk_assignments__isnull=False)
            | Q(contact_assignments__isnull=False)
            | Q(named_review_states__isnull=False)
        )
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


class YearFilterSet(WagtailFilterSet):
    """A year chosen among the plan years and this year (``years`` from the view)."""

    year = django_filters.ChoiceFilter(label=_("Year"), choices=(), method=_keep, empty_label=None)

    class Meta:
        model = AnnualPlan
        fields: ClassVar[list] = []

    def __init__(self, data=None, *args, years=(), default_year=None, **kwargs):
        # The form is always bound (to the query string), so ``initial`` never shows: with
        # no year asked for, the select fell back to its first option (2020) while the
        # report showed the default year. Bind the default so the two agree.
        if data is not None and default_year is not None and not data.get("year"):
            data = data.copy()
            data["year"] = str(default_year)
        super().__init__(data, *args, **kwargs)
        self.filters["year"].extra.update(
            choices=[(year, str(year)) for year in years], initial=default_year
        )


class ReportFilterSet(YearFilterSet):
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=ProgrammeTopic.objects.all(), method=_keep
    )


class OverdueFilterSet(WagtailFilterSet):
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=ProgrammeTopic.objects.all(), method=_keep
    )
    person = django_filters.ModelChoiceFilter(label=_("Person"), queryset=_people, method=_keep)
    group = django_filters.ModelChoiceFilter(
        label=_("Reviewing group"), queryset=Group.objects.order_by("name"), method=_keep
    )

    class Meta:
        model = AnnualPlan
        fields: ClassVar[list] = []

    def __init__(self, *args, years=(), default_year=None, **kwargs):
        # Overdue work has no year: the view's year arguments are accepted and unused.
        super().__init__(*args, **kwargs)
