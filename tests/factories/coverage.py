"""Coverage factories: credited images with factory_boy; pages with helpers that add them
to the tree and publish through revisions, as editors do; the programme facts the site
reads, by the demo's natural keys."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Page, Site

from coverage.models import (
    ArticleByline,
    ArticlePage,
    AuthorIndexPage,
    CreditedImage,
    HomePage,
    OrganisationIndexPage,
    ProgrammePage,
    TagIndexPage,
    TopicHubPage,
)
from editorial.enums import SignatoryRole
from editorial.models import Author, Organisation, Programme, ProgrammeParty, ProgrammePerson
from tests.factories.editorial import (
    AuthorFactory,
    OrganisationFactory,
    PlanFactory,
    PlanItemFactory,
    ProgrammeFactory,
    TopicFactory,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def local(year, month, day, hour=15, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=HANOI)


def image_file(name: str = "anh.jpg", colour=(120, 30, 30), size=(320, 200)) -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    buffer.seek(0)
    return ImageFile(buffer, name=name)


class CreditedImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditedImage

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.LazyAttribute(lambda o: image_file(f"anh-{o.title}.jpg"))
    source_agency = "VGP"
    photographer = "Nguyễn Hoàng"
    caption = factory.LazyAttribute(lambda o: f"Chú thích {o.title}")


def publish(page: Page, when: dt.datetime | None = None) -> Page:
    """Publish through a revision, then date it like the story."""
    page.save_revision().publish()
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when
        )
    page.refresh_from_db()
    return page


def site_tree(programme: Programme | None = None, topic_count: int = 2) -> dict:
    """Home, programme page, hubs and the three indexes, all live; the default site's root."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "TCCS"},
    )
    programme = programme or ProgrammeFactory()
    programme_page = home.add_child(
        instance=ProgrammePage(title="Chương trình", slug="chuong-trinh", programme=programme)
    )
    hubs = []
    for number in range(1, topic_count + 1):
        topic = TopicFactory(programme=programme, number=number)
        hubs.append(
            programme_page.add_child(
                instance=TopicHubPage(title=topic.name, slug=f"chu-de-{number}", topic=topic)
            )
        )
    indexes = {
        "tag": home.add_child(instance=TagIndexPage(title="Từ khóa", slug="the")),
        "author": home.add_child(instance=AuthorIndexPage(title="Tác giả", slug="tac-gia")),
        "organisation": home.add_child(
            instance=OrganisationIndexPage(title="Đơn vị", slug="don-vi")
        ),
    }
    return {
        "home": home,
        "programme": programme,
        "programme_page": programme_page,
        "hubs": hubs,
        **indexes,
    }


def make_article(
    hub: TopicHubPage,
    title: str = "Bài viết",
    *,
    authors: list[Author] | None = None,
    tags: list[str] | None = None,
    organisations: list[Organisation] | None = None,
    hero: CreditedImage | None = None,
    body: list | None = None,
    live: bool = True,
    when: dt.datetime | None = None,
    **fields,
) -> ArticlePage:
    fields.setdefault("sapo", f"Sapo của {title}.")
    article = ArticlePage(title=title, live=False, hero_image=hero, body=body or [], **fields)
    hub.add_child(instance=article)
    for author in authors if authors is not None else [AuthorFactory()]:
        article.bylines.add(ArticleByline(author=author))
    if tags:
        article.tags.add(*tags)
    if organisations:
        article.organisations.set(organisations)
    if live:
        return publish(article, when or local(2020, 3, 5))
    article.save_revision()
    article.refresh_from_db()
    return article


DEMO_ORGANISATIONS = (
    "DUKDNTW", "TCCS", "VGP", "EVN", "PVN", "TKV", "VINACHEM", "HUD",
    "SONGDA", "VDB", "AGRIBANK", "VIETCOMBANK", "VIETINBANK", "BIDV",
)  # fmt: skip


def programme_facts(*, topics=range(1, 6), organisations=DEMO_ORGANISATIONS) -> Programme:
    """What the programme demo provides, by its natural keys: the programme, topics by
    number, organisations by short name and a 2020 plan with one item per kind."""
    from editorial.enums import PlanItemKind

    programme = ProgrammeFactory()
    for short_name in organisations:
        OrganisationFactory(short_name=short_name)
    committee = Organisation.objects.filter(short_name="DUKDNTW").first()
    review = Organisation.objects.filter(short_name="TCCS").first()
    for order, organisation in enumerate(o for o in (committee, review) if o):
        ProgrammeParty.objects.create(
            programme=programme, organisation=organisation, sort_order=order
        )
    ProgrammePerson.objects.create(
        programme=programme, role=SignatoryRole.SIGNATORY, name="Đoàn Minh Huấn",
        position="Tổng Biên tập Tạp chí Cộng sản", organisation=review,
    )  # fmt: skip
    ProgrammePerson.objects.create(
        programme=programme, role=SignatoryRole.WITNESS, name="Nguyễn Văn Bình",
        position="Ủy viên Bộ Chính trị, Trưởng Ban Kinh tế Trung ương",
    )  # fmt: skip
    numbered = {n: TopicFactory(programme=programme, number=n) for n in topics}
    plan = PlanFactory(programme=programme, year=2020)
    for kind, number in [
        (PlanItemKind.RESEARCH, 1),
        (PlanItemKind.CONGRESS, 3),
        (PlanItemKind.SEMINAR, 5),
        (PlanItemKind.CAMPAIGN, 4),
        (PlanItemKind.VOLUNTEER, 5),
    ]:
        PlanItemFactory(plan=plan, kind=kind, topic=numbered.get(number), title=f"Hạng mục {kind}")
    return programme
