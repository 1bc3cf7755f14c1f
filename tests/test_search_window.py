"""The ranking window: which matches are ranked and shown when more match than it holds."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from coverage.search import service
from coverage.search.service import search_articles
from tests.factories import make_article, site_tree


def paragraph(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


def titles(outcome) -> list[str]:
    return [hit.title for hit in outcome.results]


@pytest.fixture
def hub(db):
    cache.clear()  # search rate limits
    return site_tree()["hubs"][0]


@pytest.fixture
def window_of_two(monkeypatch):
    monkeypatch.setattr(service, "RESULT_WINDOW", 2)


def test_headline_matches_enter_the_window_before_higher_scored_body_matches(hub, window_of_two):
    # Bodies saturated with the words outscore a headline on both databases' ranks.
    for number in range(3):
        make_article(
            hub, f"Bài số {number}", body=paragraph("hội thảo nguồn lực " * 40), sapo="Tin."
        )
    make_article(hub, "Hội thảo nguồn lực", sapo="Tin.")
    outcome = search_articles("hoi thao nguon luc")
    assert titles(outcome)[0] == "Hội thảo nguồn lực"
    assert len(outcome.results) == 2
    assert outcome.truncated


def test_more_headline_words_fill_the_window_when_none_has_every_word(hub, window_of_two):
    make_article(hub, "Bài không liên quan", body=paragraph("tín dụng nông thôn " * 40))
    make_article(hub, "Thôn bản vùng cao", body=paragraph("tín dụng nông"))
    make_article(hub, "Nông thôn đổi mới", body=paragraph("tín dụng"))
    make_article(hub, "Tín dụng cho hợp tác xã", body=paragraph("nông thôn"))
    outcome = search_articles("tin dung nong thon")
    assert sorted(titles(outcome)) == ["Nông thôn đổi mới", "Tín dụng cho hợp tác xã"]
    assert outcome.truncated


def test_a_window_not_full_is_not_truncated(hub, window_of_two):
    make_article(hub, "Phân bón cho vụ mùa")
    make_article(hub, "Giá phân bón giảm")
    outcome = search_articles("phan bon")
    assert len(outcome.results) == 2
    assert not outcome.truncated


def test_results_page_says_more_than_the_window_when_truncated(hub, client, window_of_two):
    for number in range(3):
        make_article(hub, f"Điện lực miền núi {number}")
    summary = BeautifulSoup(
        client.get("/tim-kiem/", {"q": "dien luc"}).content, "html.parser"
    ).select_one(".search-summary")
    assert summary.get_text(" ", strip=True).startswith("Hơn 2 kết quả")
    make_article(hub, "Than khoáng sản")
    exact = BeautifulSoup(
        client.get("/tim-kiem/", {"q": "than khoang san"}).content, "html.parser"
    ).select_one(".search-summary")
    assert exact.get_text(" ", strip=True).startswith("1 kết quả")


def test_search_runs_a_fixed_number_of_queries(hub, django_assert_max_num_queries):
    for number in range(15):
        make_article(hub, f"Xây dựng Đảng số {number}", body=paragraph("doanh nghiệp"))
    for number in range(15):
        make_article(hub, f"Bài {number}", body=paragraph("xây dựng Đảng trong doanh nghiệp"))
    # Three words, every headline group tried: the count does not grow with the matches.
    with django_assert_max_num_queries(8):
        outcome = search_articles("xay dung dang doanh")
    assert len(outcome.results) == 30
