"""Filters the admin listings share."""

from __future__ import annotations

import django_filters
from django import forms

from editorial.models.programme import FIRST_YEAR, LAST_YEAR


class YearFilter(django_filters.NumberFilter):
    """A year typed into a listing's filters: a whole number within the programme's years.

    ``NumberFilter`` takes any decimal. On a date or datetime field's ``__year`` lookup
    Django builds the year's first and last moments from it, and ``?year=-5`` or
    ``?year=99999999999`` raised ValueError / OverflowError: a 500. Validated here, a
    year out of range is a form error on the filter and the listing shows unfiltered.
    On an integer column (a plan's year) the same bound keeps the filter honest.
    """

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)
