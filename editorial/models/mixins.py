"""Behaviour shared by the newsroom's models."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from editorial.text import slugify_vi


def unique_slug(queryset: models.QuerySet, text: str, max_length: int = 80) -> str:
    """An ASCII slug for ``text`` not yet used in ``queryset``: "dong", then "dong-2".

    Tones collide once folded ("Đông" and "Đồng" both give "dong"), so a suffix keeps
    each slug unique instead of failing the save.
    """
    base = slugify_vi(text, max_length=max_length - 4) or "muc"
    candidate, number = base, 2
    while queryset.filter(slug=candidate).exists():
        candidate = f"{base}-{number}"
        number += 1
    return candidate


class AutoSlugMixin(models.Model):
    """Fills an empty ``slug`` from ``slug_source`` on first save."""

    slug_source: ClassVar[str] = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            others = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(others, getattr(self, self.slug_source))
        super().save(*args, **kwargs)
