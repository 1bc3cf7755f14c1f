"""Demo correction: one notice on the report of the Bloc's 3rd Congress opening.

Added to the article as an editor would (a new revision carrying the notice) and
published; the notice and the article's "updated" date are then set to the afternoon
of the opening day, when the correction ran. Found by its text: added once.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, PageLogEntry, Revision

from coverage.demo.content import CONGRESS_OPENS, at
from coverage.enums import NoticeKind
from coverage.models import ArticleNotice, ArticlePage

CORRECTED_AT = at(2020, 10, 19, 15, 30)
CORRECTION_TEXT = (
    "Bản đăng lúc 11 giờ 45 ghi Đại hội bế mạc ngày 20-10-2020. Đại hội làm việc trong ba "
    "ngày và bế mạc ngày 21-10-2020. Chúng tôi thành thật xin lỗi bạn đọc."
)


@transaction.atomic
def add_demo_correction() -> ArticleNotice | None:
    """Publish the correction on the congress article; None if already there or no article."""
    article = ArticlePage.objects.filter(slug=CONGRESS_OPENS.slug, live=True).first()
    if article is None or ArticleNotice.objects.filter(text=CORRECTION_TEXT).exists():
        return None
    latest = article.get_latest_revision_as_object()
    latest.notices.add(ArticleNotice(kind=NoticeKind.CORRECTION, text=CORRECTION_TEXT))
    revision = latest.save_revision()
    revision.publish()
    Revision.objects.filter(pk=revision.pk).update(created_at=CORRECTED_AT)
    PageLogEntry.objects.filter(page=article, revision=revision).update(timestamp=CORRECTED_AT)
    Page.objects.filter(pk=article.pk).update(
        last_published_at=CORRECTED_AT, latest_revision_created_at=CORRECTED_AT
    )
    notice = ArticleNotice.objects.get(page=article, text=CORRECTION_TEXT)
    ArticleNotice.objects.filter(pk=notice.pk).update(published_at=CORRECTED_AT)
    notice.published_at = CORRECTED_AT
    return notice
