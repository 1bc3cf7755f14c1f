"""A query with no words ("--", "- -") finds nothing, on either database, and never 500s."""

import pytest
from django.core.cache import cache

from coverage.search.service import autocomplete_titles, search_articles
from coverage.search.text import has_words
from tests.factories import make_article, site_tree

NO_WORDS = ["--", "---", "- -", "-", " - - ", "—", "!?", "&|", ":*", "()", "''"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def article(db):
    return make_article(site_tree()["hubs"][0], "Đảng bộ EVN tổ chức đại hội")


@pytest.mark.parametrize("query", NO_WORDS)
def test_a_query_without_words_has_none(query):
    assert not has_words(query)


@pytest.mark.parametrize("query", ["EVN", "a-", "-a", "đ", "2020", "x_y"])
def test_a_query_with_a_word_has_words(query):
    assert has_words(query)


@pytest.mark.parametrize("query", NO_WORDS)
def test_autocomplete_without_words_is_empty(client, article, query):
    response = client.get("/tim-kiem/goi-y/", {"q": query})
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("query", NO_WORDS)
def test_search_without_words_is_an_empty_page(client, article, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert search_articles(query).results == []


@pytest.mark.parametrize("query", ["Đảng bộ -", "-- Đảng", "dang - bo"])
def test_words_beside_dashes_still_find(article, query):
    assert [page.pk for page in autocomplete_titles(query)] == [article.pk]
