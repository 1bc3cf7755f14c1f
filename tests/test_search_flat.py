"""Autocomplete and search stay flat as the archive grows (issue #16), on both databases.

Autocomplete is one bounded query over the indexed headlines; folded or accented, the
words typed find the headline, the last one as a prefix. Query counts are the same for
a small and a larger archive.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coverage.search.service import autocomplete_titles, search_articles
from tests.factories import make_article, site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def tree():
    return site_tree()


@pytest.fixture
def headlines(tree):
    hub = tree["hubs"][0]
    return {
        "dang_bo": make_article(hub, "Đảng bộ EVN tổ chức đại hội nhiệm kỳ mới"),
        "khoi_thong": make_article(hub, "Khơi thông nguồn lực, tạo động lực mới"),
        "dang": make_article(tree["hubs"][1], "Người lao động đang chờ lương"),
        "draft": make_article(hub, "Đảng bộ bản nháp", live=False),
    }


def found(prefix) -> set[int]:
    return {hit.pk for hit in autocomplete_titles(prefix)}


@pytest.mark.parametrize("prefix", ["dang bo", "Đảng bộ", "ĐẢNG BỘ", "DANG BO", "dang b", "Đảng b"])
def test_autocomplete_matches_with_or_without_diacritics(headlines, prefix):
    assert found(prefix) == {headlines["dang_bo"].pk}


def test_autocomplete_last_word_is_a_prefix_the_others_whole(headlines):
    assert found("khoi thong ngu") == {headlines["khoi_thong"].pk}
    assert found("kho thong") == set()  # "kho" is a whole word, not "khơi"
    assert found("nguon luc") == {headlines["khoi_thong"].pk}  # anywhere in the headline


def test_autocomplete_folds_both_dang_and_dang(headlines):
    # "dang" is "Đảng" and "đang" once folded: both headlines, never the draft.
    assert found("dang") == {headlines["dang_bo"].pk, headlines["dang"].pk}


def test_autocomplete_answers_titles_and_addresses(client, headlines):
    data = client.get("/tim-kiem/goi-y/", {"q": "khoi thong"}).json()
    assert data["results"] == [
        {"title": headlines["khoi_thong"].title, "url": headlines["khoi_thong"].url}
    ]


def test_autocomplete_is_limited(tree):
    for number in range(12):
        make_article(tree["hubs"][number % 2], f"Hội thảo khoa học số {number}")
    assert len(autocomplete_titles("hoi thao")) == 8
    assert len(autocomplete_titles("hoi thao", limit=3)) == 3


def _queries(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, params).status_code == 200
    return len(captured)


def test_autocomplete_and_search_queries_do_not_grow_with_the_archive(client, tree):
    make_article(tree["hubs"][0], "Xây dựng Đảng trong doanh nghiệp")
    requests = [
        ("/tim-kiem/goi-y/", {"q": "xay dung"}),
        ("/tim-kiem/goi-y/", {"q": "Đảng"}),
        ("/tim-kiem/", {"q": "xay dung dang"}),
    ]
    for path, params in requests:  # Wagtail caches the site's root paths on the first
        client.get(path, params)
    small = [_queries(client, path, **params) for path, params in requests]
    for number in range(30):
        make_article(tree["hubs"][number % 2], f"Xây dựng Đảng ở cơ sở {number}")
    cache.clear()
    for path, params in requests:
        client.get(path, params)
    large = [_queries(client, path, **params) for path, params in requests]
    assert large == small


def test_search_ranks_headline_words_first(tree):
    hub = tree["hubs"][0]
    body_only = make_article(
        hub, "Tin tức trong tuần", sapo="Xây dựng Đảng, xây dựng Đảng và xây dựng Đảng."
    )
    two_words = make_article(hub, "Xây dựng nông thôn mới", sapo="Vai trò của Đảng.")
    every_word = make_article(hub, "Xây dựng Đảng vững mạnh", sapo="Tin ngắn.")
    results = [hit.pk for hit in search_articles("xay dung dang").results]
    assert results == [every_word.pk, two_words.pk, body_only.pk]
