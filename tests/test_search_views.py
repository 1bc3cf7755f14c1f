"""Reader search: accent-insensitive matching on demo articles, ranking, filters, bad input."""

import datetime as dt

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests.factories import make_article, site_tree

SIGNING = "Đảng ủy Khối Doanh nghiệp Trung ương và Tạp chí Cộng sản ký kết chương trình phối hợp"


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text() for h in soup.select(".search-result .card__title")]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def tree(db):
    return site_tree()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "xay dung dang",
            "Nâng cao vai trò hạt nhân chính trị của tổ chức đảng trong doanh nghiệp nhà nước",
        ),
        (
            "XÂY DỰNG ĐẢNG",
            "Nâng cao vai trò hạt nhân chính trị của tổ chức đảng trong doanh nghiệp nhà nước",
        ),
        ("Dang uy khoi", SIGNING),
        (
            "tet am yeu thuong",
            "“Tết ấm yêu thương” đến với chiến sĩ và người dân biên giới, hải đảo",
        ),
        ("evn", "Đảng bộ EVN tổ chức đại hội nhiệm kỳ mới, đặt mục tiêu bảo đảm đủ điện"),
    ],
)
def test_demo_queries_find_the_expected_article(demo, client, query, expected):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert expected in titles(response)


@pytest.mark.django_db
def test_unpublished_articles_never_appear(demo, client):
    from coverage.models import ArticlePage

    signing = ArticlePage.objects.get(title=SIGNING)
    assert SIGNING in titles(client.get("/tim-kiem/", {"q": "ky ket chuong trinh phoi hop"}))
    signing.unpublish()
    assert SIGNING not in titles(client.get("/tim-kiem/", {"q": "ky ket chuong trinh phoi hop"}))


def test_drafts_never_appear(tree, client):
    make_article(tree["hubs"][0], "Bản nháp về tín dụng tam nông", live=False)
    response = client.get("/tim-kiem/", {"q": "tin dung tam nong"})
    assert titles(response) == []
    assert "Không tìm thấy" in response.content.decode()


def test_headline_match_ranks_above_body_only_match(tree, client):
    hub = tree["hubs"][0]
    make_article(hub, "Bài về thủy điện", sapo="Sapo không liên quan.",
                 body=[("paragraph", "<p>Tết ấm yêu thương ở biên giới.</p>")])  # fmt: skip
    make_article(hub, "Tết ấm yêu thương đến hải đảo", sapo="Chuyến đi mùa xuân.")
    response = client.get("/tim-kiem/", {"q": "tet am yeu thuong"})
    assert titles(response) == ["Tết ấm yêu thương đến hải đảo", "Bài về thủy điện"]


def test_accented_query_prefers_exact_accents(tree, client):
    hub = tree["hubs"][0]
    make_article(hub, "Đang xây dựng nhà máy mới")  # "đang" = "in progress"
    make_article(hub, "Đảng bộ xây dựng nghị quyết")  # "Đảng" = the Party
    folded = titles(client.get("/tim-kiem/", {"q": "dang xay dung"}))
    assert sorted(folded) == sorted(["Đang xây dựng nhà máy mới", "Đảng bộ xây dựng nghị quyết"])
    assert titles(client.get("/tim-kiem/", {"q": "Đảng"}))[0] == "Đảng bộ xây dựng nghị quyết"
    assert titles(client.get("/tim-kiem/", {"q": "đang"}))[0] == "Đang xây dựng nhà máy mới"


def test_matched_words_are_highlighted_and_escaped(tree, client):
    make_article(tree["hubs"][0], "Điện lực <script>alert(1)</script> miền núi")
    response = client.get("/tim-kiem/", {"q": "dien luc"})
    html = response.content.decode()
    assert "<mark>Điện</mark> <mark>lực</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_topic_and_year_filters(tree, client):
    from tests.factories import local

    first, second = tree["hubs"][0], tree["hubs"][1]
    make_article(first, "Hội thảo nguồn lực 2020", when=local(2020, 6, 1))
    make_article(second, "Hội thảo nguồn lực 2021", when=local(2021, 6, 1))
    by_topic = titles(client.get("/tim-kiem/", {"q": "hoi thao", "topic": second.topic.pk}))
    assert by_topic == ["Hội thảo nguồn lực 2021"]
    by_year = titles(client.get("/tim-kiem/", {"q": "hoi thao", "year": "2020"}))
    assert by_year == ["Hội thảo nguồn lực 2020"]


