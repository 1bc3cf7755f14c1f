"""Request bounds in the settings: a request past them is a 400 before any view runs."""

from django.conf import settings
from django.urls import reverse

from editorial.models import BeatLogEntry


def test_too_many_fields_is_a_400(desk, as_user):
    fields = {f"field-{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = as_user(desk.journalist).post(reverse("desk_log:add"), fields)
    assert response.status_code == 400
    assert not BeatLogEntry.objects.exists()


def test_too_large_a_body_is_a_400(desk, as_user):
    body = {"summary": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = as_user(desk.journalist).post(reverse("desk_log:add"), body)
    assert response.status_code == 400
    assert not BeatLogEntry.objects.exists()


def test_bounds_are_what_a_person_needs():
    # A long article or plan fits; a bomb does not.
    assert 2000 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 10_000
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
