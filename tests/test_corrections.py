"""Corrections and updates (issue 20): a notice goes live only with the revision that
carries it, through the topic's pipeline; readers then see it on the article, in the
feed and the JSON-LD, and on the corrections page."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset

from coverage.demo.notices import CORRECTION_TEXT
from coverage.models import ArticleNotice, ArticlePage
from tests.support.pipelines import (
    act,
    client_for,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
    modal_step,
    user,
)

pytestmark = pytest.mark.django_db

NOTICE = "Bản trước ghi nhầm tên đơn vị chủ trì; đơn vị chủ trì là Đảng ủy Khối."


@pytest.fixture
def published(demo, demo_password):
    """A live events article, published through its pipeline by its named editor."""
    article = draft_article(5, owner="phongvien3", slug="bai-co-dinh-chinh")
    publish_through_pipeline(article, "phongvien3", demo_password)
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    return article


def publish_through_pipeline(article, writer: str, password: str) -> None:
    article.get_workflow().start(ArticlePage.objects.get(pk=article.pk), user(writer))
    reviewer = current_state(article).specific.reviewer
    response = act(client_for(reviewer.username, password), article, "approve")
    assert modal_step(response) == "success", response.content.decode()[:2000]


def with_notice(article) -> dict:
    notice = {"id": "", "kind": "correction", "text": NOTICE}
    return edit_post_data(article, notices=inline_formset([notice]))


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_a_journalists_publish_is_refused_and_the_notice_does_not_go_live(
    published, demo_password, client
):
    journalist = client_for("phongvien3", demo_password)
    data = with_notice(published)
    data["action-publish"] = "action-publish"

    response = journalist.post(edit_url(published), data)

    assert response.status_code == 403
    assert not ArticleNotice.objects.filter(text=NOTICE).exists()
    assert NOTICE not in client.get(published.get_url()).content.decode()
    assert NOTICE not in client.get("/dinh-chinh/").content.decode()


def test_the_notice_goes_live_through_the_pipeline_and_readers_see_it(
    published, demo_password, client
):
    journalist = client_for("phongvien3", demo_password)
    response = journalist.post(edit_url(published), with_notice(published))
    assert response.status_code == 302
    assert NOTICE not in client.get(published.get_url()).content.decode()  # a draft yet

    publish_through_pipeline(published, "phongvien3", demo_password)

    article = ArticlePage.objects.get(pk=published.pk)
    notice = ArticleNotice.objects.get(page=article, text=NOTICE)
    assert notice.revision_id == article.live_revision_id  # the revision it came with
    assert notice.published_at is not None

    html = client.get(article.get_url()).content.decode()
    assert NOTICE in html
    assert "cập nhật" in html
    data = json_ld(html)
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert NOTICE in data["correction"][0]["text"]
    assert data["dateModified"].startswith(notice.published_at.date().isoformat()[:7])

    feed = client.get("/rss/").content.decode()
    assert NOTICE in feed
    assert "<atom:updated>" in feed

    assert NOTICE in client.get("/dinh-chinh/").content.decode()

    # A later edit, published, keeps the notice's date and the revision it came with.
    client_for("phongvien3", demo_password).post(edit_url(article), edit_post_data(article))
    publish_through_pipeline(article, "phongvien3", demo_password)
    again = ArticleNotice.objects.get(pk=notice.pk)
    assert (again.revision_id, again.published_at) == (notice.revision_id, notice.published_at)


def test_the_demo_correction_is_on_its_article_and_the_corrections_page(demo, client):
    notice = ArticleNotice.objects.select_related("page").get(text=CORRECTION_TEXT)
    html = client.get(notice.page.get_url()).content.decode()
    assert CORRECTION_TEXT in html
    assert CORRECTION_TEXT in client.get("/dinh-chinh/").content.decode()
    assert Revision.objects.filter(pk=notice.revision_id).exists()


def test_the_corrections_page_is_newest_first_paginated_and_flat_in_queries(
    demo, client, django_assert_max_num_queries
):
    from coverage.corrections import NOTICES_PER_PAGE

    article = ArticlePage.objects.visible().exclude(notices__isnull=False).first()
    latest = article.get_latest_revision_as_object()
    for number in range(NOTICES_PER_PAGE + 2):
        latest.notices.add(ArticleNotice(kind="update", text=f"Cập nhật số {number}."))
    latest.save_revision().publish()

    with django_assert_max_num_queries(8):
        first = client.get("/dinh-chinh/")
    html = first.content.decode()
    assert html.count('class="notice-list__item"') == NOTICES_PER_PAGE
    assert "?trang=2" in html
    second = client.get("/dinh-chinh/?trang=2").content.decode()
    assert CORRECTION_TEXT in second  # the demo's, from 2020, comes last

    sitemap = client.get(reverse("coverage_sitemap_section", args=["dinh-chinh"]))
    assert "/dinh-chinh/" in sitemap.content.decode()
