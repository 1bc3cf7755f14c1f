"""Helpers for the public API tests: articles that must never show, and JSON requests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from wagtail.models import PageViewRestriction

from coverage.models import ArticleByline, ArticlePage
from tests.factories import AuthorFactory, OrganisationFactory
from tests.support.pipelines import credited_image, draft_article, rich_text_html, user

HIDDEN_KINDS = ("draft", "pipeline", "scheduled", "private")


def hidden_article(kind: str, topic_number: int = 1) -> ArticlePage:
    """An article readers cannot see, with its own author, organisation, tag and photos,
    so a test can look for each of them too. ``kind`` is one of HIDDEN_KINDS."""
    hero = credited_image(title=f"Ảnh chính {kind}", caption=f"Chú thích {kind}")
    inside = credited_image(title=f"Ảnh trong bài {kind}")
    page = draft_article(
        topic_number,
        title=f"Bài chưa công bố ({kind})",
        sapo=f"Sapo bí mật {kind}.",
        hero_image=hero,
        body=[
            ("paragraph", rich_text_html("Đoạn mở đầu.")),
            ("image", {"image": inside, "caption": ""}),
        ],
    )
    page.bylines.all().delete()
    page.bylines.add(ArticleByline(author=AuthorFactory(full_name=f"Tác giả {kind}")))
    page.organisations.set([OrganisationFactory(short_name=f"AN-{kind}")])
    page.tags.add(f"the-an-{kind}")
    page.save()
    revision = page.save_revision(user=user("phongvien"))
    if kind == "pipeline":
        page.get_workflow().start(page, user("phongvien"))
    elif kind == "scheduled":
        page.go_live_at = timezone.now() + dt.timedelta(days=3)
        revision = page.save_revision()
        revision.publish()
    elif kind == "private":
        revision.publish()
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.refresh_from_db()
    return page


def get_json(client, url: str, status: int = 200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()
