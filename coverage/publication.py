"""What an article needs before readers may see it: a sapo, a byline, credited photos.

One definition (``publication_problems``), enforced in one place: ``ArticlePage.save()``
refuses any save that makes an article live, or changes its live revision, while this
list is not empty, by raising ``PublicationRefused``. Every path to live passes through
that save: the editor's Publish button, bulk Publish, a pipeline's last step, scheduled
go-live, revert-and-publish, copy-and-publish, the admin API. Forms and views only ask
the same question earlier to show the list where it can be fixed
(``editorial.pipelines.refusals`` shows a refusal raised anywhere else).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from editorial.pipelines.checks import PublicationRefused


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


def problems_message(problems) -> str:
    """One message listing every problem, each with a link where it can be fixed."""
    items = format_html_join(
        "",
        "<li>{}</li>",
        (
            (format_html('{} <a href="{}">{}</a>', p.message, p.url, _("Fix it")),)
            if p.url
            else (p.message,)
            for p in problems
        ),
    )
    return format_html("{}<ul>{}</ul>", _("This article cannot be published yet:"), items)


def refusal(article, at=None) -> PublicationRefused | None:
    """The ``PublicationRefused`` to raise if this version of ``article`` may not go live
    (at ``at``; by default when it is scheduled to, or now), with every problem in its
    message; None if it may."""
    problems = article.get_publication_problems(at=at)
    return PublicationRefused(article, problems, problems_message(problems)) if problems else None
