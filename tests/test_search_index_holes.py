"""Reader search over an index being built or with holes: never an error, only live pages.

Right after `make run` the worker was still indexing when readers searched: the SQLite
backend read the index twice (scores, then the pages matching), and a page indexed in
between had no score (KeyError, HTTP 500). Entries can also outlive their page or its
publication, and a live page can be missing from the index, until the next update.
"""

from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from modelsearch.index import insert_or_update_object
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from coverage.models import ArticlePage
from coverage.search.service import search_articles
from tests.factories import make_article, site_tree

QUERY = "xay dung dang"


@pytest.fixture
def hub(db):
    cache.clear()  # search rate limits
    return site_tree()["hubs"][0]


def titles(outcome) -> list[str]:
    return [hit.title for hit in outcome.results]


def entries_of(page) -> "IndexEntry.objects":
    content_type = ContentType.objects.get_for_model(ArticlePage)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk))


def not_yet_indexed(hub, title: str) -> ArticlePage:
    """A live article whose index entry the worker has not written yet."""
    article = make_article(hub, title)
    entries_of(article).delete()
    return article


@contextmanager
def indexed_during_the_search(article):
    """Index ``article`` between the search's first and second reads of the index (after
    the search, if it reads once), as the worker committing an index update while a
    reader searches does."""
    reads = 0

    def between_reads(execute, sql, params, many, context):
        nonlocal reads
        if "indexentry" in sql:
            reads += 1
            if reads == 2:
                insert_or_update_object(article)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(between_reads):
        yield
    if reads < 2:
        insert_or_update_object(article)


def test_a_page_indexed_while_the_search_runs_is_not_an_error(hub, client):
    make_article(hub, "Xây dựng Đảng trong doanh nghiệp")
    late = not_yet_indexed(hub, "Xây dựng Đảng ở cơ sở")
    with indexed_during_the_search(late):
        outcome = search_articles(QUERY)
    assert "Xây dựng Đảng trong doanh nghiệp" in titles(outcome)
    assert len(titles(outcome)) == len(set(titles(outcome)))
    # And the next search finds it.
    assert sorted(titles(search_articles(QUERY))) == [
        "Xây dựng Đảng trong doanh nghiệp",
        "Xây dựng Đảng ở cơ sở",
    ]


def test_the_results_page_answers_while_the_index_is_being_written(hub, client):
    make_article(hub, "Xây dựng Đảng trong doanh nghiệp")
    late = not_yet_indexed(hub, "Xây dựng Đảng ở cơ sở")
    with indexed_during_the_search(late):
        response = client.get("/tim-kiem/", {"q": QUERY})
    assert response.status_code == 200
    cards = BeautifulSoup(response.content, "html.parser").select(".search-result .card__title")
    assert "Xây dựng Đảng trong doanh nghiệp" in [card.get_text() for card in cards]


def test_a_live_page_missing_from_the_index_is_left_out(hub):
    make_article(hub, "Xây dựng Đảng trong doanh nghiệp")
    not_yet_indexed(hub, "Xây dựng Đảng ở cơ sở")
    assert titles(search_articles(QUERY)) == ["Xây dựng Đảng trong doanh nghiệp"]


def test_entries_outliving_their_page_or_its_publication_are_not_results(hub):
    kept = make_article(hub, "Xây dựng Đảng trong doanh nghiệp")
    unpublished = make_article(hub, "Xây dựng Đảng ở cơ sở")
    deleted = make_article(hub, "Xây dựng Đảng vững mạnh")
    # Changed behind the index's back (a bulk update, a delete whose index task is queued).
    ArticlePage.objects.filter(pk=unpublished.pk).update(live=False)
    deleted_pk = deleted.pk
    entry = entries_of(deleted).get()
    ArticlePage.objects.filter(pk=deleted_pk).delete()
    if not IndexEntry.objects.filter(pk=entry.pk).exists():
        entry.pk = None
        entry.save()
    assert entries_of(unpublished).exists()
    assert IndexEntry.objects.filter(object_id=str(deleted_pk)).exists()
    assert titles(search_articles(QUERY)) == [kept.title]
    assert titles(search_articles("vung manh")) == []


def test_a_page_ranked_twice_is_shown_once(hub, monkeypatch):
    """PostgreSQL ranks in several statements: a headline re-indexed between two of them
    can put its page in two groups."""
    first = make_article(hub, "Xây dựng Đảng trong doanh nghiệp")
    second = make_article(hub, "Xây dựng Đảng ở cơ sở")
    backend = type(get_search_backend())
    monkeypatch.setattr(
        backend, "ranked_pks", lambda self, *args, **kwargs: [first.pk, second.pk, first.pk]
    )
    assert titles(search_articles(QUERY)) == [first.title, second.title]
