"""Demo print issues: the 2020 issues (Số 938–958) and the thematic issue on the Bloc's
3rd Congress, with lineups from the demo articles and assignments.

Every issue up to Số 957 is signed off by the editor-in-chief and online; Số 958
(December) is in its second proof round, with slated assignments still being written.
Runs after the desk demo (``load_demo``), since lineups name its assignments; idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from coverage.demo import _add_published
from coverage.enums import IssueKind, IssueSection
from coverage.issues.sign_off import SIGN_OFF_ACTION
from coverage.models import (
    ArticlePage,
    HomePage,
    IssueSignOff,
    IssueSlot,
    PrintIssueIndexPage,
    PrintIssuePage,
    ProofRound,
)
from editorial.models import Assignment

# Two issues most months, as the journal prints: (number, month).
MONTHLY = [
    (938, 1), (939, 2), (940, 3), (941, 3), (942, 4), (943, 4), (944, 5), (945, 6),
    (946, 6), (947, 7), (948, 7), (949, 8), (950, 8), (951, 9), (952, 9), (953, 10),
    (954, 10), (955, 11), (956, 11), (957, 12), (958, 12),
]  # fmt: skip
IN_PROOF = 958
THEMATIC = (
    163,
    dt.date(2020, 10, 25),
    "Đại hội đại biểu Đảng bộ Khối Doanh nghiệp Trung ương lần thứ III",
)

# (issue number, section, article slug or assignment headline, start page, pages).
LINEUPS = {
    943: [(IssueSection.PRACTICE, "song-da-doi-moi-quan-tri-sau-co-phan-hoa", 62, 5)],
    944: [(IssueSection.PRACTICE, "hoc-va-lam-theo-bac-o-vung-than-quang-ninh", 70, 4)],
    945: [
        (
            IssueSection.STUDIES,
            "nang-cao-vai-tro-hat-nhan-chinh-tri-cua-to-chuc-dang-trong-doanh-nghiep-nha-nuoc",
            24,
            7,
        )
    ],
    950: [(IssueSection.STUDIES, "bac-bo-luan-dieu-doanh-nghiep-nha-nuoc-la-ganh-nang", 31, 6)],
    955: [(IssueSection.STUDIES, "co-phan-hoa-khong-phai-la-tu-nhan-hoa", 18, 6)],
    163: [
        (IssueSection.EVENTS, "khai-mac-dai-hoi-dai-bieu-dang-bo-khoi-doanh-nghiep-trung-uong-lan-thu-iii", 4, 3),
        (IssueSection.EVENTS, "be-mac-dai-hoi-dang-bo-khoi-doanh-nghiep-trung-uong-nhiem-ky-2020-2025", 7, 4),
        (IssueSection.PRACTICE, "dang-bo-evn-to-chuc-dai-hoi-nhiem-ky-moi", 40, 4),
    ],
    958: [
        (IssueSection.STUDIES, "phan-cap-va-trach-nhiem-nguoi-dung-dau-doanh-nghiep-nha-nuoc", 12, 8),
        (IssueSection.PRACTICE, "Vai trò đảng viên trên công trường 500 kV", 58, 5),
        (IssueSection.PRACTICE, "Chi bộ trên giàn khoan", 63, 4),
    ],
}  # fmt: skip
# Commissioned for Số 958 but not yet in its lineup: the planner lists them as slated.
SLATED_ONLY = {958: ["Cung ứng điện mùa khô: trách nhiệm của tổ chức đảng"]}


def _index(home: HomePage) -> PrintIssueIndexPage:
    index = PrintIssueIndexPage.objects.child_of(home).first()
    if index is None:
        index = _add_published(
            home,
            PrintIssueIndexPage(
                title="Số tạp chí",
                slug="so-tap-chi",
                show_in_menus=True,
                intro="Mục lục các số Tạp chí Cộng sản in, theo năm.",
            ),
        )
    return index


def _slot(issue: PrintIssuePage, order: int, section, key: str, start: int, pages: int) -> None:
    article = ArticlePage.objects.filter(slug=key).first()
    assignment = Assignment.objects.filter(headline=key).select_related("article").first()
    if article is None and assignment is None:
        return
    if article is not None and assignment is None:
        assignment = Assignment.objects.filter(article_id=article.pk).first()
    if article is None and assignment.article_id:
        article = ArticlePage.objects.filter(pk=assignment.article_id).first()
    issue.slots.add(
        IssueSlot(
            sort_order=order,
            section=section,
            article=article,
            assignment=assignment,
            start_page=start,
            page_count=pages,
        )
    )
    if assignment is not None:
        Assignment.objects.filter(pk=assignment.pk).update(projected_issue=issue)


def _issue(index, number: int, print_date: dt.date, kind=IssueKind.MONTHLY, theme="") -> None:
    if PrintIssuePage.objects.filter(number=number).exists():
        return
    title = f"Số {number} (tháng {print_date.month}-{print_date.year})"
    if theme:
        title = f"Số chuyên đề {number}: {theme}"
    issue = PrintIssuePage(
        title=title,
        slug=f"so-{number}",
        number=number,
        kind=kind,
        theme=theme,
        print_date=print_date,
        page_budget=100 if kind == IssueKind.MONTHLY else 64,
        live=False,
    )
    index.add_child(instance=issue)
    for order, (section, key, start, pages) in enumerate(LINEUPS.get(number, [])):
        _slot(issue, order, section, key, start, pages)
    users = get_user_model().objects
    chief = users.filter(username="tongbientap").first()
    readers = list(users.filter(username__in=["bientap", "bientap2"]))
    rounds = 2 if number == IN_PROOF else 3
    for order in range(rounds):
        due = print_date - dt.timedelta(days=3 * (rounds - order))
        finished = number != IN_PROOF or order < rounds - 1
        proof = ProofRound(
            sort_order=order,
            due_date=due,
            corrections=f"Vòng {order + 1}: sửa lỗi chính tả, thống nhất cách viết tên đơn vị.",
            completed_at=timezone.make_aware(dt.datetime.combine(due, dt.time(16)))
            if finished
            else None,
        )
        proof.proofreaders = readers
        issue.proof_rounds.add(proof)
    issue.save()
    for headline in SLATED_ONLY.get(number, []):
        Assignment.objects.filter(headline=headline).update(projected_issue=issue)
    if number == IN_PROOF or chief is None:
        issue.save_revision()
        return
    IssueSignOff.objects.create(issue=issue, signed_by=chief)
    log(instance=issue, action=SIGN_OFF_ACTION, user=chief)
    revision = issue.save_revision(user=chief)
    revision.publish(user=chief)


@transaction.atomic
def load_issues(home, log_line: Callable[[str], object] = print) -> None:
    """Create the 2020 issues under the issues archive (made if missing)."""
    home = home.specific
    index = _index(home)
    for number, month in MONTHLY:
        _issue(index, number, dt.date(2020, month, 5 if number % 2 == 0 else 20))
    number, print_date, theme = THEMATIC
    _issue(index, number, print_date, IssueKind.THEMATIC, theme)
    log_line(f"Print issues: {PrintIssuePage.objects.count()} in the archive.")
