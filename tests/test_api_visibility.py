"""The public API shows live coverage only: nothing a reader cannot see is reachable."""

import pytest

from coverage.models import ArticlePage
from tests.support.api import HIDDEN_KINDS, get_json, hidden_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(demo):
    return {kind: hidden_article(kind, topic_number=number)
            for number, kind in enumerate(HIDDEN_KINDS, start=1)}  # fmt: skip


def _all(client, endpoint: str, **params) -> list[dict]:
    items, offset = [], 0
    while True:
        page = get_json(client, f"/api/v2/{endpoint}/", limit=50, offset=offset, **params)
        items += page["items"]
        offset += 50
        if offset >= page["meta"]["total_count"]:
            return items


def test_the_hidden_articles_are_not_live(hidden):
    assert not any(page.live for kind, page in hidden.items() if kind != "private")
    assert hidden["private"].live and hidden["scheduled"].go_live_at
    assert hidden["pipeline"].workflow_in_progress


def test_articles_list_has_the_live_ones_only(client, hidden):
    listed = {item["id"] for item in _all(client, "articles")}
    assert listed == set(ArticlePage.objects.live().public().values_list("pk", flat=True))
    assert listed and not listed & {page.pk for page in hidden.values()}


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_article_detail_is_404(client, hidden, kind):
    body = get_json(client, f"/api/v2/articles/{hidden[kind].pk}/", status=404)
    assert set(body) == {"message"}


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_article_escapes_every_filter_and_search(client, hidden, kind):
    page = hidden[kind]
    organisation = page.organisations.get()
    for params in (
        {"search": "Sapo bí mật"},
        {"search": page.title},
        {"tag": page.tags.get().slug},
        {"organisation": organisation.pk},
        {"topic": page.get_parent().pk},
        {"published_after": "1900-01-01"},
    ):
        ids = {item["id"] for item in _all(client, "articles", **params)}
        assert page.pk not in ids, params


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_articles_images_authors_and_organisations_are_absent(client, hidden, kind):
    page = hidden[kind]
    inside = page.body[1].value["image"]
    image_ids = {item["id"] for item in _all(client, "images")}
    assert page.hero_image_id not in image_ids and inside.pk not in image_ids
    for image_id in (page.hero_image_id, inside.pk):
        get_json(client, f"/api/v2/images/{image_id}/", status=404)
    author = page.bylines.get().author
    assert author.pk not in {item["id"] for item in _all(client, "authors")}
    get_json(client, f"/api/v2/authors/{author.pk}/", status=404)
    organisation = page.organisations.get()
    assert organisation.pk not in {item["id"] for item in _all(client, "organisations")}
    get_json(client, f"/api/v2/organisations/{organisation.pk}/", status=404)


def test_a_live_articles_images_authors_and_organisations_are_listed(client, demo):
    article = ArticlePage.objects.visible().exclude(hero_image=None).first()
    image_ids = {item["id"] for item in _all(client, "images")}
    assert article.hero_image_id in image_ids
    author = article.bylines.first().author
    assert author.pk in {item["id"] for item in _all(client, "authors")}
    detail = get_json(client, f"/api/v2/articles/{article.pk}/")
    assert detail["hero_image"]["id"] == article.hero_image_id


def test_a_draft_of_a_live_article_is_not_served(client, demo):
    article = ArticlePage.objects.visible().first()
    live_title = article.title
    article.title = "Tiêu đề bản nháp chưa duyệt"
    article.sapo = "Sapo bản nháp."
    article.save_revision()
    detail = get_json(client, f"/api/v2/articles/{article.pk}/")
    assert detail["title"] == live_title
    assert "bản nháp" not in str(detail)
    assert not _all(client, "articles", search="Tiêu đề bản nháp chưa duyệt")


def test_a_hidden_topic_hub_is_absent(client, demo):
    from coverage.models import TopicHubPage

    hub = TopicHubPage.objects.live().first()
    hub.unpublish()
    assert hub.pk not in {item["id"] for item in _all(client, "topics")}
    get_json(client, f"/api/v2/topics/{hub.pk}/", status=404)
    assert {item["id"] for item in _all(client, "topics")}


def test_no_editorial_fields_anywhere(client, demo):
    article = ArticlePage.objects.visible().first()
    text = str(get_json(client, f"/api/v2/articles/{article.pk}/", fields="body"))
    for word in ("revision", "workflow", "plan_item", "requested_reviewer", "owner",
                 "brief", "comment", "locked"):  # fmt: skip
        assert word not in text
