"""Programme progress: on the demo, the 2020 report shows every 2020 plan item with the
articles and events linked to it, counted from the database at request time, and each
number leads to the list it counts."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from coverage.models import ArticlePage
from editorial.models import Assignment, PlanItem, ProgrammeEvent
from tests.support.reports import TOTAL, cell, report_url, screen_rows, screen_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(demo, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    return client


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def test_2020_report_lists_every_plan_item_with_its_live_articles(editor_client):
    rows = screen_rows(editor_client.get(report_url("progress", year=2020)))
    items = PlanItem.objects.filter(plan__year=2020)
    assert items.count() == 9
    for item in items:
        row = rows[item.title]
        live = ArticlePage.objects.live().filter(plan_item=item).count()
        held = ProgrammeEvent.objects.held().filter(plan_item=item).count()
        assert _count(row["articles"]) == live, item.title
        assert _count(row["events"]) == held, item.title
        assert _count(row["delivered"]) == live + held, item.title
        assert _count(row["target"]) == item.effective_target, item.title
    # Something was delivered: the check above is not 0 == 0 everywhere.
    assert sum(_count(row["articles"]) for label, row in rows.items() if label != TOTAL) >= 5
    assert TOTAL in rows


def test_numbers_follow_publishing_and_unpublishing(editor_client):
    item = PlanItem.objects.get(plan__year=2020, title="Đại hội đảng bộ các cấp trong Khối")
    url = report_url("progress", year=2020)
    before = _count(screen_rows(editor_client.get(url))[item.title]["articles"])
    article = ArticlePage.objects.live().filter(plan_item=item).first()

    article.unpublish()
    assert _count(screen_rows(editor_client.get(url))[item.title]["articles"]) == before - 1

    article.refresh_from_db()
    article.save_revision().publish()
    assert _count(screen_rows(editor_client.get(url))[item.title]["articles"]) == before

    # A draft linked to the item counts once it goes live, and the year's total with it.
    # (One that may go live once its lead is written: the article refuses otherwise.)
    for draft in ArticlePage.objects.filter(live=False).exclude(plan_item=item):
        draft.sapo = draft.sapo or "Sapo viết xong trước khi đăng."
        if not draft.get_publication_problems():
            break
    else:
        pytest.fail("the demo has no draft that could be published")
    total_before = _count(screen_rows(editor_client.get(url))[TOTAL]["articles"])
    draft.plan_item = item
    draft.save_revision().publish()
    rows = screen_rows(editor_client.get(url))
    assert _count(rows[item.title]["articles"]) == before + 1
    assert _count(rows[TOTAL]["articles"]) == total_before + 1


def test_each_number_links_to_the_list_it_counts(editor_client):
    item = PlanItem.objects.get(plan__year=2020, title="Đại hội đảng bộ các cấp trong Khối")
    response = editor_client.get(report_url("progress", year=2020))

    articles = cell(response, item.title, "articles")
    listing = editor_client.get(articles["link"])
    assert listing.status_code == 200
    assert listing.context["items_count"] == _count(articles["text"]) == 3

    published = cell(response, item.title, "published")
    listing = editor_client.get(published["link"])
    expected = Assignment.objects.with_stage().filter(plan_item=item, stage="published").count()
    assert listing.context["items_count"] == _count(published["text"]) == expected

    events_item = PlanItem.objects.get(plan__year=2020, title__startswith="Đại hội đại biểu")
    events = cell(response, events_item.title, "events")
    listing = editor_client.get(events["link"])
    assert listing.context["items_count"] == _count(events["text"]) == 1


def test_stage_counts_sum_the_assignments_of_the_year(editor_client):
    response = editor_client.get(report_url("progress", year=2020, by="topic"))
    totals = screen_rows(response)[TOTAL]
    by_stage = Assignment.objects.with_stage().filter(plan_item__plan__year=2020)
    assert _count(totals["published"]) == by_stage.filter(stage="published").count()
    assert (
        _count(totals["in_progress"])
        == by_stage.filter(stage__in=["accepted", "drafting", "changes_requested"]).count()
    )
    # The in-progress link is the desk listing with those stages ticked.
    link = cell(response, TOTAL, "in_progress")["link"]
    assert link.startswith(reverse("desk_assignment:index"))
    assert "stage=accepted" in link and "stage=drafting" in link


def test_by_year_lists_every_plan_year(editor_client):
    _keys, rows = screen_table(editor_client.get(report_url("progress", by="year")))
    years = [row[0]["text"] for row in rows]
    assert years == ["2020", "2021", "2022", "2023", "2024", "2025", TOTAL]


def test_chart_is_accessible_and_repeats_the_table(editor_client):
    html = editor_client.get(report_url("progress", year=2020)).content.decode()
    with translation.override(settings.LANGUAGE_CODE):
        title = gettext("Delivered against target, %(year)s") % {"year": 2020}
        delivered = gettext("Delivered")
    assert 'role="img"' in html
    assert f'-title">{title}</title>' in html
    assert "<desc id=" in html
    # Bars carry their number as a tooltip too; the table has the same number.
    assert f"Đại hội đảng bộ các cấp trong Khối — {delivered}: 3</title>" in html


def test_refiling_an_article_moves_its_article_and_its_assignment_alike(demo):
    """One truth for "which plan item": once a draft exists, the article's own filing,
    for the live-article count and the assignment's stage count alike."""
    from editorial.reports.queries.progress import ITEM, delivery

    assignment = (
        Assignment.objects.filter(article__live=True, plan_item__plan__year=2020)
        .select_related("plan_item")
        .first()
    )
    assert assignment is not None, "the demo has a published commission"
    article = ArticlePage.objects.get(pk=assignment.article_id)
    old = assignment.plan_item
    assert article.plan_item_id == old.pk
    new = PlanItem.objects.filter(plan__year=2020).exclude(pk=old.pk).first()
    before = delivery(ITEM, 2020)

    article.plan_item = new
    article.save_revision().publish()

    after = delivery(ITEM, 2020)
    for item, change in ((old, -1), (new, +1)):
        assert after[item.pk].articles == before[item.pk].articles + change, item.title
        published = after[item.pk].stages["published"]
        assert published == before[item.pk].stages["published"] + change, item.title
    assignment.refresh_from_db()
    assert assignment.plan_item_id == old.pk  # the commission's record is left as it was
