"""The coverage demo loader: the signing article first, idempotent, degrades without data."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from coverage.demo import load_coverage
from coverage.demo.content import ARTICLES, SIGNING
from coverage.demo.site import load_site
from coverage.models import ArticlePage, CreditedImage, HomePage, TopicHubPage
from tests.factories import programme_facts

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CreditedImage.objects.count(),
        "log": PageLogEntry.objects.count(),
    }


@pytest.fixture
def loaded(db):
    programme_facts()
    home = load_site()
    report = load_coverage(home, log=lambda _message: None)
    return home, report


def test_creates_hubs_and_every_article(loaded):
    _home, report = loaded
    assert TopicHubPage.objects.count() == 5
    assert ArticlePage.objects.live().count() == len(ARTICLES) >= 13
    assert report.skipped == []


def test_signing_is_the_first_published_article(loaded):
    first = ArticlePage.objects.live().order_by("first_published_at").first()
    assert first.slug == SIGNING.slug
    local = first.first_published_at.astimezone(HANOI)
    assert local.date() == dt.date(2020, 3, 5)
    assert local.hour >= 12  # the ceremony was in the afternoon
    assert first.source_line == "Chinhphu.vn"
    assert first.hero_image.credit_line == "Ảnh: VGP/Nguyễn Hoàng"


def test_articles_are_published_through_revisions(loaded):
    for article in ArticlePage.objects.all():
        assert article.live_revision is not None
        assert PageLogEntry.objects.filter(page=article, action="wagtail.publish").exists()


def test_every_demo_photo_is_credited(loaded):
    assert CreditedImage.objects.exists()
    for image in CreditedImage.objects.all():
        assert image.has_credit, image.title


def test_running_twice_changes_nothing(loaded):
    home, _report = loaded
    before = _snapshot()
    load_coverage(home, log=lambda _message: None)
    assert _snapshot() == before


def test_home_leads_with_the_signing(loaded, client):
    home = HomePage.objects.get()
    assert home.lead_article.slug == SIGNING.slug
    assert SIGNING.title in client.get("/").content.decode()


def test_without_programme_it_skips_and_says_so(db):
    home = load_site()
    messages = []
    report = load_coverage(home, log=messages.append)
    assert not ArticlePage.objects.exists()
    assert any("no programme" in note for note in report.skipped)
    assert any("no programme" in message for message in messages)


def test_missing_topic_skips_its_articles_only(db):
    programme_facts(topics=[1, 2, 3, 4])
    home = load_site()
    report = load_coverage(home, log=lambda _message: None)
    assert ArticlePage.objects.exists()
    assert not ArticlePage.objects.filter(slug=SIGNING.slug).exists()
    assert any(SIGNING.slug in note for note in report.skipped)


def test_load_demo_command_runs_the_coverage_loader(demo):
    out = io.StringIO()
    call_command("load_demo", stdout=out)  # a second time: the demo state loaded it once
    assert ArticlePage.objects.filter(slug=SIGNING.slug).count() == 1
    assert "Coverage:" in out.getvalue()
