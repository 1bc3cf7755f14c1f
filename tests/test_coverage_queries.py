"""Reader pages cost a fixed number of SQL queries, whatever their content.

Each test renders a page once to warm renditions, then counts the queries of a second
render with little content and with a lot: the two counts must be equal and within the
budget stated in the test. Runs on SQLite and PostgreSQL alike.
"""

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

# One bounded key query per topic hub (five in the programme) instead of a window over
# every article, whose time grew with the archive.
HOME_BUDGET = 15 + 5
HUB_BUDGET = 18
# The article also reads its print issue (its slot, one query) and its published
# notices; the feed reads every item's issue in bulk (its slots and the issues' view
# restrictions: one query more than before, whatever the number of items).
ARTICLE_BUDGET = 29
FEED_BUDGET = 16  # the per-hub feed routes through the page tree first


def count_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200  # warm-up: renditions are generated here
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def rich_article(hub, title, *, images: int, tags: int, bylines: int, day: int = 1):
    photos = [CreditedImageFactory() for _ in range(images)]
    return make_article(
        hub,
        title,
        hero=CreditedImageFactory(),
        authors=[AuthorFactory() for _ in range(bylines)],
        tags=[f"{title} từ khóa {n}" for n in range(tags)] + ["Chung"],
        organisations=[OrganisationFactory() for _ in range(min(bylines, 3))],
        body=[("paragraph", "<p>Đoạn văn.</p>")]
        + [("image", {"image": photo, "caption": ""}) for photo in photos],
        when=local(2020, 5, day),
    )


def test_article_budget_with_ten_images_ten_tags_five_bylines(client):
    tree = site_tree()
    hub = tree["hubs"][0]
    small = rich_article(hub, "Nhỏ", images=1, tags=1, bylines=1, day=1)
    big = rich_article(hub, "Lớn", images=10, tags=10, bylines=5, day=2)
    for n in range(6):  # related articles, each with a photo and bylines
        rich_article(hub, f"Liên quan {n}", images=0, tags=0, bylines=2, day=3 + n)
    small_count = count_queries(client, small.url)
    big_count = count_queries(client, big.url)
    assert big_count == small_count
    assert big_count <= ARTICLE_BUDGET


def test_home_budget(client):
    tree = site_tree(topic_count=5)
    for hub in tree["hubs"]:
        rich_article(hub, f"Bài {hub.slug}", images=0, tags=1, bylines=2)
    small_count = count_queries(client, "/")
    for hub in tree["hubs"]:
        for day in range(2, 8):
            rich_article(hub, f"Bài {hub.slug} {day}", images=0, tags=1, bylines=3, day=day)
    big_count = count_queries(client, "/")
    assert big_count == small_count
    assert big_count <= HOME_BUDGET


def test_topic_hub_budget(client):
    tree = site_tree()
    hub = tree["hubs"][0]
    for day in range(1, 3):
        rich_article(hub, f"Bài {day}", images=0, tags=1, bylines=2, day=day)
    small_count = count_queries(client, hub.url)
    for day in range(3, 20):
        rich_article(hub, f"Bài {day}", images=0, tags=1, bylines=4, day=day)
    big_count = count_queries(client, hub.url)
    assert big_count == small_count
    assert big_count <= HUB_BUDGET


@pytest.mark.parametrize("per_hub", [False, True])
def test_feed_budget(client, per_hub):
    tree = site_tree()
    hub = tree["hubs"][0]
    url = hub.url + "rss/" if per_hub else "/rss/"
    for day in range(1, 3):
        rich_article(hub, f"Bài {day}", images=0, tags=1, bylines=2, day=day)
    small_count = count_queries(client, url)
    for day in range(3, 25):
        rich_article(hub, f"Bài {day}", images=0, tags=1, bylines=3, day=day)
    big_count = count_queries(client, url)
    assert big_count == small_count
    assert big_count <= FEED_BUDGET
