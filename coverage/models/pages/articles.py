"""Article pages: the coverage itself, filed under a topic hub."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from coverage import embargo, publication
from coverage.blocks import ArticleBodyBlock
from coverage.forms.articles import ArticlePageForm
from coverage.models.images import CreditedImage, CreditedRendition
from coverage.models.pages.mixins import ReaderPageMixin
from coverage.models.pages.notices import ArticleNoticesMixin, keep_recorded
from coverage.models.tags import TaggedArticle
from coverage.page_permissions import ArticlePermissionTester
from editorial.models.topics import ProgrammeTopic

# Renditions list cards and metadata use; prefetched with the hero images.
CARD_FILTER = "fill-640x360"
SHARE_FILTER = "fill-1200x630"
HERO_FILTERS = ("width-720", "width-1440", SHARE_FILTER)
RELATED_COUNT = 4


def vietnamese_date(moment) -> str:
    """The date as articles print it: "ngày 5-3-2020" (local time, no leading zeros)."""
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"ngày {moment.day}-{moment.month}-{moment.year}"


class ArticlePageQuerySet(PageQuerySet):
    def visible(self) -> ArticlePageQuerySet:
        """What anonymous readers may see: live, not behind a view restriction, and not
        under an embargo (``coverage.embargo``: also when some back door made it live)."""
        return self.live().public().filter(embargo.not_embargoed())

    def for_cards(self, *image_filters: str) -> ArticlePageQuerySet:
        """Newest first, with bylines, authors and hero renditions fetched in fixed queries."""
        renditions = CreditedRendition.objects.filter(
            filter_spec__in=image_filters or (CARD_FILTER,)
        )
        return (
            self.select_related("hero_image")
            .prefetch_related(
                Prefetch(
                    "bylines",
                    queryset=ArticleByline.objects.select_related("author").order_by("sort_order"),
                ),
                Prefetch(
                    "hero_image__renditions",
                    queryset=renditions,
                    to_attr="prefetched_renditions",
                ),
            )
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticleByline(Orderable):
    """One author of an article, in printed order."""

    page = ParentalKey("coverage.ArticlePage", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "editorial.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
        help_text=_("Staff writer or outside author, as printed (with academic title)."),
    )

    panels: ClassVar[list] = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self) -> str:
        return str(self.author)


class ArticlePage(ArticleNoticesMixin, ReaderPageMixin, Page):
    """A published piece: news, interview or research article under one programme topic.

    Journalists draft it under the topic's hub page; the topic's pipeline approves it.
    The headline is the page title; the first publication date is printed with it.
    """

    base_form_class = ArticlePageForm

    template = "pages/article_page.html"
    parent_page_types: ClassVar[list] = ["coverage.TopicHubPage"]
    subpage_types: ClassVar[list] = []

    # Blank in the database so a draft (e.g. one started from an assignment) can be saved
    # before the lead is written; the admin form requires it to publish or submit.
    sapo = models.TextField(
        _("sapo"),
        blank=True,
        help_text=_("The lead paragraph in bold under the headline: two or three sentences."),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown above the article, on cards and when the article is shared. "
            "Its caption and credit come from the image."
        ),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=TaggedArticle,
        blank=True,
        help_text=_("Keywords readers can follow, e.g. Đại hội Đảng, hàng Việt Nam."),
    )
    organisations = ParentalManyToManyField(
        "editorial.Organisation",
        verbose_name=_("organisations mentioned"),
        blank=True,
        related_name="articles",
        help_text=_("Enterprises and bodies the article is about; each has a public page."),
    )
    source_line = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the story comes from, if not our own, e.g. Chinhphu.vn."),
    )
    plan_item = models.ForeignKey(
        "editorial.PlanItem",
        verbose_name=_("plan item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The annual-plan item this article delivers, if any."),
    )

    requested_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewing editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Who reviews it at the named-editor step. Leave blank for the assigned editor "
            "of the article's beat or topic."
        ),
    )

    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Hà Nội time. Nothing public shows the article before then, even once approved: "
            "the final approval schedules its publication for this moment. Not the same as "
            "“Go-live date”, which only says when to publish. Leave blank for no embargo."
        ),
    )

    objects = ArticlePageManager()

    content_panels: ClassVar[list] = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("sapo"),
        # No minimum here: a draft may lack a byline; going live without one is refused by
        # the article itself (coverage.publication), with the other problems, in one list.
        InlinePanel("bylines", heading=_("Bylines"), label=_("byline"), max_num=10),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("organisations"),
                FieldPanel("plan_item"),
                FieldPanel("source_line"),
            ],
            heading=_("Filing"),
        ),
        FieldPanel("requested_reviewer"),
        FieldPanel("embargo_until"),
        InlinePanel(
            "notices",
            heading=_("Corrections and updates"),
            label=_("notice"),
            max_num=20,
            help_text=_(
                "Readers see these at the top of the article once this version is published "
                "through the pipeline."
            ),
        ),
    ]

    search_fields: ClassVar[list] = [
        *Page.search_fields,
        index.SearchField("sapo", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields(
            "bylines", [index.RelatedFields("author", [index.SearchField("full_name")])]
        ),
        index.FilterField("first_published_at"),
        index.FilterField("embargo_until"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions: ClassVar[list] = [
            ("break_embargo_articlepage", _("Can lift an article's embargo early")),
        ]

    # --- Place in the tree ---------------------------------------------------------

    @cached_property
    def hub(self):
        """The topic hub this article is filed under (one query, or none if prefetched).

        Found through its topic (every hub has one), with the hub loaded alongside, so
        the article model need not know the hub model, which lists articles."""
        topic = ProgrammeTopic.objects.select_related("hub_page").filing(self).first()
        return topic.hub_page if topic else None

    @property
    def topic(self):
        """The programme topic, which is the parent hub's topic."""
        hub = self.hub
        return hub.topic if hub else None

    # --- What readers see ----------------------------------------------------------

    @cached_property
    def byline_list(self) -> list:
        """Bylines with their authors, in order (uses a prefetch when there is one)."""
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        bylines = (
            self.bylines.all() if "bylines" in prefetched else self.bylines.select_related("author")
        )
        return [byline for byline in bylines if byline.author_id]

    @property
    def byline_text(self) -> str:
        """ "PGS, TS. Đoàn Minh Huấn và TS. Nguyễn Văn A"."""
        names = [byline.author.display_name for byline in self.byline_list]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} và {names[-1]}"

    @cached_property
    def print_slot(self):
        """Its place in a live print issue's lineup, the one truth of where it ran in
        print (``attach_print_slots`` fills it for a list in fixed queries)."""
        return self.print_slots.in_print().first()

    @classmethod
    def attach_print_slots(cls, articles) -> list:
        """Fill ``print_slot`` on each article of a list (feeds, the API, the annual
        summary) in two queries: the slots, and the view restrictions ``in_print`` asks.
        The slot model is reached through the relation: articles do not import issues."""
        articles = list(articles)
        slot_model = cls._meta.get_field("print_slots").related_model
        found: dict = {}
        for slot in slot_model.objects.filter(article__in=[a.pk for a in articles]).in_print():
            found.setdefault(slot.article_id, slot)  # the earliest issue
        for article in articles:
            article.__dict__["print_slot"] = found.get(article.pk)
        return articles

    @property
    def print_issue(self):
        slot = self.print_slot
        return slot.issue if slot else None

    @property
    def description(self) -> str:
        return self.search_description or self.sapo

    def get_hero_image(self) -> CreditedImage | None:
        """The hero image with its article renditions prefetched (two queries)."""
        if not self.hero_image_id:
            return None
        return (
            CreditedImage.objects.prefetch_renditions(*HERO_FILTERS)
            .filter(pk=self.hero_image_id)
            .first()
        )

    def related_articles(self, tag_ids: list[int], limit: int = RELATED_COUNT) -> list:
        """Live articles sharing tags or the topic, most shared tags first, then newest."""
        hub = self.hub
        same_topic = Q(path__startswith=hub.path, depth=self.depth) if hub else Q(pk__in=[])
        shared = Q(tagged_items__tag_id__in=tag_ids) if tag_ids else Q(pk__in=[])
        candidates = (
            ArticlePage.objects.visible()
            .filter(same_topic | shared)
            .exclude(pk=self.pk)
            .values("pk")
            .annotate(
                shared_tags=Count("tagged_items", filter=shared, distinct=True),
            )
            .order_by("-shared_tags", "-first_published_at", "-pk")[:limit]
        )
        ids = [row["pk"] for row in candidates]
        articles = {
            article.pk: article for article in ArticlePage.objects.filter(pk__in=ids).for_cards()
        }
        return [articles[pk] for pk in ids if pk in articles]

    # --- Pipeline ------------------------------------------------------------------

    def get_publication_problems(self, at=None) -> list:
        """What stops this version going live (the pipeline's named interface), at ``at``
        or when it is scheduled to (now if it is not)."""
        images = [
            self.hero_image if self.hero_image_id else None,
            *publication.body_images(self.body),
        ]
        problems = publication.publication_problems(
            sapo=self.sapo, byline_count=len(self.byline_list), images=images
        )
        if embargo.under_embargo(self, at=at or embargo.going_live_at(self)):
            problems.append(publication.Problem(embargo.embargo_message(self)))
        return problems

    def publication_refusal(self, at=None):
        """The refusal to raise if this version may not go live (at ``at``; by default
        when it is scheduled to, or now), else None."""
        return publication.refusal(self, at=at)

    def held_until(self):
        """The embargo time, if this version would otherwise go live before it (at its
        scheduled time, or now); None if nothing holds it (the pipeline's sign-off asks)."""
        if embargo.under_embargo(self, at=embargo.going_live_at(self)):
            return self.embargo_until
        return None

    def permissions_for_user(self, user):
        # Moves that would change the article's pipeline: editorial.pipelines.moves.
        return ArticlePermissionTester(user, self)

    def _goes_live_with_this_save(self) -> bool:
        """True when this save makes the article live or puts a new version live.

        Wagtail's publish (every caller of it), a copy kept live and a page created live
        all end in this save with ``live`` set; a draft save of a live article keeps its
        live revision and is not a publication.
        """
        if not self.live:
            return False
        if self.pk is None:
            return True
        return (
            not type(self)
            .objects.filter(pk=self.pk, live=True, live_revision_id=self.live_revision_id)
            .exists()
        )

    def save(self, *args, **kwargs):
        # The one place publication is refused: see coverage.publication.
        if self._goes_live_with_this_save():
            # Now, not at go_live_at: whatever the schedule says, this save is going live.
            refused = self.publication_refusal(at=timezone.now())
            if refused is not None:
                raise refused
            keep_recorded(self)
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        # However it became live, an article under embargo is not there yet.
        if embargo.under_embargo(self):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags = list(self.tags.all())
        context.update(
            hero=self.get_hero_image(),
            bylines=self.byline_list,
            article_tags=tags,
            organisations=list(self.organisations.all()),
            related_articles=self.related_articles([tag.pk for tag in tags]),
        )
        return context
