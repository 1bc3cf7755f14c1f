"""Which reader URLs a change affects, and purging them from the page caches.

One question, answered in one place: "a reader may now see something different at
which addresses?" ``urls_for_page`` (an article, a hub or any other page),
``urls_for_image`` (a photo whose credit or caption changed) and ``urls_for_author``
(a byline's name or title) return full URLs (site root + path, no query string).

The caches purge a path with every query string under it (``?trang=2`` of a hub or a
tag page, ``?p=2`` of a child sitemap): Varnish bans on the path (deploy/varnish), the
server-side cache (``coverage.page_cache``) moves the path to a new key version.

The signal handlers (``connect``) collect the URLs when the change happens, while the
old state is still known (an unpublished or moved page's old address), and purge once
the transaction commits, through ``wagtail.contrib.frontend_cache`` (``PurgeBatch``)
and the backends in ``WAGTAILFRONTENDCACHE``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


# --- Where things live ------------------------------------------------------------------


def _root_url(page: Page | None = None) -> str:
    """The site's root URL without a trailing slash, e.g. ``http://localhost``."""
    site = None
    if page is not None:
        site = page.get_site()
    if site is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url.rstrip("/") if site is not None else ""


def _full(root: str, path: str) -> str:
    return root + path


def sitemap_paths() -> list[str]:
    """The sitemap index and every section's file (each with all its ``?p=`` pages)."""
    from coverage.sitemaps import SITEMAPS

    sections = [reverse("coverage_sitemap_section", kwargs={"section": s}) for s in SITEMAPS]
    return [reverse("coverage_sitemap"), *sections]


def api_paths() -> list[str]:
    """The public API's lists (coverage.api), each with all its query strings."""
    from coverage.api.router import api_router  # the router pulls in DRF: only when purging

    return [reverse(f"coverage_api:{name}:listing") for name in api_router._endpoints]


def site_paths() -> list[str]:
    """What changes with any article: home, the site feed, the corrections page (a new
    notice, or an article gone), the sitemap and the API lists."""
    return [
        "/",
        reverse("coverage_feed"),
        reverse("coverage_corrections"),
        *sitemap_paths(),
        *api_paths(),
    ]


def _index_page(model):
    return model.objects.live().first()


def _index_item_urls(index_model, items) -> set[str]:
    index = _index_page(index_model)
    if index is None:
        return set()
    base = index.get_full_url()
    if base is None:
        return set()
    return {base} | {index.item_url(item, base) for item in items}


def _page_url(page: Page, url_path: str | None = None) -> str | None:
    """The page's full URL, or the one it had at ``url_path`` (before a move)."""
    if url_path is None:
        return page.get_full_url()
    site = page.get_site()
    if site is None:
        return None
    root_path = site.root_page.url_path
    if not url_path.startswith(root_path):
        return None
    return site.root_url.rstrip("/") + "/" + url_path[len(root_path) :]


# --- Which URLs a change affects ----------------------------------------------------------


def urls_for_article(article, url_path: str | None = None, parent: Page | None = None) -> set[str]:
    """The article, its hub (every page of it) and feed, home, the site feed, the sitemap,
    and the tag, author and organisation pages it is listed on (with their indexes)."""
    from coverage.models import AuthorIndexPage, OrganisationIndexPage, TagIndexPage
    from editorial.models import Author

    root = _root_url(article)
    urls = {_full(root, path) for path in site_paths()}
    if article.pk:
        urls.add(_full(root, reverse("coverage_api:articles:detail", args=[article.pk])))
    own = _page_url(article, url_path)
    if own:
        urls.add(own)
    hub = (parent or article.get_parent()).specific
    hub_url = hub.get_full_url()
    if hub_url:
        urls.add(hub_url)
        if hasattr(hub, "reverse_subpage"):
            urls.add(hub_url + hub.reverse_subpage("feed").lstrip("/"))
    urls |= _index_item_urls(TagIndexPage, article.tags.all())
    urls |= _index_item_urls(
        AuthorIndexPage, Author.objects.filter(bylines__page=article).distinct()
    )
    urls |= _index_item_urls(OrganisationIndexPage, article.organisations.all())
    return urls


def urls_for_page(page: Page, url_path: str | None = None, parent: Page | None = None) -> set[str]:
    """Every reader URL that shows ``page`` (before a move: at ``url_path`` under ``parent``)."""
    from coverage.models import ArticlePage, PrintIssuePage, TopicHubPage

    page = page.specific
    if isinstance(page, ArticlePage):
        # With the live issues whose table of contents lists its headline (an author's
        # edit, which never changes it, leaves them be).
        issues = PrintIssuePage.objects.live().filter(slots__article=page).distinct()
        return urls_for_article(page, url_path, parent) | {
            url for url in map(_page_url, issues) if url
        }
    root = _root_url(page)
    urls = {_full(root, path) for path in site_paths()}
    own = _page_url(page, url_path)
    if own:
        urls.add(own)
        if isinstance(page, TopicHubPage):
            urls.add(own + page.reverse_subpage("feed").lstrip("/"))
    if isinstance(page, PrintIssuePage):
        # Its articles name it, the archive lists it.
        for article in ArticlePage.objects.live().filter(print_slots__issue=page).distinct():
            urls |= {url for url in [_page_url(article)] if url}
        parent_url = _page_url(parent or page.get_parent())
        if parent_url:
            urls.add(parent_url)
    return urls


