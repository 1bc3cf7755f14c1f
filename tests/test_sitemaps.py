"""/sitemap.xml is an index of light sitemaps: pages, then articles a bounded number a file."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coverage import sitemaps
from tests.factories import local, make_article, site_tree

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(response) -> ET.Element:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(root: ET.Element, tag: str = "url") -> list[str]:
    return [loc.text for loc in root.findall(f"sm:{tag}/sm:loc", NS)]


@pytest.fixture
def tree():
    return site_tree()


@pytest.fixture
def few_per_file(monkeypatch):
    monkeypatch.setattr(sitemaps.ArticlesSitemap, "limit", 2)


def test_index_lists_one_sitemap_per_section_and_page(client, tree, few_per_file):
    for day in range(1, 6):
        make_article(tree["hubs"][day % 2], f"Bài {day}", when=local(2021, 4, day))
    root = xml(client.get("/sitemap.xml"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert locations(root, "sitemap") == [
        "http://testserver/sitemap-trang.xml",
        "http://testserver/sitemap-bai-viet.xml",
        "http://testserver/sitemap-bai-viet.xml?p=2",
        "http://testserver/sitemap-bai-viet.xml?p=3",
        "http://testserver/sitemap-dinh-chinh.xml",
    ]
    lastmods = [node.text[:10] for node in root.findall("sm:sitemap/sm:lastmod", NS)]
    # The articles' sitemaps carry the latest publication; the pages' none.
    assert lastmods == ["2021-04-05"] * 3


def test_article_sitemaps_split_the_live_articles_without_repeating(client, tree, few_per_file):
    live = [make_article(tree["hubs"][n % 2], f"Bài {n}") for n in range(5)]
    draft = make_article(tree["hubs"][0], "Bản nháp", live=False)
    withdrawn = make_article(tree["hubs"][1], "Bài đã gỡ")
    withdrawn.unpublish()
    files = [xml(client.get("/sitemap-bai-viet.xml", {"p": p})) for p in (1, 2, 3)]
    assert [len(locations(root)) for root in files] == [2, 2, 1]
    listed = [loc for root in files for loc in locations(root)]
    assert sorted(listed) == sorted(f"http://localhost{article.url}" for article in live)
    assert all(draft.slug not in loc and withdrawn.slug not in loc for loc in listed)
    assert client.get("/sitemap-bai-viet.xml", {"p": 4}).status_code == 404


def test_article_addresses_and_dates_match_the_pages(client, tree):
    article = make_article(tree["hubs"][1], "Hội thảo khoa học", when=local(2022, 7, 9))
    root = xml(client.get("/sitemap-bai-viet.xml"))
    [url] = root.findall("sm:url", NS)
    assert url.findtext("sm:loc", namespaces=NS) == article.get_full_url()
    assert url.findtext("sm:lastmod", namespaces=NS) == "2022-07-09"


def test_pages_sitemap_has_the_pages_and_index_items_but_no_article(client, tree):
    article = make_article(tree["hubs"][0], "Bài viết", tags=["Nghị quyết"])
    listed = locations(xml(client.get("/sitemap-trang.xml")))
    assert "http://localhost/" in listed
    assert f"http://localhost{tree['hubs'][0].url}" in listed
    assert "http://localhost/the/nghi-quyet/" in listed
    assert f"http://localhost{article.url}" not in listed


def test_unknown_section_is_404(client, tree):
    assert client.get("/sitemap-khong-co.xml").status_code == 404


def test_sitemaps_are_publicly_cacheable(client, tree):
    for url in ["/sitemap.xml", "/sitemap-trang.xml", "/sitemap-bai-viet.xml"]:
        assert "public" in client.get(url)["Cache-Control"]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_sitemap_queries_do_not_grow_with_the_archive(client, tree):
    make_article(tree["hubs"][0], "Bài đầu", tags=["Một"])
    urls = ["/sitemap.xml", "/sitemap-trang.xml", "/sitemap-bai-viet.xml"]
    for url in urls:  # Wagtail caches the site's root paths on the first request
        client.get(url)
    small = [_queries(client, url) for url in urls]
    for number in range(30):
        make_article(tree["hubs"][number % 2], f"Bài {number}", tags=[f"Thẻ {number % 4}"])
    large = [_queries(client, url) for url in urls]
    assert large == small


def test_no_articles_yet_gives_an_empty_article_sitemap(client, tree):
    root = xml(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-bai-viet.xml" in locations(root, "sitemap")
    assert locations(xml(client.get("/sitemap-bai-viet.xml"))) == []
