"""Reader pages: what issue 4 says a reader must see, and must not see."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from coverage.models import ArticlePage, HomePage, ProgrammePage, TopicHubPage
from tests.factories import (
    AuthorFactory,
    CreditedImageFactory,
    OrganisationFactory,
    local,
    make_article,
    publish,
    site_tree,
)

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def tree():
    return site_tree()


@pytest.fixture
def signing(tree):
    huan = AuthorFactory(full_name="Đoàn Minh Huấn", academic_title="PGS, TS.")
    photo = CreditedImageFactory(
        title="Lễ ký kết", caption="Quang cảnh lễ ký kết", source_agency="VGP",
        photographer="Nguyễn Hoàng",
    )  # fmt: skip
    article = make_article(
        tree["hubs"][0],
        "Ký kết chương trình phối hợp",
        sapo="Chiều 5-3-2020, hai cơ quan ký chương trình phối hợp.",
        authors=[huan],
        hero=photo,
        tags=["Chương trình phối hợp"],
        organisations=[OrganisationFactory(short_name="DUKDNTW")],
        source_line="Chinhphu.vn",
        when=local(2020, 3, 5, 17, 30),
    )
    home = tree["home"]
    home.lead_article = article
    publish(home)
    return article


def test_home_shows_the_signing_article(client, signing):
    page = soup(client.get("/"))
    links = [a["href"] for a in page.select("main a")]
    assert signing.url in links
    assert signing.title in page.select_one(".home__lead").get_text()


def test_article_shows_headline_sapo_byline_date_and_credit(client, signing):
    page = soup(client.get(signing.url))
    assert page.h1.get_text(strip=True) == signing.title
    assert page.select_one(".article__sapo").get_text(strip=True) == signing.sapo
    assert (
        page.select_one(".article__byline").get_text(" ", strip=True) == "PGS, TS. Đoàn Minh Huấn"
    )
    assert page.select_one(".article__date").get_text(strip=True) == "ngày 5-3-2020"
    hero = page.select_one(".figure--hero")
    assert hero.img["alt"] == "Quang cảnh lễ ký kết"
    assert hero.figcaption.select_one(".figure__credit").get_text() == "Ảnh: VGP/Nguyễn Hoàng"
    assert "Nguồn: Chinhphu.vn" in page.select_one(".article__footer").get_text()


def test_lists_print_dates_as_day_month_year(client, signing):
    page = soup(client.get(signing.get_parent().url))
    assert page.select_one(".card__meta time").get_text() == "05/03/2020"


def test_hub_lists_its_articles_with_description(client, tree, signing):
    hub = tree["hubs"][0]
    page = soup(client.get(hub.url))
    assert signing.title in page.select_one(".article-list").get_text()
    assert hub.topic.description in page.get_text()
    feed = page.find("link", rel="alternate", href=hub.url + "rss/")
    assert feed is not None and feed["type"] == "application/rss+xml"


def test_hub_paginates(client, tree):
    hub = tree["hubs"][1]
    for day in range(1, 15):
        make_article(hub, f"Bài số {day}", when=local(2020, 6, day))
    first = soup(client.get(hub.url))
    second = soup(client.get(hub.url + "?trang=2"))
    assert len(first.select(".article-list__item")) == 12
    assert len(second.select(".article-list__item")) == 2
    assert second.find("link", rel="canonical")["href"].endswith("?trang=2")


def test_programme_page_shows_the_deal_and_the_plan(client, tree):
    from tests.factories import PlanItemFactory

    programme = tree["programme"]
    item = PlanItemFactory(plan__programme=programme, plan__year=2020, title="Hội thảo khoa học")
    article = make_article(tree["hubs"][0], "Bài về hội thảo", plan_item=item)
    draft = make_article(tree["hubs"][0], "Bản nháp hội thảo", plan_item=item, live=False)
    page = soup(client.get(tree["programme_page"].url + "?nam=2020"))
    text = page.get_text()
    assert "05/03/2020" in text and "2020–2025" in text
    assert "Kế hoạch năm 2020" in text and "Hội thảo khoa học" in text
    assert article.title in text
    assert draft.title not in text


@pytest.mark.parametrize("index", ["tag", "author", "organisation"])
def test_index_pages_list_the_article(client, tree, signing, index):
    item = {
        "tag": signing.tags.first(),
        "author": signing.bylines.first().author,
        "organisation": signing.organisations.first(),
    }[index]
    base = tree[index].url
    assert item.slug in [
        a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup(client.get(base)).select("main a")
    ]
    page = soup(client.get(f"{base}{item.slug}/"))
    assert signing.title in page.select_one(".article-list").get_text()


def test_tag_slugs_are_ascii_with_d(signing):
    signing.tags.add("Đảng bộ Khối")
    signing.save()
    assert signing.tags.get(name="Đảng bộ Khối").slug == "dang-bo-khoi"


def test_page_slug_keeps_d_as_d(tree):
    article = make_article(tree["hubs"][0], "Đại hội Đảng bộ")
    assert article.slug == "dai-hoi-dang-bo"


def test_slug_from_admin_javascript_is_corrected(tree):
    # Wagtail's admin proposes "djai-hoi-djang" for "Đại hội Đảng"; readers get "dai-hoi-dang".
    article = ArticlePage(title="Đại hội Đảng", slug="djai-hoi-djang", sapo="Sapo", live=False)
    tree["hubs"][0].add_child(instance=article)
    assert article.slug == "dai-hoi-dang"
    typed = ArticlePage(title="Đại hội Đảng", slug="dai-hoi-lan-thu-ba", sapo="Sapo", live=False)
    tree["hubs"][0].add_child(instance=typed)
    assert typed.slug == "dai-hoi-lan-thu-ba"


# --- Drafts and unpublished articles are invisible -----------------------------------


@pytest.fixture
def hidden(tree, signing):
    """A draft and an unpublished article sharing every tag, author and organisation."""
    only_author = AuthorFactory(full_name="Tác Giả Nháp")
    only_org = OrganisationFactory(short_name="NHAP")
    shared = {"tags": ["Chương trình phối hợp", "Chỉ trong bản nháp"]}
    draft = make_article(
        tree["hubs"][0], "BẢN NHÁP BÍ MẬT", authors=[only_author],
        organisations=[only_org, signing.organisations.first()], live=False, **shared,
    )  # fmt: skip
    withdrawn = make_article(
        tree["hubs"][0], "BÀI ĐÃ GỠ", authors=[only_author, signing.bylines.first().author],
        organisations=[only_org], **shared,
    )  # fmt: skip
    withdrawn.unpublish()
    return {"draft": draft, "withdrawn": withdrawn, "author": only_author, "org": only_org}


def test_hidden_articles_are_404(client, hidden):
    for article in (hidden["draft"], hidden["withdrawn"]):
        url = article.get_url() or f"/chuong-trinh/chu-de-1/{article.slug}/"
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/chuong-trinh/chu-de-1/",
        "/rss/",
        "/chuong-trinh/chu-de-1/rss/",
        "/sitemap.xml",
        "/sitemap-trang.xml",
        "/sitemap-bai-viet.xml",
        "/the/",
        "/the/chuong-trinh-phoi-hop/",
        "/tac-gia/",
        "/don-vi/",
        "/don-vi/tong-cong-ty-dukdntw/",
    ],
)
def test_hidden_articles_appear_nowhere(client, hidden, signing, url):
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "BẢN NHÁP BÍ MẬT" not in text and "BÀI ĐÃ GỠ" not in text
    assert hidden["draft"].slug not in text and hidden["withdrawn"].slug not in text
    assert "Tác Giả Nháp" not in text and "Chỉ trong bản nháp" not in text


def test_items_known_only_from_hidden_articles_are_404(client, hidden):
    assert client.get("/the/chi-trong-ban-nhap/").status_code == 404
    assert client.get(f"/tac-gia/{hidden['author'].slug}/").status_code == 404
    assert client.get(f"/don-vi/{hidden['org'].slug}/").status_code == 404


def test_related_articles_skip_hidden_ones(client, tree, signing, hidden):
    visible = make_article(
        tree["hubs"][0], "Bài liên quan công khai", tags=["Chương trình phối hợp"]
    )
    page = soup(client.get(signing.url))
    related = page.select_one(".related").get_text()
    assert visible.title in related
    assert "BẢN NHÁP BÍ MẬT" not in related and "BÀI ĐÃ GỠ" not in related


def test_related_prefers_shared_tags_then_topic(tree, signing):
    other_topic = make_article(
        tree["hubs"][1], "Khác chủ đề, chung từ khóa", tags=["Chương trình phối hợp"]
    )
    same_topic = make_article(tree["hubs"][0], "Cùng chủ đề", when=local(2021, 1, 1))
    unrelated = make_article(tree["hubs"][1], "Không liên quan")
    related = signing.related_articles([t.pk for t in signing.tags.all()])
    assert related[:2] == [other_topic, same_topic]
    assert unrelated not in related


# --- Escaping ------------------------------------------------------------------------

SCRIPT = "<script>alert('x')</script>"


def test_script_in_caption_and_credit_is_escaped_everywhere(client, tree):
    photo = CreditedImageFactory(caption=f"Chú thích {SCRIPT}", photographer=f"Nhiếp ảnh {SCRIPT}")
    article = make_article(
        tree["hubs"][0], f"Tiêu đề {SCRIPT}", sapo=f"Sapo {SCRIPT}", hero=photo,
        body=[("image", {"image": photo, "caption": f"Chú thích khối {SCRIPT}"})],
        tags=["Từ khóa"],
    )  # fmt: skip
    for url in [
        article.url,
        "/",
        tree["hubs"][0].url,
        "/the/tu-khoa/",
        "/rss/",
        tree["hubs"][0].url + "rss/",
    ]:
        body = client.get(url).content.decode()
        assert SCRIPT not in body, url
        assert "<script>alert" not in body, url
    # The JSON-LD block cannot be closed early by a caption.
    page = soup(client.get(article.url))
    json_ld = page.find("script", type="application/ld+json").string
    assert "</script>" not in json_ld and "\\u003Cscript\\u003E" in json_ld


# --- Ten body images, each with its credit -------------------------------------------


def test_ten_body_images_each_carry_their_credit(client, tree):
    photos = [
        CreditedImageFactory(source_agency=f"TTXVN{n}", photographer=f"Phóng viên {n}")
        for n in range(10)
    ]
    article = make_article(
        tree["hubs"][0], "Phóng sự ảnh",
        body=[("image", {"image": photo, "caption": ""}) for photo in photos],
    )  # fmt: skip
    figures = soup(client.get(article.url)).select(".article__body figure.figure--body")
    assert len(figures) == 10
    for figure, photo in zip(figures, photos, strict=True):
        assert figure.img is not None and figure.img["alt"]
        assert (
            figure.select_one(".figure__credit").get_text()
            == f"Ảnh: TTXVN{photo.photographer[-1]}/{photo.photographer}"
        )


# --- Tree rules ------------------------------------------------------------------------


def test_page_tree_is_constrained():
    assert ArticlePage.allowed_parent_page_models() == [TopicHubPage]
    assert TopicHubPage.allowed_parent_page_models() == [ProgrammePage]
    assert ProgrammePage.allowed_parent_page_models() == [HomePage]
    assert ArticlePage.allowed_subpage_models() == []
    assert not ArticlePage.can_create_at(HomePage())
    assert not TopicHubPage.can_create_at(HomePage())


def test_one_hub_per_topic(tree):
    topic = tree["hubs"][0].topic
    duplicate = TopicHubPage(title="Bản sao", slug="ban-sao", topic=topic)
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_the_topic_of_a_page_is_its_parent_hubs_topic(tree):
    """One rule (``ProgrammeTopic.objects.filing``) for the article, the reviewer picker
    and the desk calendar: the hub above the page, not a copy stored on the article."""
    from editorial.desk.articles import filed_under
    from editorial.models import ProgrammeTopic
    from editorial.pipelines.reviewers import topic_of

    first, second = tree["hubs"][:2]
    article = make_article(first, "Bài ở chủ đề một")
    assert article.topic == first.topic == topic_of(article)
    assert ProgrammeTopic.objects.filing(first).first() is None  # a hub is not filed under a topic
    assert ProgrammeTopic.objects.filing(tree["home"]).first() is None

    article.move(second, pos="last-child")  # moved: the topic follows the tree
    moved = ArticlePage.objects.get(pk=article.pk)
    assert moved.topic == second.topic == topic_of(moved)
    filed = ArticlePage.objects.filter(filed_under(second.topic))
    assert list(filed) == [moved]
    assert not ArticlePage.objects.filter(filed_under(first.topic)).exists()


# --- Caching and freshness -------------------------------------------------------------


def test_anonymous_pages_are_publicly_cacheable(client, signing):
    for url in ["/", signing.url, "/rss/", "/sitemap.xml"]:
        response = client.get(url)
        assert "public" in response["Cache-Control"]
        assert "max-age=" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]


def test_logged_in_pages_are_private(client, signing, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.vn", "x")
    client.force_login(user)
    response = client.get(signing.url)
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_preview_is_never_public(client, signing, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.vn", "x")
    client.force_login(user)
    response = client.get(f"/admin/pages/{signing.pk}/edit/preview/")
    assert "public" not in response.get("Cache-Control", "")


def test_republished_headline_shows_at_once(client, signing):
    assert signing.title in client.get(signing.url).content.decode()
    signing.title = "Tiêu đề mới sau khi sửa"
    publish(signing)
    assert "Tiêu đề mới sau khi sửa" in client.get(signing.url).content.decode()
    assert "Tiêu đề mới sau khi sửa" in client.get("/").content.decode()
    assert "Tiêu đề mới sau khi sửa" in client.get("/rss/").content.decode()


def test_unpublished_article_disappears_at_once(client, signing):
    assert client.get(signing.url).status_code == 200
    Page.objects.get(pk=signing.pk).specific.unpublish()
    assert client.get(signing.url).status_code == 404


# --- Meta ---------------------------------------------------------------------------------


def test_article_has_canonical_open_graph_and_json_ld(client, signing):
    import json

    page = soup(client.get(signing.url))
    assert page.find("link", rel="canonical")["href"] == f"http://testserver{signing.url}"
    assert page.find("meta", property="og:type")["content"] == "article"
    assert page.find("meta", property="og:image")["content"].startswith("http://testserver/")
    assert "Ảnh: VGP/Nguyễn Hoàng" in page.find("meta", property="og:image:alt")["content"]
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == signing.title
    assert data["author"][0]["name"] == "Đoàn Minh Huấn"
    assert data["datePublished"].startswith("2020-03-05T17:30:00+07:00")
    assert data["image"]["creditText"] == "Ảnh: VGP/Nguyễn Hoàng"


def test_every_page_has_landmarks_and_one_h1(client, tree, signing):
    for url in ["/", signing.url, tree["hubs"][0].url, tree["programme_page"].url, "/tac-gia/"]:
        page = soup(client.get(url))
        assert page.html["lang"] == "vi"
        assert page.find("main", id="main") and page.find("header") and page.find("footer")
        assert len(page.find_all("h1")) == 1, url
        assert page.find("form", role="search")["action"] == "/tim-kiem/"
        for img in page.find_all("img"):
            assert img.get("alt"), url


def test_robots_txt_points_at_the_sitemap(client, tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_404_is_vietnamese(client, tree):
    response = client.get("/khong-co-bai-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_500_template_is_vietnamese():
    from django.template.loader import render_to_string

    assert "Đã có lỗi xảy ra" in render_to_string("500.html")


class TestAdminCreatesArticle(WagtailTestUtils):
    """Editors can create an article under a hub through the admin form."""

    def test_create(self, client, tree, django_user_model):
        user = django_user_model.objects.create_superuser("admin", "a@example.vn", "x")
        client.force_login(user)
        hub = tree["hubs"][0]
        author = AuthorFactory()
        first, second = OrganisationFactory(short_name="EVN"), OrganisationFactory(short_name="PVN")
        data = {
            "title": "Đảng ủy EVN và PVN",
            # What the admin's JavaScript proposes for the title.
            "slug": "djang-uy-evn-va-pvn",
            "sapo": "Sapo",
            "body-count": "0",
            "tags": "Năng lượng, Đảng ủy",
            "organisations": [first.pk, second.pk],
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "0",
            "bylines-MIN_NUM_FORMS": "1",
            "bylines-MAX_NUM_FORMS": "1000",
            "bylines-0-author": str(author.pk),
            "bylines-0-ORDER": "1",
            "bylines-0-id": "",
            "bylines-0-DELETE": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "notices-TOTAL_FORMS": "0",
            "notices-INITIAL_FORMS": "0",
            "notices-MIN_NUM_FORMS": "0",
            "notices-MAX_NUM_FORMS": "20",
        }
        response = client.post(f"/admin/pages/add/coverage/articlepage/{hub.pk}/", data)
        assert response.status_code == 302
        article = ArticlePage.objects.get(title="Đảng ủy EVN và PVN")
        assert article.slug == "dang-uy-evn-va-pvn"
        assert set(article.organisations.values_list("short_name", flat=True)) == {"EVN", "PVN"}
        assert article.live is False


def test_published_page_keeps_its_slug(tree):
    article = make_article(tree["hubs"][0], "Bai cu")
    article.title = "Đổi tiêu đề"
    article.slug = "djoi-tieu-dje"  # as if the admin proposed it after a title change
    publish(article)
    assert article.slug == "djoi-tieu-dje"
