"""The sitemap: an index (/sitemap.xml) of light child sitemaps (/sitemap-<section>.xml).

Wagtail's single sitemap loaded every live page as its specific model and walked each
one's ``get_sitemap_urls()``: with 20,000 articles, 6.2 s on PostgreSQL and 9.7 s on
SQLite for one response (issue #16). Now:

- ``trang`` ("pages"): every live, public page that is not an article (home, topic hubs,
  the programme, the tag/author/organisation indexes with their items), through Wagtail's
  ``get_sitemap_urls()`` as before. They are a few dozen, whatever the archive's size.
- ``bai-viet`` ("articles"): the live, public articles, ``ARTICLES_PER_SITEMAP`` to a file
  (``?p=2``...), read as three columns (``url_path`` and the two dates), their addresses
  built from the site's root URL, found once, not page by page.

The index reads a count and a latest date per section; each child a fixed number of
queries. A crawler reading /sitemap.xml (robots.txt points there) follows the index.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.timezone import is_aware, localtime
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from coverage.embargo import not_embargoed

# Well under the protocol's 50,000, so each file stays quick to build and to read.
ARTICLES_PER_SITEMAP = 2000


def _article_content_type():
    from django.contrib.contenttypes.models import ContentType

    from coverage.models import ArticlePage

    return ContentType.objects.get_for_model(ArticlePage)


def _day(moment) -> str | None:
    """The day of a publication in the site's time zone, as sitemaps print it."""
    if moment is None:
        return None
    if isinstance(moment, datetime):
        moment = localtime(moment).date() if is_aware(moment) else moment.date()
    return moment.isoformat()


class ReaderPagesSitemap(WagtailSitemap):
    """Every live, public page but the articles, as Wagtail lists them."""

    def items(self):
        return super().items().exclude(content_type=_article_content_type())

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:  # coverage/sitemap.xml prints the day as given
            url["lastmod"] = _day(url.get("lastmod"))
        return urls

    def get_latest_lastmod(self):
        # The index items (/the/<slug>/...) change with articles and carry no date.
        return None


class ArticlesSitemap(WagtailSitemap):
    """Live, public articles, from three columns of the page table, in tree order."""

    limit = ARTICLES_PER_SITEMAP

    def items(self):
        site = self.get_wagtail_site()
        return (
            Page.objects.filter(
                content_type=_article_content_type(), path__startswith=site.root_page.path
            )
            .live()
            .public()
            .filter(not_embargoed("articlepage__"))
            .order_by("path")
            .values_list("url_path", "last_published_at", "latest_revision_created_at")
        )

    def get_latest_lastmod(self):
        latest = self.items().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]
        return latest

    def _urls(self, page, protocol, domain):
        site = self.get_wagtail_site()
        # The site's root page's address, once: every article's is that plus the rest
        # of its url_path (what Page.get_url_parts works out page by page).
        root_url = site.root_page.get_full_url(self.request)
        root_path = site.root_page.url_path
        urls = []
        latest = None
        for url_path, last_published_at, latest_revision_created_at in self.paginator.page(
            page
        ).object_list:
            if not root_url or not url_path.startswith(root_path):
                continue
            lastmod = last_published_at or latest_revision_created_at
            if lastmod is not None:
                latest = lastmod if latest is None else max(latest, lastmod)
            urls.append(
                {
                    "location": root_url + url_path[len(root_path) :],
                    # The day in the site's zone, as the template's date filter printed it.
                    "lastmod": _day(lastmod),
                }
            )
        if latest is not None and all(url["lastmod"] for url in urls):
            self.latest_lastmod = latest
        return urls


class CorrectionsSitemap(DjangoSitemap):
    """The corrections page (coverage.corrections), dated by its newest notice."""

    def items(self):
        return ["coverage_corrections"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        from coverage.corrections import published_notices

        return published_notices().values_list("published_at", flat=True).first()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:  # coverage/sitemap.xml prints the day as given
            url["lastmod"] = _day(url.get("lastmod"))
        return urls


SITEMAPS = {
    "trang": ReaderPagesSitemap,
    "bai-viet": ArticlesSitemap,
    "dinh-chinh": CorrectionsSitemap,
}
