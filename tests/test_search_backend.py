"""The Vietnamese search backend: accent-, case- and đ-insensitive on SQLite and PostgreSQL."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from editorial.enums import OrganisationKind
from editorial.models import Organisation


@pytest.fixture
def organisations(db):
    evn = Organisation.objects.create(
        name="Tập đoàn Điện lực Việt Nam", short_name="EVN", kind=OrganisationKind.GROUP
    )
    committee = Organisation.objects.create(
        name="Đảng ủy Khối Doanh nghiệp Trung ương",
        short_name="DUKDNTW",
        kind=OrganisationKind.PARTY_COMMITTEE,
        description="Lãnh đạo công tác xây dựng Đảng trong các tập đoàn, tổng công ty.",
    )
    bank = Organisation.objects.create(
        name="Ngân hàng Phát triển Việt Nam", short_name="VDB", kind=OrganisationKind.BANK
    )
    return {"evn": evn, "committee": committee, "bank": bank}


def _search(query, **kwargs):
    return list(get_search_backend().search(query, Organisation, **kwargs))


@pytest.mark.parametrize(
    "query",
    ["dien luc", "ĐIỆN LỰC", "Điện lực", "dIeN lUc"],
)
def test_folded_and_accented_queries_find_the_same_row(organisations, query):
    assert organisations["evn"] in _search(query)


def test_d_stroke_is_folded_both_ways(organisations):
    assert organisations["committee"] in _search("dang uy khoi")
    assert organisations["committee"] in _search("Đảng ủy khối")


def test_multi_diacritic_vowels_fold(organisations):
    # "dựng" carries two marks (horn and dot below); FTS5's own folding keeps them.
    assert organisations["committee"] in _search("xay dung dang", operator="and")


def test_unrelated_query_finds_nothing(organisations):
    assert _search("hang khong") == []


def test_autocomplete_is_folded_too(organisations):
    results = list(get_search_backend().autocomplete("Ngan hang phat", Organisation))
    assert results == [organisations["bank"]]


def test_metacharacters_do_not_break_the_query(organisations):
    for query in ["' \" & | ! : * ( ) \\", "dien & luc", "EVN:*", "(((", "a" * 1000]:
        _search(query)  # must not raise


def _plans(sqls: list[str]) -> str:
    """PostgreSQL's plans for ``sqls`` when only the GIN indexes could avoid a table scan.

    A test database is too small for the planner to prefer an index, so table scans
    are priced out and the B-tree indexes dropped (in a transaction rolled back): a
    plan that still scans the index entries means no GIN index can serve the query.
    """
    plans = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks block ALTER
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE contype = 'u'"
            " AND conrelid = 'wagtailsearch_indexentry'::regclass"
        )
        for (constraint,) in cursor.fetchall():
            cursor.execute(f"ALTER TABLE wagtailsearch_indexentry DROP CONSTRAINT {constraint}")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
            " AND indexdef NOT LIKE '%USING gin%' AND indexname NOT LIKE '%pkey'"
        )
        for (index,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX {index}")
        for sql in sqls:
            cursor.execute(f"EXPLAIN {sql}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
        transaction.set_rollback(True)
    return "\n\n".join(plans)


@pytest.fixture
def articles(db):
    from tests.factories import make_article, site_tree

    hub = site_tree()["hubs"][0]
    make_article(hub, "Xây dựng Đảng trong doanh nghiệp")
    body = [("paragraph", "<p>Đảng bộ xây dựng nghị quyết.</p>")]
    make_article(hub, "Nghị quyết mới", body=body)
    return hub


def _index_queries(run) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        run()
    return [query["sql"] for query in queries if "indexentry" in query["sql"]]


def test_reader_search_finds_matches_through_full_text_indexes(articles):
    from coverage.search.service import search_articles

    # The headline match comes first; the body-only match needs the title || body test.
    sqls = _index_queries(lambda: search_articles("xay dung dang"))
    assert sqls
    if connection.vendor == "postgresql":
        plans = _plans(sqls)
        assert "wagtailsear_title_9caae0_gin" in plans
        assert "coverage_search_title_body_gin" in plans
        assert "Seq Scan on wagtailsearch_indexentry" not in plans
    else:
        assert all("_fts MATCH" in sql for sql in sqls)


def test_wagtail_search_of_pages_finds_matches_through_an_index(articles):
    from coverage.models import ArticlePage

    backend = get_search_backend()
    sqls = _index_queries(lambda: list(backend.search("nghi quyet", ArticlePage)))
    assert sqls
    if connection.vendor == "postgresql":
        plans = _plans(sqls)
        assert "coverage_search_title_body_gin" in plans
        assert "Seq Scan on wagtailsearch_indexentry" not in plans
    else:
        assert all("_fts MATCH" in sql for sql in sqls)
