"""Admin screens whose cost does not grow with what they list: the hub's page explorer
and the article editor (issue #16, "admin at scale"). Times come from the benchmark;
these are the query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PagePermissionTester

from coverage.models import ArticlePage, TopicHubPage
from tests.support.pipelines import draft_article, user

pytestmark = pytest.mark.django_db

ROLES = ["tongbientap", "bientap", "phongvien", "phongvien2", "bananh"]


def queries(client, url: str) -> int:
    client.get(url)  # per-process caches warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("username", ["bientap", "phongvien"])
def test_hub_explorer_costs_the_same_with_more_articles(demo, client, username):
    hub = TopicHubPage.objects.get(topic__number=1)
    client.force_login(user(username))
    url = reverse("wagtailadmin_explore", args=[hub.pk])
    before = queries(client, url)
    for number in range(8):
        page = draft_article(1, title=f"Bài trong chuyên mục {number}")
        if number % 2:
            page.save_revision(user=user("phongvien")).publish()
    assert queries(client, url) == before
    assert before < 40


def test_article_editor_stays_under_budget(demo, client):
    article = ArticlePage.objects.live().filter(plan_item__isnull=False).first() or (
        ArticlePage.objects.live().first()
    )
    client.force_login(user("bientap"))
    # Was 91, 38 of them the plan-item choices naming each item's plan. Most of what is
    # left is Wagtail's own editor; a few scale with the article's tags and bylines.
    assert queries(client, reverse("wagtailadmin_pages:edit", args=[article.pk])) <= 50


@pytest.mark.parametrize("username", ROLES)
def test_article_delete_and_move_rules_are_wagtails(demo, username):
    """The leaf-page shortcut answers as Wagtail's tester does, for every role and for
    live, draft, own and others' articles."""
    person = user(username)
    own_draft = draft_article(1, owner="phongvien", title="Bản nháp của phóng viên")
    others_draft = draft_article(1, owner="phongvien2", title="Bản nháp của người khác")
    live = ArticlePage.objects.live().first()
    for page in (own_draft, others_draft, live):
        page = ArticlePage.objects.get(pk=page.pk)
        ours = page.permissions_for_user(person)
        wagtails = PagePermissionTester(person, page)
        assert ours.can_delete() == wagtails.can_delete(), (username, page.title)
        assert ours.can_move() == wagtails.can_move(), (username, page.title)
