"""Searching our admin listings (editorial.listings.search): every listing, every sort,
every role answers a page, and a search shows only the rows the listing would."""

from __future__ import annotations

import re

import pytest
from django.urls import resolve, reverse
from wagtail.admin.views.generic import IndexView

from tests.support.admin_urls import admin_patterns
from tests.support.desk import log_entry, make_assignment
from tests.test_spreadsheets import our_namespaces

ROLES = ["chief", "editor", "journalist", "photo"]
ORDERING = re.compile(r"[?&]amp;ordering=(-?[\w]+)|[?&]ordering=(-?[\w]+)")


def searchable_listings() -> list[str]:
    """Our listings that take a search (index views without arguments)."""
    patterns = admin_patterns()
    namespaces = our_namespaces()
    found = []
    for pattern in patterns:
        if pattern.arguments or not pattern.name:
            continue
        if pattern.name.rsplit(":", 1)[0] not in namespaces:
            continue
        view_class = getattr(resolve("/" + pattern.route).func, "view_class", None)
        if view_class and issubclass(view_class, IndexView) and view_class.is_searchable:
            found.append(pattern.name)
    return sorted(set(found))


def orderings(html: str) -> list[str]:
    """The sort keys the listing's column headers link to."""
    keys = {match.group(1) or match.group(2) for match in ORDERING.finditer(html)}
    return sorted({key.removeprefix("-") for key in keys})


@pytest.mark.django_db
def test_every_listing_searches_under_every_sort_for_every_role(desk, as_user):
    make_assignment(desk, headline="Đảng bộ EVN học tập nghị quyết")
    make_assignment(desk, headline="Kiểm tra giám sát", assignee=desk.journalist2)
    log_entry(desk, summary="Đảng ủy Khối giao ban quý")
    listings = searchable_listings()
    assert {"desk_assignment:index", "desk_beat:index", "desk_log:index"} <= set(listings)
    sorted_searches, failures = 0, []
    for role in ROLES:
        client = as_user(getattr(desk, role))
        for name in listings:
            url = reverse(name)
            listing = client.get(url)
            if listing.status_code != 200:
                continue  # not this role's listing: the role matrix checks that
            for key in [None, *orderings(listing.content.decode())]:
                for ordering in [key, f"-{key}"] if key else [None]:
                    params = {"q": "dang"} | ({"ordering": ordering} if ordering else {})
                    status = client.get(url, params).status_code
                    sorted_searches += bool(ordering)
                    if status != 200:
                        failures.append(f"{role} {url}?{params}: {status}")
    assert sorted_searches > 50  # the headers were read: every column was tried
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_a_search_shows_a_journalist_only_the_assignments_the_desk_shows_him(desk, as_user):
    mine = make_assignment(desk, headline="Đảng bộ EVN học tập nghị quyết")
    theirs = make_assignment(
        desk, headline="Đảng bộ PVN học tập nghị quyết", assignee=desk.journalist2
    )
    url = reverse("desk_assignment:index")
    for ordering in [None, "headline", "-due_date"]:
        params = {"q": "hoc tap nghi quyet"} | ({"ordering": ordering} if ordering else {})
        journalist = as_user(desk.journalist).get(url, params).content.decode()
        assert mine.headline in journalist
        assert theirs.headline not in journalist
        editor = as_user(desk.editor).get(url, params).content.decode()
        assert mine.headline in editor and theirs.headline in editor


@pytest.mark.django_db
def test_a_search_of_the_beat_log_keeps_other_beats_entries_hidden(desk, as_user):
    visible = log_entry(desk, summary="Giao ban công tác kiểm tra quý ba")
    hidden = log_entry(
        desk, author=desk.journalist2, beat=desk.beat2, summary="Giao ban công tác kiểm tra EVN"
    )
    url = reverse("desk_log:index")
    for ordering in [None, "beat", "-author"]:
        params = {"q": "giao ban kiem tra"} | ({"ordering": ordering} if ordering else {})
        page = as_user(desk.journalist).get(url, params)
        assert page.status_code == 200
        ids = {entry.pk for entry in page.context["object_list"]}
        assert visible.pk in ids
        assert hidden.pk not in ids


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_media_listings_search_for_every_role(desk, as_user, role):
    """The media policies' delete rule is a filter the search backend can apply (on
    ``id``); as a text cast of the key it answered 500 to every search."""
    client = as_user(getattr(desk, role))
    listings = ["/admin/images/"] + (["/admin/documents/"] if role != "photo" else [])
    for url in listings:  # the photo desk has no documents (the role table)
        response = client.get(url, {"q": "bien ban"})
        assert response.status_code == 200, url