def urls_for_image(image) -> set[str]:
    """Every live page that shows the image (Wagtail's reference index) and what lists
    them, and the pages of authors whose portrait it is."""
    from django.contrib.contenttypes.models import ContentType

    from editorial.models import Author

    ids_by_type: dict[int, set[int]] = {}
    for content_type_id, object_id in ReferenceIndex.get_references_to(image).values_list(
        "base_content_type_id", "object_id"
    ):
        if str(object_id).isdigit():
            ids_by_type.setdefault(content_type_id, set()).add(int(object_id))
    page_type = ContentType.objects.get_for_model(Page).pk
    author_type = ContentType.objects.get_for_model(Author).pk
    urls: set[str] = set()
    for page in Page.objects.filter(pk__in=ids_by_type.get(page_type, ())).live().specific():
        urls |= urls_for_page(page)
    for author in Author.objects.filter(pk__in=ids_by_type.get(author_type, ())):
        urls |= urls_for_author(author)
    return urls


def urls_for_author(author) -> set[str]:
    """The author's page and every live article with their byline (with what those show)."""
    from coverage.models import ArticlePage, AuthorIndexPage

    urls = _index_item_urls(AuthorIndexPage, [author]) if author.slug else set()
    for article in ArticlePage.objects.live().filter(bylines__author=author).distinct():
        urls |= urls_for_article(article)
    return urls


# --- Purging --------------------------------------------------------------------------


def enabled() -> bool:
    """Whether any frontend cache is configured (the handlers do nothing otherwise)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls: Iterable[str]) -> None:
    """Purge ``urls`` from every backend in ``WAGTAILFRONTENDCACHE``, after the commit.

    Synchronously by default (``COVERAGE_PURGE_IN_REQUEST``): a PURGE to a Varnish
    beside the app takes a millisecond, and the task queue's poll would make the
    reader wait a second or more for the new version.
    """
    batch = PurgeBatch(urls)
    if not batch.urls or not enabled():
        return

    def run() -> None:
        if getattr(settings, "COVERAGE_PURGE_IN_REQUEST", True):
            purge_urls_from_cache_task.call(sorted(batch.urls))
        else:
            batch.purge()

    transaction.on_commit(run)


# --- Signal handlers ----------------------------------------------------------------------


def _article_pre_save(sender, instance, update_fields=None, **kwargs) -> None:
    """Before a live article's full save (a publish), note the URLs its old state showed
    on (tags, bylines or organisations taken off appear on those pages no more)."""
    if not instance.pk or update_fields is not None or not enabled():
        return
    try:
        old = type(instance).objects.get(pk=instance.pk)
    except type(instance).DoesNotExist:
        return
    if old.live:
        instance._purge_urls_before = urls_for_page(old)


def _published(sender, instance, **kwargs) -> None:
    if not enabled():
        return
    urls = urls_for_page(instance) | getattr(instance, "_purge_urls_before", set())
    instance._purge_urls_before = set()
    purge(urls)


def _unpublished(sender, instance, **kwargs) -> None:
    if not enabled():
        return
    urls = urls_for_page(instance) | getattr(instance, "_purge_urls_before", set())
    instance._purge_urls_before = set()
    purge(urls)


def _moved(
    sender, instance, url_path_before=None, url_path_after=None, parent_page_before=None, **kwargs
) -> None:
    if not enabled():
        return
    urls = urls_for_page(instance)
    if url_path_before and url_path_before != url_path_after:
        urls |= urls_for_page(instance, url_path=url_path_before, parent=parent_page_before)
        for descendant in instance.get_descendants().live().specific():
            old_path = url_path_before + descendant.url_path[len(url_path_after) :]
            urls |= urls_for_page(descendant) | urls_for_page(descendant, url_path=old_path)
    if instance.live or instance.get_descendants().live().exists():
        purge(urls)


def _image_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if created or not enabled():
        return  # nothing shows a photo that did not exist
    if update_fields is not None and not (
        set(update_fields) & {"caption", "source_agency", "photographer", "title", "file"}
    ):
        return
    purge(urls_for_image(instance))


def _author_saved(sender, instance, created=False, **kwargs) -> None:
    if created or not enabled():
        return
    purge(urls_for_author(instance))


def connect() -> None:
    """Connect the handlers (CoverageConfig.ready), and disconnect Wagtail's own, which
    purge the page alone (ours purge it with everything else)."""
    from django.apps import apps
    from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers

    from coverage.models import ArticlePage, CreditedImage
    from editorial.models import Author

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(wagtail_handlers.page_published_signal_handler, model)
            page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, model)
    page_published.connect(_published, dispatch_uid="coverage.purge.published")
    page_unpublished.connect(_unpublished, dispatch_uid="coverage.purge.unpublished")
    post_page_move.connect(_moved, dispatch_uid="coverage.purge.moved")
    pre_save.connect(_article_pre_save, sender=ArticlePage, dispatch_uid="coverage.purge.pre")
    post_save.connect(_image_saved, sender=CreditedImage, dispatch_uid="coverage.purge.image")
    post_save.connect(_author_saved, sender=Author, dispatch_uid="coverage.purge.author")
