"""Template tags for the public site: menu, links to index pages, JSON-LD, absolute URLs."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from coverage.links import reader_indexes
from coverage.models.pages.articles import SHARE_FILTER, vietnamese_date
from coverage.models.pages.issues import JOURNAL_NAME

register = template.Library()

# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _local_iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


@register.filter
def ngay(moment) -> str:
    """ "ngày 5-3-2020": the date as printed in an article."""
    return vietnamese_date(moment)


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    """``url`` made absolute against the current request's host."""
    if not url or url.startswith(("http://", "https://")):
        return url or ""
    request: HttpRequest | None = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.inclusion_tag("components/site-nav.html", takes_context=True)
def site_nav(context) -> dict:
    """The home page's live children marked "show in menus" (one query)."""
    request = context.get("request")
    items: list = []
    site = Site.find_for_request(request) if request else None
    if site is not None:
        root = next((p for p in Site.get_site_root_paths() if p.site_id == site.pk), None)
        if root is not None:
            items = list(
                Page.objects.live()
                .in_menu()
                .filter(url_path__startswith=root.root_path, depth=root.root_path.count("/") + 1)
                .order_by("path")
            )
    current_path = getattr(context.get("page"), "path", "") or ""
    links = [
        (
            item,
            "page"
            if current_path == item.path
            else ("true" if current_path.startswith(item.path) else ""),
        )
        for item in items
    ]
    return {"links": links, "request": request}


@register.simple_tag(takes_context=True)
def index_url(context, kind: str, item) -> str:
    """The reader page of a tag, author or organisation ("" when that index is not live)."""
    base = reader_indexes(context.get("request")).get(kind)
    slug = getattr(item, "slug", "")
    return f"{base}{slug}/" if base and slug else ""


def _publication_issue(issue, absolute_url, request) -> dict:
    """The print issue an article ran in, as schema.org's PublicationIssue."""
    return {
        "@type": "PublicationIssue",
        "issueNumber": str(issue.number),
        "name": issue.dated_label,
        "datePublished": issue.print_date.isoformat(),
        "url": absolute_url(issue.get_url(request) or ""),
        "isPartOf": {"@type": "Periodical", "name": JOURNAL_NAME, "inLanguage": "vi"},
    }


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, hero=None) -> str:
    """A schema.org NewsArticle for search engines: headline, authors, dates, image and credit."""
    request = context.get("request")

    def absolute_url(url: str) -> str:
        return request.build_absolute_uri(url) if request and url.startswith("/") else url

    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.description,
        "inLanguage": "vi",
        "mainEntityOfPage": absolute_url(article.get_url(request) or ""),
        "datePublished": _local_iso(article.first_published_at),
        "dateModified": _local_iso(
            article.updated_at or article.last_published_at or article.first_published_at
        ),
        "author": [
            {
                "@type": "Person",
                "name": byline.author.full_name,
                **(
                    {"honorificPrefix": byline.author.academic_title}
                    if byline.author.academic_title
                    else {}
                ),
            }
            for byline in article.byline_list
        ],
        "publisher": {"@type": "Organization", "name": "Tạp chí Cộng sản"},
    }
    slot = article.print_slot
    if slot is not None:
        data["isPartOf"] = _publication_issue(slot.issue, absolute_url, request)
        if slot.start_page:
            data["pageStart"] = slot.start_page
            data["pageEnd"] = slot.end_page
    notices = article.live_notices
    if notices:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": f"{notice.get_kind_display()}: {notice.text}",
                "datePublished": _local_iso(notice.published_at),
            }
            for notice in notices
        ]
    if hero is not None:
        rendition = hero.get_rendition(SHARE_FILTER)
        image = {
            "@type": "ImageObject",
            "url": absolute_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "creditText": hero.credit_line,
        }
        if hero.caption:
            image["caption"] = hero.caption
        if hero.photographer:
            image["creator"] = {"@type": "Person", "name": hero.photographer}
        data["image"] = image
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # The payload is JSON with <, > and & escaped (_SCRIPT_ESCAPES): it cannot end the tag.
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
