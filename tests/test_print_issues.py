"""Print issues: the planner, proof rounds and sign-off, the reader's issue page, and the
issue named on articles (page, JSON-LD, feed)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from coverage.enums import IssueSection, IssueStatus
from coverage.issues.sign_off import SIGN_OFF_ACTION
from coverage.models import (
    ArticlePage,
    IssueSignOff,
    IssueSlot,
    PrintIssueIndexPage,
    PrintIssuePage,
    ProofRound,
    TopicHubPage,
)
from editorial.enums import AssignmentStage
from editorial.models import Assignment
from tests.factories.coverage import make_article, publish
from tests.factories.editorial import AssignmentFactory

pytestmark = pytest.mark.django_db


def new_issue(number: int = 990, budget: int = 100, live: bool = True) -> PrintIssuePage:
    index = PrintIssueIndexPage.objects.get()
    issue = PrintIssuePage(
        title=f"Số {number}",
        slug=f"so-{number}",
        number=number,
        print_date=dt.date(2021, 3, 5),
        page_budget=budget,
        live=False,
    )
    index.add_child(instance=issue)
    return publish(issue) if live else issue


def add_slots(issue: PrintIssuePage, articles, section=IssueSection.STUDIES, pages: int = 4):
    """Add lineup slots as the page editor does: a new revision, published."""
    issue = PrintIssuePage.objects.get(pk=issue.pk)
    start = issue.slots.count()
    for order, article in enumerate(articles, start=start):
        issue.slots.add(
            IssueSlot(
                sort_order=order,
                section=section,
                article=article,
                start_page=10 + (order - start) * pages,
                page_count=pages,
            )
        )
    issue.save_revision().publish()


def add_assignment_slot(issue, assignment, publish_it: bool = True, **fields) -> None:
    issue = PrintIssuePage.objects.get(pk=issue.pk)
    issue.slots.add(IssueSlot(assignment=assignment, sort_order=issue.slots.count(), **fields))
    revision = issue.save_revision()
    if publish_it:
        revision.publish()


def user(username: str):
    return get_user_model().objects.get(username=username)


# --- Planner ----------------------------------------------------------------------------


def test_commission_form_offers_the_projected_issue(demo, login):
    client = login("bientap")
    response = client.get(reverse("desk_assignment:add"))
    assert response.status_code == 200
    assert 'name="projected_issue"' in response.content.decode()


def test_slated_assignment_shows_in_the_planner_with_stage_and_length(demo, login):
    issue = new_issue()
    hub = TopicHubPage.objects.select_related("topic").first()
    slated = AssignmentFactory(
        headline="Kinh tế tập thể trong giai đoạn mới",
        topic=hub.topic,
        projected_issue=issue,
        target_length=3000,
    )
    client = login("bientap")
    html = client.get(reverse("print_issues:planner", args=[issue.pk])).content.decode()
    row = re.search(r"Kinh tế tập thể trong giai đoạn mới.*?</tr>", html, re.S).group(0)
    assert str(AssignmentStage.COMMISSIONED.label) in row
    assert "3000" in row and "~5" in row  # 3000 words is about five printed pages
    # Once in the lineup it leaves the slated list and counts against the budget.
    # An editor saves the lineup as a draft (only the editor-in-chief publishes): the
    # planner reads the desk's latest revision.
    add_assignment_slot(issue, slated, publish_it=False, page_count=6, start_page=3)
    assert not IssueSlot.objects.filter(issue=issue).exists()
    html = client.get(reverse("print_issues:planner", args=[issue.pk])).content.decode()
    assert html.count("Kinh tế tập thể trong giai đoạn mới") == 1
    assert "3–8 (6)" in html


def test_planner_reads_a_drafted_assignment_stage_from_its_article(demo, login):
    drafted = Assignment.objects.exclude(article=None).with_stage().first()
    issue = new_issue()
    add_assignment_slot(issue, drafted, article_id=drafted.article_id, page_count=4)
    html = login("bientap").get(reverse("print_issues:planner", args=[issue.pk])).content
    assert drafted.get_stage_display() in html.decode()


def test_page_budget_warns_when_exceeded(demo, login):
    issue = new_issue(budget=10)
    articles = list(ArticlePage.objects.live()[:2])
    add_slots(issue, articles, pages=4)
    client = login("bientap")
    url = reverse("print_issues:planner", args=[issue.pk])
    assert "issue-budget--over" not in client.get(url).content.decode()
    add_slots(issue, list(ArticlePage.objects.live()[2:3]), pages=4)  # a third piece
    html = client.get(url).content.decode()
    assert "issue-budget--over" in html
    assert "12" in html


def test_journalists_cannot_open_the_planner(demo, login):
    issue = new_issue()
    client = login("phongvien")
    for url in (reverse("print_issues:planner", args=[issue.pk]), reverse("print_issues:index")):
        response = client.get(url)
        # Wagtail's admin denial: back to the dashboard with an error.
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_planner_queries_do_not_grow_with_the_lineup(demo, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("bientap")
    articles = list(ArticlePage.objects.live()[:8])
    assignments = list(Assignment.objects.exclude(article=None)[:3])
    small, large = new_issue(991), new_issue(992)
    add_slots(small, articles[:1])
    add_slots(large, articles)
    # One of each kind of row in the small issue, many in the large one.
    for issue, some in ((small, assignments[:1]), (large, assignments)):
        for assignment in some:
            add_assignment_slot(issue, assignment, page_count=3)
            AssignmentFactory(headline="Slated", topic=assignment.topic, projected_issue=issue)
    counts = []
    for issue in (small, large):
        url = reverse("print_issues:planner", args=[issue.pk])
        client.get(url)  # warm per-request caches (site, permissions)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# --- Proof rounds and sign-off ------------------------------------------------------------


def proofed_issue(*, completed: bool = True) -> PrintIssuePage:
    issue = new_issue(live=False)
    for order in range(2):
        proof = ProofRound(
            sort_order=order,
            due_date=dt.date(2021, 3, 1 + order),
            corrections=f"Sửa vòng {order + 1}",
            completed_at=timezone.now() if completed or order == 0 else None,
        )
        proof.proofreaders = [user("bientap2")]
        issue.proof_rounds.add(proof)
    issue.save_revision().publish()
    return issue


def test_proof_rounds_are_recorded_with_readers_and_corrections(demo, login):
    issue = proofed_issue(completed=False)
    assert issue.status == IssueStatus.IN_PROOF
    html = login("bientap").get(reverse("print_issues:planner", args=[issue.pk])).content.decode()
    assert "Sửa vòng 1" in html and "Sửa vòng 2" in html
    assert user("bientap2").get_full_name() in html
    # Part of the issue's own revisions: the history keeps each round's state.
    revision = issue.latest_revision.as_object()
    assert [p.corrections for p in revision.proof_rounds.all()] == ["Sửa vòng 1", "Sửa vòng 2"]


def test_only_the_editor_in_chief_signs_the_final_proof(demo, login, client):
    issue = proofed_issue()
    url = reverse("print_issues:sign_off", args=[issue.pk])
    assert login("bientap").post(url).status_code == 403
    assert not IssueSignOff.objects.filter(issue=issue).exists()
    client.logout()
    response = login("tongbientap").post(url)
    assert response.status_code == 302
    record = IssueSignOff.objects.get(issue=issue)
    assert record.signed_by.username == "tongbientap" and record.signed_at
    entry = PageLogEntry.objects.get(page=issue, action=SIGN_OFF_ACTION)
    assert entry.user.username == "tongbientap"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.ONLINE  # signed, and its page is live
    # A second click signs nothing more.
    login("tongbientap").post(url)
    assert PageLogEntry.objects.filter(page=issue, action=SIGN_OFF_ACTION).count() == 1


def test_sign_off_waits_for_every_proof_round(demo, login):
    issue = proofed_issue(completed=False)
    client = login("tongbientap")
    response = client.post(reverse("print_issues:sign_off", args=[issue.pk]), follow=True)
    assert not IssueSignOff.objects.filter(issue=issue).exists()
    assert b"issue-sign-off" not in response.content


def test_publishing_an_older_revision_keeps_the_sign_off(demo, login):
    issue = proofed_issue()
    older = issue.latest_revision
    issue.title = "Số 990 (sửa)"
    issue.save_revision().publish()
    login("tongbientap").post(reverse("print_issues:sign_off", args=[issue.pk]))
    older.publish()
    assert PrintIssuePage.objects.get(pk=issue.pk).status == IssueStatus.ONLINE


# --- Readers --------------------------------------------------------------------------------


def test_issue_page_lists_its_articles_in_lineup_order_with_page_numbers(demo, client):
    issue = new_issue()
    articles = list(ArticlePage.objects.live().order_by("pk")[:3])
    add_slots(issue, list(reversed(articles)), pages=5)
    draft = make_article(TopicHubPage.objects.first(), "Bản nháp chưa đăng", live=False)
    add_slots(issue, [draft], pages=2)
    html = client.get(issue.url).content.decode()
    positions = [html.index(article.title) for article in reversed(articles)]
    assert positions == sorted(positions)
    assert "tr. 10–14" in html and "tr. 20–24" in html
    assert "Bản nháp chưa đăng" not in html


def test_issue_archive_lists_issues_by_year(demo, client):
    index = PrintIssueIndexPage.objects.get()
    html = client.get(index.url).content.decode()
    assert "Năm 2020" in html
    assert "Số 945, tháng 6-2020" in html
    assert "Số 958" not in html  # still in proof, not online


def test_article_names_its_issue_on_the_page_and_in_json_ld(demo, client):
    article = ArticlePage.objects.get(
        slug="nang-cao-vai-tro-hat-nhan-chinh-tri-cua-to-chuc-dang-trong-doanh-nghiep-nha-nuoc"
    )
    html = client.get(article.url).content.decode()
    assert "Đăng trên Tạp chí Cộng sản" in html and "Số 945, tháng 6-2020" in html
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    assert data["isPartOf"]["@type"] == "PublicationIssue"
    assert data["isPartOf"]["issueNumber"] == "945"
    assert data["isPartOf"]["isPartOf"]["name"] == "Tạp chí Cộng sản"
    assert data["pageStart"] == 24


def test_an_unpublished_issue_is_named_nowhere(demo, client):
    issue = PrintIssuePage.objects.get(number=945)
    issue.unpublish()
    article = ArticlePage.objects.get(
        slug="nang-cao-vai-tro-hat-nhan-chinh-tri-cua-to-chuc-dang-trong-doanh-nghiep-nha-nuoc"
    )
    html = client.get(article.url).content.decode()
    assert "Số 945" not in html and "PublicationIssue" not in html


def test_feed_item_names_the_issue(demo, client):
    rss = client.get("/rss/").content.decode()
    assert "Số 945, tháng 6-2020" in rss


def test_issue_page_queries_do_not_grow_with_the_lineup(demo, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    articles = list(ArticlePage.objects.live()[:8])
    small, large = new_issue(991), new_issue(992)
    add_slots(small, articles[:1])
    add_slots(large, articles)
    counts = []
    for issue in (small, large):
        client.get(issue.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(issue.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# --- Demo ----------------------------------------------------------------------------------


def test_demo_has_the_2020_issues_and_one_in_proof_round_two(demo):
    numbers = set(PrintIssuePage.objects.values_list("number", flat=True))
    assert set(range(938, 951)) <= numbers and 163 in numbers
    in_proof = [i for i in PrintIssuePage.objects.all() if i.status == IssueStatus.IN_PROOF]
    assert [i.number for i in in_proof] == [958]
    assert in_proof[0].proof_rounds.count() == 2
    assert Assignment.objects.filter(projected_issue=in_proof[0]).count() >= 3


def test_publishing_an_issue_purges_its_articles_and_the_archive(demo):
    from coverage.purge import urls_for_page

    issue = PrintIssuePage.objects.get(number=945)
    article = issue.slots.get().article
    urls = urls_for_page(issue)
    assert article.full_url in urls
    assert PrintIssueIndexPage.objects.get().full_url in urls
    assert issue.full_url in urls_for_page(article)


def test_editors_edit_an_issue_with_its_lineup_and_proof_tabs(demo, login):
    issue = PrintIssuePage.objects.get(number=958)
    client = login("bientap")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert "slots-TOTAL_FORMS" in html and "proof_rounds-TOTAL_FORMS" in html
    assert reverse("print_issues:planner", args=[issue.pk]) in html
    index = PrintIssueIndexPage.objects.get()
    add = reverse("wagtailadmin_pages:add", args=["coverage", "printissuepage", index.pk])
    assert client.get(add).status_code == 200


def test_issues_are_in_the_sitemap(demo, client):
    xml = client.get("/sitemap-trang.xml").content.decode()
    assert PrintIssuePage.objects.get(number=945).full_url in xml
    assert PrintIssueIndexPage.objects.get().full_url in xml
    assert "so-958" not in xml  # not published


def test_an_issue_cannot_be_copied_from_the_admin(demo, login):
    issue = PrintIssuePage.objects.get(number=945)
    client = login("tongbientap")
    before = PrintIssuePage.objects.count()
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[issue.pk]),
        {
            "new_title": "Số 945 (bản sao)",
            "new_slug": "so-945-ban-sao",
            "new_parent_page": issue.get_parent().pk,
        },
    )
    assert response.status_code == 302
    assert PrintIssuePage.objects.count() == before
