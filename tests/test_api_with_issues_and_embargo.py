"""The public API with the print issues and embargoes merged in: an article names the
live issue it ran in; an embargoed article is nowhere in the API, even made live."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from coverage.models import ArticlePage, IssueSlot

pytestmark = pytest.mark.django_db


def test_an_article_names_the_print_issue_it_ran_in(demo, client):
    slot = IssueSlot.objects.filter(article__isnull=False).in_print().first()
    assert slot is not None, "the demo has an article in a live issue"
    body = client.get(f"/api/v2/articles/{slot.article_id}/").json()
    assert body["print_issue"]["number"] == slot.issue.number
    assert body["print_issue"]["label"] == slot.issue.dated_label
    assert body["print_issue"]["start_page"] == slot.start_page
    listed = client.get("/api/v2/articles/", {"limit": 50}).json()["items"]
    assert any(item["print_issue"] for item in listed)


def test_an_embargoed_article_is_absent_even_when_a_back_door_made_it_live(demo, client):
    article = ArticlePage.objects.live().first()
    ArticlePage.objects.filter(pk=article.pk).update(
        embargo_until=timezone.now() + dt.timedelta(days=2)
    )
    assert client.get(f"/api/v2/articles/{article.pk}/").status_code == 404
    ids = [item["id"] for item in client.get("/api/v2/articles/", {"limit": 50}).json()["items"]]
    assert article.pk not in ids
    found = client.get("/api/v2/articles/", {"search": article.title}).json()["items"]
    assert article.pk not in [item["id"] for item in found]
