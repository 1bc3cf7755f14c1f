"""What an article needs before readers may see it: a sapo, a byline, credited photos.

The pipeline (``editorial.pipelines.checks``) asks the article through
``ArticlePage.get_publication_problems()``; the article editor's form asks the same
question of the content being submitted. One definition, two callers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """One thing missing, with where to fix it (an admin URL) when it is elsewhere."""

    message: str
    url: str = ""


def body_images(body) -> list:
    """The images the body's image blocks show, in order (None for an emptied chooser)."""
    if not body:
        return []
    return [block.value["image"] for block in body if block.block_type == "image"]


def publication_problems(*, sapo: str, byline_count: int, images: Iterable) -> list[Problem]:
    """Everything that stops publication, in the order an editor would fix it."""
    problems = []
    if not (sapo or "").strip():
        problems.append(Problem(_("The sapo (lead paragraph) is empty.")))
    if byline_count < 1:
        problems.append(Problem(_("The article has no byline.")))
    seen = set()
    for image in images:
        if image is None or image.pk in seen:
            continue
        seen.add(image.pk)
        if not image.has_credit:
            problems.append(
                Problem(
                    _('The photo "%(title)s" has no credit.') % {"title": image.title},
                    reverse("wagtailimages:edit", args=[image.pk]),
                )
            )
    return problems
