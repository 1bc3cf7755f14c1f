"""The public API's cost: queries per list page do not grow with its length; credits on
every image the API shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AuthorFactory,
    CreditedImageFactory,
    OrganisationFactory,
    local,
    make_article,
    site_tree,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = ("articles", "topics", "images", "authors", "organisations")
# A list page: rate limit (cache only), count, page, then the endpoint's prefetches.
LIST_BUDGET = 12


@pytest.fixture
def archive(db):
    """22 articles over three hubs, each with bylines, tags, organisations and body photos."""
    tree = site_tree(topic_count=3)
    for n in range(22):
        photos = [CreditedImageFactory() for _ in range(2)]
        make_article(
            tree["hubs"][n % 3],
            f"Bài số {n}",
            hero=CreditedImageFactory(),
            authors=[AuthorFactory() for _ in range(2)],
            tags=[f"Từ khóa {n}", "Chung"],
            organisations=[OrganisationFactory() for _ in range(2)],
            body=[("paragraph", "<p>Đoạn văn.</p>")]
            + [("image", {"image": photo, "caption": ""}) for photo in photos],
            when=local(2020, 5, 1 + n),
        )
    return tree


def count_queries(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


def test_list_queries_do_not_grow_with_the_page(client, archive):
    from coverage.models import ArticlePage

    client.get("/api/v2/topics/")  # the site's root paths, read once and cached
    hub = archive["hubs"][0]
    lists = [(endpoint, {}) for endpoint in ENDPOINTS] + [
        ("articles", {"topic": hub.pk, "tag": "chung"}),
        ("articles", {"search": "Bài số"}),
        ("articles", {"fields": "body", "order": "title"}),
    ]
    for endpoint, params in lists:
        small = count_queries(client, f"/api/v2/{endpoint}/", limit=2, **params)
        large = count_queries(client, f"/api/v2/{endpoint}/", limit=20, **params)
        assert small == large <= LIST_BUDGET, (endpoint, params, small, large)
    article = ArticlePage.objects.visible().first()
    assert count_queries(client, f"/api/v2/articles/{article.pk}/") <= LIST_BUDGET


def _images_in(value):
    """Every dict in a response that is an image (it has a credit_line key)."""
    if isinstance(value, dict):
        if "credit_line" in value:
            yield value
        for child in value.values():
            yield from _images_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from _images_in(child)


def test_every_image_carries_its_credit_and_caption(client, archive):
    from coverage.models import ArticlePage

    seen = []
    listed = client.get("/api/v2/articles/", {"limit": 50, "fields": "body"}).json()
    seen += list(_images_in(listed))
    for article in ArticlePage.objects.visible()[:3]:
        seen += list(_images_in(client.get(f"/api/v2/articles/{article.pk}/").json()))
    seen += list(_images_in(client.get("/api/v2/images/", {"limit": 50}).json()))
    # Every photo of the list's bodies and heroes, three details, a page of images.
    assert len(seen) == 22 * 3 + 3 * 3 + 50
    for image in seen:
        assert image["credit_line"] == "Ảnh: VGP/Nguyễn Hoàng"
        assert image["credit"] == "VGP/Nguyễn Hoàng" and image["photographer"] == "Nguyễn Hoàng"
        assert image["caption"].startswith("Chú thích")
        assert image["url"].startswith("http://")
    # Heroes and body photos alike: 22 articles, three photos each.
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == 66
