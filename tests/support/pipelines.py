"""Builders for the pipeline tests: articles under a demo hub, the article editor's POST
data, and the moderation calls the admin makes (approve / request changes)."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from coverage.models import ArticleByline, ArticlePage, CreditedImage, TopicHubPage
from editorial.enums import AssignmentStatus
from editorial.models import Assignment, Author
from tests.factories import CreditedImageFactory


def user(username: str):
    return get_user_model().objects.get(username=username)


def client_for(username: str, password: str) -> Client:
    client = Client()
    assert client.login(request=HttpRequest(), username=username, password=password), username
    return client


def credited_image(**fields) -> CreditedImage:
    values = {"source_agency": "VGP", "photographer": "Nguyễn Hoàng"}
    values.update(fields)
    return CreditedImageFactory(**values)


def draft_article(topic_number: int, owner: str = "phongvien", **fields) -> ArticlePage:
    """A draft under the topic's demo hub, with a byline, credited hero and one paragraph,
    and the assignment it was written for."""
    hub = TopicHubPage.objects.get(topic__number=topic_number)
    writer = user(owner)
    values = {
        "title": "Đảng bộ Tập đoàn với nhiệm vụ chuyển đổi số",
        "slug": f"bai-thu-nghiem-{ArticlePage.objects.count() + 1}",
        "sapo": "Bài viết về cách một đảng bộ dẫn dắt chuyển đổi số trong tập đoàn.",
        "hero_image": credited_image(title="Ảnh chính"),
        "body": [("paragraph", rich_text_html("Đoạn mở đầu của bài viết."))],
        "owner": writer,
        "live": False,
    }
    values.update(fields)
    page = ArticlePage(**values)
    hub.add_child(instance=page)
    author, _ = Author.objects.get_or_create(full_name="Phạm Văn Dũng")
    page.bylines.add(ArticleByline(author=author))
    page.save()  # the byline rows get their ids, as the editor form would have given them
    page.save_revision(user=writer)
    Assignment.objects.create(
        headline=page.title,
        brief="Thử nghiệm quy trình duyệt.",
        topic=hub.topic,
        assignee=writer,
        editor=user("bientap"),
        due_date=page.latest_revision_created_at.date(),
        status=AssignmentStatus.ACCEPTED,
        article=page,
    )
    return page


def rich_text_html(text: str):
    from wagtail.rich_text import RichText

    return RichText(f"<p>{text}</p>")


def edit_post_data(page: ArticlePage, **overrides) -> dict:
    """What the article editor posts for ``page``'s latest revision (plus ``overrides``)."""
    latest = page.get_latest_revision_as_object()
    body_items = []
    for block in latest.body:
        if block.block_type == "paragraph":
            body_items.append(("paragraph", rich_text(block.value.source)))
        elif block.block_type == "image":
            body_items.append(
                ("image", {"image": block.value["image"].pk, "caption": block.value["caption"]})
            )
    bylines = [{"id": b.pk, "author": b.author_id} for b in latest.bylines.all()]
    notices = [{"id": n.pk or "", "kind": n.kind, "text": n.text} for n in latest.notices.all()]
    data = {
        "title": latest.title,
        "slug": latest.slug,
        "sapo": latest.sapo,
        "hero_image": latest.hero_image_id or "",
        "body": streamfield(body_items),
        "bylines": inline_formset(bylines, initial=len(bylines)),
        "tags": "",
        "plan_item": "",
        "source_line": "",
        "requested_reviewer": latest.requested_reviewer_id or "",
        "embargo_until": (
            timezone.localtime(latest.embargo_until).strftime("%Y-%m-%d %H:%M")
            if latest.embargo_until
            else ""
        ),
        "notices": inline_formset(notices, initial=len([n for n in notices if n["id"]])),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    posted = nested_form_data(data)
    if "body" not in overrides:
        # The editor posts each block's id back, so an unchanged body stays the same.
        for index, block in enumerate(latest.body):
            posted[f"body-{index}-id"] = block.id
    return posted


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def current_state(page):
    return ArticlePage.objects.get(pk=page.pk).current_workflow_task_state


def act(client: Client, page, action: str, comment: str = "", *, modal: bool = True):
    """Approve or request changes the way the moderation buttons do (the modal's XHR post)."""
    state = current_state(page)
    assert state is not None, "the article is not in a pipeline step"
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    headers = {"X-Requested-With": "XMLHttpRequest"} if modal else {}
    return client.post(url, {"comment": comment}, headers=headers)


def modal_step(response) -> str:
    """The modal's answer: "success", or "action" when it shows the form again (errors)."""
    return json.loads(response.content)["step"]
