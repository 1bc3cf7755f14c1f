"""The assignment admin's routes to the desk card: the listing's headline and a saved
edit both lead to it, since the actions (commission, accept, start draft) live there."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.support.admin_forms import form_data
from tests.support.desk import make_assignment

pytestmark = pytest.mark.django_db


def headline_link(html: str, headline: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    links = [a["href"] for a in soup.find_all("a") if a.get_text(strip=True) == headline]
    assert links, f"no link reads {headline!r}"
    return links[0]


@pytest.mark.parametrize("role", ["editor", "journalist"])
def test_the_listing_headline_opens_the_desk_card(desk, as_user, role):
    # The editor may also edit the row; the headline still opens the card, not the form.
    assignment = make_assignment(desk)
    html = as_user(getattr(desk, role)).get(reverse("desk_assignment:index")).content.decode()
    card = reverse("desk_assignment:inspect", args=[assignment.pk])
    assert headline_link(html, assignment.headline) == card


def test_saving_an_assignment_returns_to_its_desk_card(desk, as_user):
    assignment = make_assignment(desk)
    client = as_user(desk.editor)
    edit_url = reverse("desk_assignment:edit", args=[assignment.pk])
    data = form_data(client.get(edit_url))
    data["headline"] = "Đảng bộ EVN với chuyển đổi số: những cách làm mới"
    response = client.post(edit_url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("desk_assignment:inspect", args=[assignment.pk])
    assignment.refresh_from_db()
    assert assignment.headline == "Đảng bộ EVN với chuyển đổi số: những cách làm mới"
