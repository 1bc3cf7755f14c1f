"""RSS feeds and the sitemap: well-formed XML that lists live articles with credited photos."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import CreditedImageFactory, local, make_article, site_tree

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def tree():
    return site_tree()


@pytest.fixture
def signing(tree):
    photo = CreditedImageFactory(
        caption="Lễ ký kết", source_agency="VGP", photographer="Nguyễn Hoàng"
    )
    return make_article(
        tree["hubs"][0], "Lễ ký kết chương trình phối hợp", hero=photo, when=local(2020, 3, 5, 17)
    )


def parse(response) -> ET.Element:
    assert response.status_code == 200
    return ET.fromstring(response.content)  # raises on malformed XML


@pytest.mark.parametrize("per_hub", [False, True])
def test_feed_is_rss_2_listing_the_article(client, tree, signing, per_hub):
    url = tree["hubs"][0].url + "rss/" if per_hub else "/rss/"
    response = client.get(url)
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = parse(response)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [signing.title]
    item = items[0]
    assert item.findtext("link") == f"http://testserver{signing.url}"
    assert "05 Mar 2020" in item.findtext("pubDate")
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").startswith("http://testserver/media/")
    assert int(enclosure.get("length")) > 0
    assert "Ảnh: VGP/Nguyễn Hoàng" in item.findtext("description")


def test_hub_feed_lists_only_its_topic(client, tree, signing):
    other = make_article(tree["hubs"][1], "Bài chủ đề khác")
    titles = [
        i.findtext("title") for i in parse(client.get(tree["hubs"][0].url + "rss/")).iter("item")
    ]
    assert other.title not in titles
    assert other.title in [i.findtext("title") for i in parse(client.get("/rss/")).iter("item")]


def test_pages_link_the_feeds(client, tree, signing):
    html = client.get(signing.url).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'href="/rss/"' in html and f'href="{tree["hubs"][0].url}rss/"' in html


def sitemap_urls(client) -> list[ET.Element]:
    """Every <url> of every sitemap the index at /sitemap.xml lists."""
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    urls = []
    for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        urls += parse(client.get(loc.text)).findall("sm:url", SITEMAP_NS)
    return urls


def test_sitemap_lists_live_pages_and_index_items(client, tree, signing):
    draft = make_article(tree["hubs"][0], "Bản nháp", live=False)
    urls = sitemap_urls(client)
    locations = [url.findtext("sm:loc", namespaces=SITEMAP_NS) for url in urls]
    assert f"http://localhost{signing.url}" in locations
    assert not any(draft.slug in location for location in locations)
    author = signing.bylines.first().author
    assert any(location.endswith(f"/tac-gia/{author.slug}/") for location in locations)
    entry = next(
        url for url in urls
        if url.findtext("sm:loc", namespaces=SITEMAP_NS).endswith(signing.url)
    )  # fmt: skip
    assert entry.findtext("sm:lastmod", namespaces=SITEMAP_NS).startswith("2020-03-05")
