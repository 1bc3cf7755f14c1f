"""One story told by the role journeys: a Committee briefing becomes a published article.

The editor turns the briefing into an assignment (journey 1), the journalist files it
(journey 2), the reviewers approve and publish it (journey 3), readers find it (journey 5),
and the programme report counts it (journey 6). Each journey acts through the browser;
the state it starts from, the previous journey's outcome, is built here with the
product's own model-level actions (``editorial.desk.actions``, Wagtail's revisions and
workflows), so a journey can run alone and fail only for its own reasons.

Everything a journey types or looks for is named here once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.rich_text import RichText

from coverage.demo.workflows import SIGN_OFF

EDITOR = "bientap"
JOURNALIST = "phongvien"
EDITOR_IN_CHIEF = "tongbientap"
# How the journalist's name reads everywhere on the desk and in the byline.
JOURNALIST_NAME = "Phạm Văn Dũng"

# The demo's Committee briefing (editorial/demo/desk.py): the Committee's propaganda
# department announces the grassroots Party congresses, all to be held before July.
BRIEFING = (
    "Ban Tuyên giáo Đảng ủy Khối thông tin kế hoạch tổ chức đại hội đảng bộ cơ sở, "
    "hoàn thành trước tháng 7."
)
# What an editor types in the beat log's search box: no tones, no đ.
BRIEFING_QUERY = "tuyen giao dai hoi dang bo co so"

TOPIC_NUMBER = 3
TOPIC_NAME = "Xây dựng Đảng và nhiệm vụ chính trị trong Khối"
PLAN_YEAR = 2020
PLAN_ITEM_TITLE = "Đại hội đảng bộ các cấp trong Khối"

WORKING_HEADLINE = "Đại hội đảng bộ cơ sở trong Khối: chuẩn bị sớm, làm chắc"
BRIEF = (
    "Bài tổng hợp về đại hội đảng bộ cơ sở trong Khối: lịch tổ chức, kinh nghiệm đại hội "
    "điểm, điểm mới về văn kiện và nhân sự. Phỏng vấn Ban Tuyên giáo Đảng ủy Khối."
)
TURNAROUND = datetime.timedelta(days=21)

HEADLINE = "Đại hội đảng bộ cơ sở: nền móng cho công tác xây dựng Đảng nhiệm kỳ mới"
SAPO = (
    "Các đảng bộ cơ sở thuộc Đảng ủy Khối Doanh nghiệp Trung ương tổ chức đại hội trước "
    "tháng 7-2020, chuẩn bị văn kiện và nhân sự cho Đại hội Đảng bộ Khối lần thứ III."
)
PARAGRAPH = (
    "Theo Ban Tuyên giáo Đảng ủy Khối, đại hội điểm ở ba đảng bộ trực thuộc giúp các nơi "
    "rút kinh nghiệm về chuẩn bị nhân sự, xây dựng văn kiện và đổi mới cách lãnh đạo "
    "sản xuất, kinh doanh."
)
# A credited demo photo (coverage/demo/content.py) the journalist picks in the chooser.
PHOTO_TITLE = "Lễ ký kết chương trình phối hợp, chiều 5-3-2020"
PHOTO_CREDIT = "Ảnh: VGP/Nguyễn Hoàng"
PHOTO_QUERY = "ky ket chuong trinh"

# What a reader types in the site's search box.
READER_QUERY = "xay dung dang"


def due_date() -> datetime.date:
    """Three weeks from today: the demo's clock is the real one."""
    return timezone.localdate() + TURNAROUND


def day_month_year(day: datetime.date) -> str:
    """A date as the admin's date fields take and show it: 05/03/2020."""
    return day.strftime("%d/%m/%Y")


def user(username: str):
    return get_user_model().objects.get(username=username)


def plan_item():
    from editorial.models import PlanItem

    return PlanItem.objects.select_related("plan").get(plan__year=PLAN_YEAR, title=PLAN_ITEM_TITLE)


def briefing():
    from editorial.enums import LogEntryKind
    from editorial.models import BeatLogEntry

    return BeatLogEntry.objects.get(summary=BRIEFING, kind=LogEntryKind.BRIEFING)


def photo():
    from coverage.models import CreditedImage

    image = CreditedImage.objects.get(title=PHOTO_TITLE)
    assert image.credit_line == PHOTO_CREDIT, "the demo photo lost its credit"
    return image


# --- The sensitive route (journey 3): a refutation, through the board's review -------


@dataclass(frozen=True)
class Commission:
    """What an assignment asks for and what the journalist files against it."""

    topic: int
    beat: str
    working_headline: str
    brief: str
    headline: str
    sapo: str
    paragraph: str
    plan_item: str | None
    briefing: str | None = None  # the log entry it came from, if any


