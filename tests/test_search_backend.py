"""The Vietnamese search backend: accent-, case- and đ-insensitive on SQLite and PostgreSQL."""

import pytest
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
