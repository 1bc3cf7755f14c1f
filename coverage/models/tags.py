"""Article tags: a vocabulary of their own, with ASCII Vietnamese slugs for tag pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from editorial.text import slugify_vi


class Tag(TagBase):
    """A keyword readers can follow (e.g. "Đại hội Đảng"), with its page at /the/<slug>/.

    Kept apart from image tags, which are the photo desk's filing words.
    """

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")

    def slugify(self, tag: str, i: int | None = None) -> str:
        # taggit keeps "đ" as Unicode; readers' URLs are ASCII with "đ" → "d".
        slug = slugify_vi(tag, max_length=90) or "the"
        return f"{slug}-{i}" if i is not None else slug


class TaggedArticle(ItemBase):
    """Through model between articles and tags (modelcluster, so tags live in revisions)."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey(
        "coverage.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("article tag link")
        verbose_name_plural = _("article tag links")
