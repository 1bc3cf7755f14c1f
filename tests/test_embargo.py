"""Embargo (issue 20): an approved article is held until its embargo time on every public
surface, goes live then through the scheduler alone, and only the editor-in-chief may
lift it early, which the page history records."""

import datetime as dt
import json
import os

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import PageLogEntry, Site

from coverage.embargo import EMBARGO_BROKEN
from coverage.models import ArticleByline, ArticlePage, TopicHubPage
from coverage.publication import PublicationRefused
from coverage.sitemaps import SITEMAPS
from editorial.models import Author, Organisation
from editorial.pipelines.scheduler import tick
from tests.support.pipelines import (
    act,
    client_for,
    credited_image,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
    modal_step,
    user,
)

pytestmark = pytest.mark.django_db

HEADLINE = "Thông cáo chung về hội thảo khơi thông nguồn lực doanh nghiệp"


def local_minute(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def embargoed(demo, demo_password):
    """An events-pipeline article, under embargo for three hours, approved by its editor."""
    article = draft_article(
        5,
        title=HEADLINE,
        slug="thong-cao-chung-hoi-thao-khoi-thong-nguon-luc",
        hero_image=credited_image(title="Ảnh thông cáo chung"),
    )
    article = ArticlePage.objects.get(pk=article.pk)
    article.embargo_until = (timezone.now() + dt.timedelta(hours=3)).replace(
        second=0, microsecond=0
    )
    article.tags.add("Thông cáo chung thử nghiệm")
    article.organisations.set([Organisation.objects.get(short_name="EVN")])
    article.bylines.add(ArticleByline(author=Author.objects.create(full_name="Trần Văn Thông Cáo")))
    article.save()  # the byline rows get their ids, as the editor form would have given them
    article.save_revision(user=user("phongvien"))
    article.get_workflow().start(article, user("phongvien"))
    reviewer = current_state(article).specific.reviewer  # the step's named editor
    response = act(client_for(reviewer.username, demo_password), article, "approve")
    assert modal_step(response) == "success", response.content.decode()[:2000]
    return ArticlePage.objects.get(pk=article.pk)


def public_urls(client) -> list[str]:
    """Every public page and file a crawler reads, from the home page down."""
    site = Site.objects.get(is_default_site=True)
    urls = ["/", "/rss/", "/sitemap.xml", "/dinh-chinh/"]
    urls += [reverse("coverage_sitemap_section", args=[section]) for section in SITEMAPS]
    for hub in TopicHubPage.objects.live():
        hub_url = hub.get_url()
        urls += [hub_url, hub_url + hub.reverse_subpage("feed").lstrip("/")]
    for page in site.root_page.get_descendants(inclusive=True).live().not_type(ArticlePage):
        urls.append(page.get_url())
    urls += [
        "/the/thong-cao-chung-thu-nghiem/",
        "/tac-gia/tran-van-thong-cao/",
        "/don-vi/evn/",
        reverse("search") + "?q=" + HEADLINE,
        reverse("search_autocomplete") + "?q=" + HEADLINE[:20],
    ]
    return sorted(set(urls))


def traces(article, url: str) -> list[str]:
    """What would give the article away: its address, its photo's file name and (but on
    search pages, which repeat the query) its headline."""
    stem = os.path.splitext(os.path.basename(article.hero_image.file.name))[0]
    echoes_query = url.startswith(reverse("search"))
    return [article.slug, stem] + ([] if echoes_query else [HEADLINE])


def crawl(client, article) -> dict[str, list[str]]:
    """The public URLs that show any trace of ``article``, with what they show."""
    found = {}
    for url in public_urls(client):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        body = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            body = json.dumps(json.loads(body), ensure_ascii=False)
        seen = [trace for trace in traces(article, url) if trace in body]
        if seen:
            found[url] = seen
    return found


def test_approval_schedules_the_publication_for_the_embargo_time(embargoed):
    assert current_state(embargoed) is None  # the pipeline is done
    assert not embargoed.live
    scheduled = embargoed.scheduled_revision
    assert scheduled is not None
    assert scheduled.approved_go_live_at == embargoed.get_latest_revision_as_object().embargo_until


def test_nothing_public_shows_it_until_the_time_then_everything_does(embargoed, client):
    until = embargoed.get_latest_revision_as_object().embargo_until
    article_url = embargoed.get_parent().get_url() + embargoed.slug + "/"

    with time_machine.travel(until - dt.timedelta(minutes=1), tick=False):
        tick()
        assert client.get(article_url).status_code == 404
        assert crawl(client, embargoed) == {}

    with time_machine.travel(until + dt.timedelta(minutes=1), tick=False):
        tick()  # the scheduler alone: nothing done by hand
        article = ArticlePage.objects.get(pk=embargoed.pk)
        assert article.live
        response = client.get(article_url)
        assert response.status_code == 200
        assert "NewsArticle" in response.content.decode()
        found = crawl(client, embargoed)
    for url in ("/", "/rss/", "/the/thong-cao-chung-thu-nghiem/", "/tac-gia/tran-van-thong-cao/"):
        assert url in found, (url, found)
    assert any(url.startswith("/tim-kiem/?") for url in found), found
    assert any(url.startswith(reverse("search_autocomplete")) for url in found), found
    assert any("sitemap-bai-viet" in url for url in found), found


def test_a_page_made_live_by_a_back_door_still_does_not_show(embargoed, client):
    ArticlePage.objects.filter(pk=embargoed.pk).update(
        live=True, embargo_until=embargoed.get_latest_revision_as_object().embargo_until
    )
    article = ArticlePage.objects.get(pk=embargoed.pk)
    assert article.live
    assert not ArticlePage.objects.visible().filter(pk=article.pk).exists()
    assert client.get(article.get_url()).status_code == 404
    assert crawl(client, article) == {}


def test_publishing_before_the_time_is_refused_on_every_path(embargoed, demo_password):
    held = embargoed.scheduled_revision.as_object()
    held.go_live_at = None
    with pytest.raises(PublicationRefused):
        held.save_revision(user=user("tongbientap")).publish(user=user("tongbientap"))
    assert not ArticlePage.objects.get(pk=embargoed.pk).live

    # The editor-in-chief's Publish button: refused with the reason, nothing goes live.
    chief = client_for("tongbientap", demo_password)
    data = edit_post_data(embargoed, **{"action-publish": "action-publish"})
    response = chief.post(edit_url(embargoed), data)
    assert response.status_code == 200
    assert not ArticlePage.objects.get(pk=embargoed.pk).live


def test_a_schedule_set_before_the_embargo_is_withheld_by_the_scheduler(embargoed):
    # Scheduling is not going live, so the model lets it be saved; the scheduler holds it.
    held = embargoed.scheduled_revision.as_object()
    until = held.embargo_until
    held.go_live_at = until - dt.timedelta(hours=2)
    held.save_revision(user=user("tongbientap")).publish(user=user("tongbientap"))
    with time_machine.travel(until - dt.timedelta(hours=1), tick=False):
        result = tick()
    assert result["withheld"] == 1
    assert not ArticlePage.objects.get(pk=embargoed.pk).live


def test_an_editor_may_not_lift_or_shorten_the_embargo(embargoed, demo_password):
    editor = client_for("bientap", demo_password)
    url = reverse("coverage_break_embargo", args=[embargoed.pk])
    assert editor.get(url).status_code == 403
    assert editor.post(url).status_code == 403
    assert not ArticlePage.objects.get(pk=embargoed.pk).live

    response = editor.post(edit_url(embargoed), edit_post_data(embargoed, embargo_until=""))
    assert response.status_code == 200
    assert "embargo_until" in response.context["form"].errors
    latest = ArticlePage.objects.get(pk=embargoed.pk).get_latest_revision_as_object()
    assert latest.embargo_until is not None
    assert not PageLogEntry.objects.filter(page=embargoed, action=EMBARGO_BROKEN).exists()


def test_the_editor_in_chief_lifts_it_and_the_history_says_so(embargoed, demo_password, client):
    chief = client_for("tongbientap", demo_password)
    url = reverse("coverage_break_embargo", args=[embargoed.pk])
    assert url in chief.get(edit_url(embargoed)).content.decode()  # the header button
    assert chief.get(url).status_code == 200  # the confirmation

    response = chief.post(url)
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=embargoed.pk)
    assert article.live
    assert article.embargo_until is None
    assert article.scheduled_revision is None  # the old schedule is gone
    entry = PageLogEntry.objects.get(page=article, action=EMBARGO_BROKEN)
    assert entry.user == user("tongbientap")
    assert entry.revision_id == article.live_revision_id
    assert client.get(article.get_url()).status_code == 200

    history = chief.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert str(registry.get_action_label(EMBARGO_BROKEN)) in history.content.decode()


def test_the_demo_holds_one_approved_article_under_a_future_embargo(demo, client):
    article = ArticlePage.objects.get(
        slug="cong-bo-ket-qua-hoi-thao-khoi-thong-nguon-luc-doanh-nghiep-nha-nuoc"
    )
    held = article.get_latest_revision_as_object()
    assert held.embargo_until > timezone.now()
    assert not article.live
    assert current_state(article) is None  # approved, the pipeline done
    assert article.scheduled_revision.approved_go_live_at == held.embargo_until
