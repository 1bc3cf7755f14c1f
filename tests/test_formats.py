"""Vietnamese date input (editorial/formats/vi/): day first, matching Wagtail's widgets."""

import datetime

import pytest
from django import forms
from django.conf import settings
from django.utils import formats, translation
from wagtail.admin.widgets import AdminDateInput


@pytest.mark.parametrize(
    ("wagtail_setting", "django_setting"),
    [
        ("WAGTAIL_DATE_FORMAT", "DATE_INPUT_FORMATS"),
        ("WAGTAIL_DATETIME_FORMAT", "DATETIME_INPUT_FORMATS"),
        ("WAGTAIL_TIME_FORMAT", "TIME_INPUT_FORMATS"),
    ],
)
def test_wagtail_formats_are_vietnamese_input_formats(wagtail_setting, django_setting):
    # Wagtail's own check for this (wagtailadmin.E003) is skipped on Django 5 (no USE_L10N).
    assert getattr(settings, wagtail_setting) in formats.get_format(django_setting, lang="vi")


def test_dates_are_read_and_shown_day_first():
    with translation.override("vi"):
        assert forms.DateField().clean("05/03/2020") == datetime.date(2020, 3, 5)
        html = AdminDateInput().render("signed_on", datetime.date(2020, 3, 5))
    assert 'value="05/03/2020"' in html
