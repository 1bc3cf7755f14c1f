"""Vietnamese input formats: day first ("05/03/2020"), as the newsroom writes dates.

Django's own "vi" locale defines no input formats, so it falls back to the American
month-first "%m/%d/%Y" and would read 05/03/2020 as 3 May. Wagtail's date pickers use
``WAGTAIL_DATE_FORMAT``/``WAGTAIL_DATETIME_FORMAT``, which must be listed here
(check wagtailadmin.E003). ISO dates stay accepted for scripts and tests.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
FIRST_DAY_OF_WEEK = 1  # Monday
