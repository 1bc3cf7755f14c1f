"""The photo desk's dashboard panel (editorial.desk.photo_queue)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.log_actions import log

from editorial.desk.photo_queue import PhotoDeskPanel
from tests.factories import CreditedImageFactory
from tests.support.pipelines import draft_article, rich_text_html, user

pytestmark = pytest.mark.django_db


def panel(username: str) -> dict:
    request = RequestFactory().get("/admin/")
    request.user = user(username)
    return PhotoDeskPanel(request).get_context_data({})


def in_review(title: str, *images):
    """An article in its pipeline whose latest version shows ``images`` in the body."""
    page = draft_article(1, title=title)
    page.body = [("image", {"image": image, "caption": ""}) for image in images] + [
        ("paragraph", rich_text_html("Đoạn văn."))
    ]
    page.save_revision(user=user("phongvien"))
    page.get_workflow().start(page, user("phongvien"))
    return page


def test_the_photo_desk_sees_its_own_panel_instead_of_an_empty_desk(demo, client):
    client.force_login(user("bananh"))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="photo-desk-section"' in content
    assert 'id="my-desk-section"' not in content
    client.force_login(user("bientap"))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="my-desk-section"' in content and 'id="photo-desk-section"' not in content


def test_photos_in_articles_under_review_uncredited_first(demo):
    credited = CreditedImageFactory(title="Ảnh có ghi công")
    uncredited = CreditedImageFactory(title="Ảnh chưa ghi công", source_agency="", photographer="")
    page = in_review("Bài có hai ảnh", credited, uncredited)
    rows = [row for row in panel("bananh")["in_review"] if row["page"].pk == page.pk]
    # The hero from draft_article, then the two body photos, each once.
    assert {row["image"].pk for row in rows} >= {credited.pk, uncredited.pk}
    assert panel("bananh")["in_review"][0]["image"] == uncredited
    assert all(row["step"] for row in rows)  # the step it waits at is named


def test_photos_missing_a_caption_or_a_licence_and_recent_edits(demo):
    bare = CreditedImageFactory(title="Ảnh chưa chú thích", caption="", licence="")
    complete = CreditedImageFactory(title="Ảnh đủ thông tin", licence="Chinhphu.vn cho phép")
    log(complete, "wagtail.edit", user=user("bananh"))
    context = panel("bananh")
    assert bare in context["incomplete"] and complete not in context["incomplete"]
    assert context["incomplete_total"] >= 1
    edited = [row["image"] for row in context["recently_edited"]]
    assert edited[0] == complete


def test_the_panel_costs_the_same_with_more_articles_under_review(demo):
    image = CreditedImageFactory()
    in_review("Bài chờ duyệt thứ nhất", image)
    with CaptureQueriesContext(connection) as few:
        panel("bananh")
    for number in range(4):
        in_review(f"Bài chờ duyệt số {number}", CreditedImageFactory())
    with CaptureQueriesContext(connection) as many:
        panel("bananh")
    assert len(many) == len(few)
