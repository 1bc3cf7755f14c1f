"""The admin listings' year filters (editorial/filters.py): a year out of range is a form
error on the filter, not a 500, on every listing that has one."""

import pytest

from tests.factories import make_article, site_tree

BAD_YEARS = ["-5", "0", "1", "9999", "10000", "99999999999", "1e5", "2020.5", "abc"]
LISTINGS = [
    ("/admin/bao-cao/bai-viet/", "year"),
    ("/admin/bao-cao/bai-viet/", "plan_year"),
    ("/admin/snippets/editorial/programmeevent/", "year"),
    ("/admin/snippets/editorial/programmeevent/", "plan_year"),
    ("/admin/desk_assignment/", "plan_year"),
]


@pytest.mark.parametrize(("url", "name"), LISTINGS)
@pytest.mark.parametrize("year", BAD_YEARS)
def test_a_year_out_of_range_is_a_form_error(admin_client, db, url, name, year):
    response = admin_client.get(url, {name: year})
    assert response.status_code == 200
    form = response.context["filters"].form
    assert name in form.errors


def test_a_good_year_still_filters(admin_client, db):
    from tests.factories import local

    hub = site_tree()["hubs"][0]
    make_article(hub, "Bài năm 2020", when=local(2020, 3, 5))
    make_article(hub, "Bài năm 2021", when=local(2021, 3, 5))
    response = admin_client.get("/admin/bao-cao/bai-viet/", {"year": "2021"})
    assert response.status_code == 200
    titles = [page.title for page in response.context["object_list"]]
    assert titles == ["Bài năm 2021"]