def test_tag_filter(tree, client):
    make_article(tree["hubs"][0], "Hàng Việt về nông thôn", tags=["Hàng Việt"])
    make_article(tree["hubs"][0], "Hàng Việt xuất khẩu")
    assert titles(client.get("/tim-kiem/", {"q": "hang viet", "tag": "hang-viet"})) == [
        "Hàng Việt về nông thôn"
    ]


def test_results_paginate_keeping_the_query(tree, client):
    for number in range(12):
        make_article(tree["hubs"][0], f"Doanh nghiệp số {number}")
    first = client.get("/tim-kiem/", {"q": "doanh nghiep"})
    assert len(titles(first)) == 10
    assert "q=doanh+nghiep&amp;trang=2" in first.content.decode()
    assert len(titles(client.get("/tim-kiem/", {"q": "doanh nghiep", "trang": 2}))) == 2


def test_no_results_suggests_recent_articles_in_the_topic(tree, client):
    hub = tree["hubs"][0]
    make_article(hub, "Bài mới nhất trong chủ đề")
    response = client.get("/tim-kiem/", {"q": "khong co gi ca", "topic": hub.topic.pk})
    html = response.content.decode()
    assert "Không tìm thấy bài viết nào" in html
    assert "Bài mới nhất trong chủ đề" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 1000,
        "' \" & | ! : * ( ) \\",
        "dang & (uy | khoi)",
        "Đảng ĐẢNG đảng",
        "Партия 党 xây dựng",
        "\x00\x1f",
    ],
)
def test_bad_input_gives_a_normal_page(tree, client, query):
    make_article(tree["hubs"][0], "Xây dựng Đảng trong doanh nghiệp")
    response = client.get("/tim-kiem/", {"q": query, "topic": "not-a-number", "year": "abc"})
    assert response.status_code == 200


def test_search_page_is_never_shared_cached(tree, client):
    assert "private" in client.get("/tim-kiem/", {"q": "x"})["Cache-Control"]


def test_autocomplete_returns_live_headlines_as_json(tree, client):
    make_article(tree["hubs"][0], "Khơi thông nguồn lực doanh nghiệp")
    make_article(tree["hubs"][0], "Khơi thông bản nháp", live=False)
    response = client.get("/tim-kiem/goi-y/", {"q": "khoi thong"})
    assert response.status_code == 200
    data = response.json()
    assert [item["title"] for item in data["results"]] == ["Khơi thông nguồn lực doanh nghiệp"]
    assert data["results"][0]["url"].endswith("/")


def test_search_is_rate_limited_per_client(tree, client):
    from coverage.search.views import SEARCH_RATE

    allowed = int(SEARCH_RATE.split("/")[0])
    # The limit counts per clock minute: a stopped clock keeps every request in one
    # window, however slowly a loaded machine sends them (they crossed a minute on CI).
    with time_machine.travel(dt.datetime(2026, 3, 5, 9, 0, 10, tzinfo=dt.UTC), tick=False):
        statuses = [client.get("/tim-kiem/", {"q": "x"}).status_code for _ in range(allowed + 1)]
        other_client = client.get("/tim-kiem/", {"q": "x"}, REMOTE_ADDR="10.1.2.3")
    assert statuses[:allowed] == [200] * allowed
    assert statuses[-1] == 429
    assert other_client.status_code == 200


def test_every_page_links_to_search(tree, client):
    html = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in html


def test_results_page_runs_a_fixed_number_of_queries(tree, client, django_assert_max_num_queries):
    for number in range(6):
        make_article(tree["hubs"][0], f"Doanh nghiệp nhà nước {number}")
        make_article(tree["hubs"][1], f"Doanh nghiệp ngoài quốc doanh {number}")
    # Ten cards from two topics: bylines, photos and topics are fetched once, not per card.
    with django_assert_max_num_queries(12):
        response = client.get("/tim-kiem/", {"q": "doanh nghiep"})
    assert len(titles(response)) == 10
