"""Demo coverage for `manage.py load_demo`: pages, credited photos and published articles.

``load_coverage(home)`` is idempotent: pages are found by slug or topic, photos by title,
authors by full name, organisations by short name, plan items by kind in the 2020 plan.
What the programme demo has not provided (no programme, a missing topic or organisation)
is skipped with a note in the log, never invented here; outside authors are the exception,
since bylines are coverage's own facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Page, PageLogEntry, Revision

from coverage.demo.content import ARTICLES, SIGNING, DemoArticle, DemoAuthor
from coverage.demo.images import get_or_create_photo
from coverage.demo.notices import add_demo_correction
from coverage.models import (
    ArticleByline,
    ArticlePage,
    AuthorIndexPage,
    HomePage,
    OrganisationIndexPage,
    ProgrammePage,
    TagIndexPage,
    TopicHubPage,
)
from editorial.models import Author, Organisation, PlanItem, Programme

HOME_INTRO = (
    "Tin, bài và nghiên cứu của Tạp chí Cộng sản về chương trình phối hợp với Đảng ủy Khối "
    "Doanh nghiệp Trung ương, giai đoạn 2020–2025."
)
INDEX_PAGES = (
    (TagIndexPage, "Từ khóa", "the"),
    (AuthorIndexPage, "Tác giả", "tac-gia"),
    (OrganisationIndexPage, "Đơn vị", "don-vi"),
)


@dataclass
class CoverageDemoReport:
    created_pages: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _publish(page: Page, when: dt.datetime | None = None) -> Page:
    """Publish through a revision (real history), dated ``when`` if given."""
    revision = page.save_revision()
    revision.publish()
    if when is not None:
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
        PageLogEntry.objects.filter(page=page).update(timestamp=when)
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
    page.refresh_from_db()
    return page


def _add_published(parent: Page, page: Page, when: dt.datetime | None = None) -> Page:
    page.live = False
    parent.add_child(instance=page)
    return _publish(page, when)


def find_programme() -> Programme | None:
    """The 2020–2025 programme signed on 5 March 2020 (or the only one there is)."""
    return (
        Programme.objects.filter(signed_on=dt.date(2020, 3, 5)).first()
        or Programme.objects.order_by("start_year").first()
    )


def _programme_page(home: HomePage, programme: Programme, report) -> ProgrammePage:
    page = ProgrammePage.objects.child_of(home).first()
    if page is None:
        page = _add_published(
            home,
            ProgrammePage(
                title=f"Chương trình phối hợp {programme.period}",
                slug="chuong-trinh",
                programme=programme,
                show_in_menus=True,
                intro="Toàn văn các nội dung đã ký và tiến độ thực hiện theo từng năm.",
            ),
        )
        report.created_pages.append(page.title)
    return page


def _hubs(programme_page: ProgrammePage, programme: Programme, report) -> dict[int, TopicHubPage]:
    hubs: dict[int, TopicHubPage] = {}
    for topic in programme.topics.order_by("number"):
        hub = TopicHubPage.objects.filter(topic=topic).first()
        if hub is None:
            hub = _add_published(
                programme_page,
                TopicHubPage(title=topic.name, slug=topic.slug, topic=topic),
            )
            report.created_pages.append(hub.title)
        hubs[topic.number] = hub
    missing = sorted(set(range(1, 6)) - set(hubs))
    if missing:
        report.skipped.append(f"topics {missing} are missing from the programme: no hub pages")
    return hubs


def _indexes(home: HomePage, report) -> None:
    for model, title, slug in INDEX_PAGES:
        if not model.objects.exists():
            _add_published(home, model(title=title, slug=slug, show_in_menus=True))
            report.created_pages.append(title)


def _author(spec: DemoAuthor) -> Author:
    organisation = (
        Organisation.objects.filter(short_name=spec.organisation).first()
        if spec.organisation
        else None
    )
    author, _created = Author.objects.get_or_create(
        full_name=spec.full_name,
        defaults={
            "academic_title": spec.academic_title,
            "position": spec.position,
            "organisation": organisation,
            "bio": spec.bio,
        },
    )
    return author


def _plan_item(programme: Programme, kind: str) -> PlanItem | None:
    if not kind:
        return None
    return (
        PlanItem.objects.filter(plan__programme=programme, plan__year=2020, kind=kind)
        .select_related("topic")
        .order_by("sort_order", "pk")
        .first()
    )


def _body(spec: DemoArticle) -> list:
    """The spec's blocks, with its extra photos after the first paragraph."""
    blocks = list(spec.body)
    photos = [
        ("image", {"image": get_or_create_photo(photo), "caption": ""})
        for photo in spec.body_photos
    ]
    return blocks[:1] + photos + blocks[1:]


def _article(spec: DemoArticle, programme: Programme, hubs, report) -> ArticlePage | None:
    existing = ArticlePage.objects.filter(slug=spec.slug).first()
    if existing is not None:
        return existing
    plan_item = _plan_item(programme, spec.plan_kind)
    if spec.plan_kind and plan_item is None:
        report.skipped.append(f"{spec.slug}: no 2020 plan item of kind {spec.plan_kind}")
    # An article delivering a plan item lives under that item's topic.
    number = plan_item.topic.number if plan_item and plan_item.topic else spec.topic
    hub = hubs.get(number)
    if hub is None:
        report.skipped.append(f"{spec.slug}: no hub for topic {number}, article not created")
        return None
    organisations = list(Organisation.objects.filter(short_name__in=spec.organisations))
    missing = set(spec.organisations) - {o.short_name for o in organisations}
    if missing:
        report.skipped.append(f"{spec.slug}: organisations {sorted(missing)} not found")
    article = ArticlePage(
        title=spec.title,
        slug=spec.slug,
        sapo=spec.sapo,
        hero_image=get_or_create_photo(spec.hero),
        body=_body(spec),
        source_line=spec.source_line,
        plan_item=plan_item,
        live=False,
    )
    hub.add_child(instance=article)
    for author_spec in spec.authors:
        article.bylines.add(ArticleByline(author=_author(author_spec)))
    article.tags.add(*spec.tags)
    article.organisations.set(organisations)
    article.save()
    report.created_pages.append(spec.title)
    return _publish(article, spec.published)


def _home(home: HomePage, lead: ArticlePage | None) -> None:
    changed = False
    if not home.intro:
        home.intro = HOME_INTRO
        changed = True
    if lead is not None and home.lead_article_id is None:
        home.lead_article = lead
        changed = True
    if changed:
        _publish(home)


@transaction.atomic
def load_coverage(home: Page, log: Callable[[str], object] = print) -> CoverageDemoReport:
    """Create the demo coverage under ``home``; safe to run again."""
    report = CoverageDemoReport()
    home = home.specific
    programme = find_programme()
    if programme is None:
        report.skipped.append("no programme in the database: no programme page, hubs or articles")
    else:
        # Created first so the programme leads the site menu.
        programme_page = _programme_page(home, programme, report)
        hubs = _hubs(programme_page, programme, report)
        articles = {spec.slug: _article(spec, programme, hubs, report) for spec in ARTICLES}
        _home(home, articles.get(SIGNING.slug))
        if add_demo_correction() is not None:
            report.created_pages.append("correction notice")
    _indexes(home, report)
    log(f"Coverage: {len(report.created_pages)} pages created.")
    for note in report.skipped:
        log(f"Coverage demo skipped: {note}")
    return report
