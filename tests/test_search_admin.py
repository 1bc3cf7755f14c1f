"""Newsroom search in the admin: accent-insensitive like the reader search."""

import pytest
from django.urls import reverse

from editorial.models import Assignment, BeatLogEntry, Organisation
from editorial.text import fold


def _listed(client, url_name, query):
    response = client.get(reverse(url_name), {"q": query})
    assert response.status_code == 200
    return list(response.context["object_list"])


@pytest.mark.django_db
def test_assignments_found_without_diacritics(demo, login):
    client = login("bientap")
    assignment = Assignment.objects.order_by("pk").first()
    word = max(assignment.headline.split(), key=len)  # its longest word, e.g. "Đại"
    found = _listed(client, "desk_assignment:index", fold(word))
    assert assignment in found


@pytest.mark.django_db
def test_log_entries_found_without_diacritics(demo, login):
    client = login("bientap")
    entry = BeatLogEntry.objects.get(summary__startswith="Giao ban hằng tháng")
    assert entry in _listed(client, "desk_log:index", "giao ban hang thang")


@pytest.mark.django_db
def test_organisations_and_people_found_without_diacritics(demo, login):
    from editorial.models import Author

    client = login("bientap")
    evn = Organisation.objects.get(short_name="EVN")
    assert evn in _listed(client, "wagtailsnippets_editorial_organisation:list", "dien luc")
    huan = Author.objects.filter(full_name__contains="Huấn").first() or Author.objects.first()
    query = fold(huan.full_name)
    assert huan in _listed(client, "wagtailsnippets_editorial_author:list", query)


@pytest.mark.parametrize(
    "url_name",
    ["desk_assignment:index", "desk_log:index", "wagtailsnippets_editorial_programmeevent:list"],
)
@pytest.mark.parametrize("query", ["%", "--", "*"])
def test_a_query_that_folds_to_nothing_lists_nothing(admin_client, db, url_name, query):
    response = admin_client.get(reverse(url_name), {"q": query})
    assert response.status_code == 200