STORY = Commission(
    TOPIC_NUMBER,
    "Công tác xây dựng Đảng của Đảng ủy Khối",
    WORKING_HEADLINE,
    BRIEF,
    HEADLINE,
    SAPO,
    PARAGRAPH,
    PLAN_ITEM_TITLE,
    BRIEFING,
)
# Topic 2, "refuting wrong and hostile views": its pipeline adds the editorial board's
# political review between the editor and the editor-in-chief.
REFUTATION = Commission(
    2,
    "Phản bác quan điểm sai trái về kinh tế nhà nước",
    "Phản bác luận điệu “tổ chức đảng cản trở quản trị doanh nghiệp”",
    "Dùng số liệu đại hội đảng bộ cơ sở năm 2020 để phản bác luận điệu cho rằng tổ chức "
    "đảng làm chậm quyết định kinh doanh.",
    "Tổ chức đảng không cản trở mà dẫn dắt quản trị doanh nghiệp nhà nước",
    "Luận điệu cho rằng tổ chức đảng làm chậm quyết định kinh doanh bỏ qua những gì các "
    "đảng bộ cơ sở trong Khối đã làm được qua đại hội nhiệm kỳ 2020–2025.",
    "Tại nhiều tập đoàn, nghị quyết của đảng ủy về chiến lược được cụ thể hóa ngay thành "
    "kế hoạch sản xuất, kinh doanh, với người đứng đầu chịu trách nhiệm đến cùng.",
    None,
)


# --- Where each journey starts: the previous journey's outcome -------------------------


@dataclass
class Filed:
    """The story's records once journey N is done."""

    commission: Commission
    assignment: object
    article: object | None = None


def commissioned(commission: Commission = STORY) -> Filed:
    """Journey 1's outcome: the assignment, commissioned to the journalist."""
    from editorial.desk import actions
    from editorial.models import Assignment, Beat, ProgrammeTopic

    editor = user(EDITOR)
    beat = Beat.objects.get(name=commission.beat)
    if commission.briefing:
        assignment = actions.assignment_from_log_entry(briefing(), editor)
    else:
        assignment = Assignment(beat=beat, proposed_by=editor, editor=editor)
    assignment.topic = ProgrammeTopic.objects.get(number=commission.topic)
    assignment.headline = commission.working_headline
    assignment.brief = commission.brief
    assignment.plan_item = plan_item() if commission.plan_item else None
    assignment.assignee = user(JOURNALIST)
    assignment.due_date = due_date()
    assignment.full_clean()
    assignment.save()
    return Filed(commission, actions.commission(assignment, editor))


def drafted(commission: Commission = STORY) -> Filed:
    """Between journeys 1 and 2's submit: accepted, drafted and written, not submitted."""
    from editorial.desk import actions

    filed = commissioned(commission)
    journalist = user(JOURNALIST)
    actions.accept(filed.assignment, journalist)
    page = actions.start_draft(filed.assignment, journalist).specific
    page.title = commission.headline
    page.sapo = commission.sapo
    page.hero_image = photo()
    page.body = [("paragraph", RichText(f"<p>{commission.paragraph}</p>"))]
    # As the page editor saves a never-published draft: the page row, then a revision.
    page.save()
    page.save_revision(user=journalist)
    filed.assignment.refresh_from_db()
    return Filed(commission, filed.assignment, page)


def submitted(commission: Commission = STORY) -> Filed:
    """Journey 2's outcome: the article in its topic's pipeline, at the first step."""
    filed = drafted(commission)
    workflow = filed.article.get_workflow()
    assert workflow is not None, "the topic's hub has no pipeline"
    workflow.start(filed.article, user(JOURNALIST))
    return filed


def awaiting_sign_off() -> Filed:
    """Journey 3 but its last click: the named editor approved, the sign-off waits."""
    from wagtail.models import Page

    filed = submitted(STORY)
    state = Page.objects.get(pk=filed.article.pk).current_workflow_task_state
    state.specific.approve(user=user(EDITOR), comment="Đạt yêu cầu.")
    waiting = Page.objects.get(pk=filed.article.pk).current_workflow_task
    assert waiting is not None and waiting.name == SIGN_OFF, waiting
    return filed


def published(commission: Commission = STORY) -> Filed:
    """Journey 3's outcome, for the readers: the article live under its topic's hub."""
    filed = drafted(commission)
    filed.article.get_latest_revision().publish(user=user(EDITOR_IN_CHIEF))
    filed.article.refresh_from_db()
    assert filed.article.live
    return filed
