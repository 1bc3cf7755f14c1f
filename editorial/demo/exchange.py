"""The exchange ledger's demo: what passed between the Committee and the Review in 2020,
and the meetings each invited the other to.

Briefings before the Bloc's 3rd Congress, the seminar "Khơi thông nguồn lực…" and the
"Tết ấm yêu thương" programme, both ways; most answered (a few late), a few still open.
Two received items became assignments and two went into the beat log, through the same
actions the desk uses. Natural key: the subject. Running it twice changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from editorial.enums import ExchangeDirection, ExchangeKind, PlanItemKind
from editorial.models import Beat, ExchangeItem, Organisation, PlanItem

D = datetime.date
R, S = ExchangeDirection.RECEIVED, ExchangeDirection.SENT
K = ExchangeKind
COMMITTEE, REVIEW = "DUKDNTW", "TCCS"
PROPAGANDA = "Đồng chí Phó Trưởng Ban Tuyên giáo Đảng ủy Khối"
EDITORS = "Ban Xây dựng Đảng, Tạp chí Cộng sản"


@dataclass(frozen=True)
class DemoItem:
    key: str
    direction: str
    kind: str
    date: datetime.date
    beat: str
    author: str
    subject: str
    summary: str = ""
    counterpart: str = COMMITTEE
    person: str = PROPAGANDA
    plan_kind: str | None = None
    reply_to: str | None = None
    #: "assignment" or "log": what the desk made of it with the ledger's one-step actions.
    led_to: str | None = None


PARTY = "Công tác xây dựng Đảng của Đảng ủy Khối"
ENERGY = "Năng lượng: EVN và Petrovietnam"
MINING = "Than, khoáng sản và hóa chất"

ITEMS = [
    DemoItem("congress-brief", R, K.BRIEFING, D(2020, 3, 20), PARTY, "phongvien",
             "Thông tin chuẩn bị Đại hội Đảng bộ Khối lần thứ III",
             "Ban Tuyên giáo thông báo lộ trình đại hội cấp cơ sở và đại hội Đảng bộ Khối; "
             "đề nghị Tạp chí mở chuyên mục.", plan_kind=PlanItemKind.CONGRESS,
             led_to="assignment"),
    DemoItem("congress-brief-answer", S, K.ANSWER, D(2020, 3, 24), PARTY, "bientap",
             "Tạp chí mở chuyên mục “Tiến tới Đại hội Đảng bộ Khối lần thứ III”",
             person=EDITORS, reply_to="congress-brief"),
    DemoItem("congress-draft", R, K.DOCUMENT, D(2020, 5, 12), PARTY, "phongvien",
             "Dự thảo Báo cáo chính trị Đại hội Đảng bộ Khối lần thứ III (bản xin ý kiến)",
             "Xin ý kiến góp ý của Tạp chí vào dự thảo báo cáo chính trị.",
             plan_kind=PlanItemKind.CONGRESS),
    DemoItem("congress-comment-request", R, K.COMMENT, D(2020, 5, 12), PARTY, "phongvien",
             "Đề nghị góp ý dự thảo Báo cáo chính trị Đại hội Đảng bộ Khối",
             plan_kind=PlanItemKind.CONGRESS),
    DemoItem("congress-comments-sent", S, K.ANSWER, D(2020, 6, 20), PARTY, "bientap",
             "Ý kiến góp ý của Tạp chí Cộng sản vào dự thảo Báo cáo chính trị",
             person=EDITORS, reply_to="congress-comment-request"),
    DemoItem("congress-schedule", R, K.BRIEFING, D(2020, 8, 3), PARTY, "phongvien",
             "Lịch trình Đại hội Đảng bộ Khối lần thứ III, nhiệm kỳ 2020–2025",
             "Đại hội dự kiến họp tháng 10/2020 tại Hà Nội; danh sách đại biểu báo chí.",
             plan_kind=PlanItemKind.CONGRESS, led_to="log"),
    DemoItem("congress-schedule-answer", S, K.ANSWER, D(2020, 8, 10), PARTY, "bientap",
             "Đăng ký phóng viên dự Đại hội Đảng bộ Khối lần thứ III",
             person=EDITORS, reply_to="congress-schedule"),
    DemoItem("congress-coverage", R, K.COVERAGE_REQUEST, D(2020, 9, 1), PARTY, "phongvien",
             "Đề nghị tuyên truyền Đại hội Đảng bộ Khối lần thứ III",
             "Loạt bài về thành tựu nhiệm kỳ 2015–2020 của các đảng bộ trực thuộc.",
             plan_kind=PlanItemKind.CONGRESS),
    DemoItem("congress-coverage-article", S, K.ARTICLE, D(2020, 10, 15), PARTY, "bientap",
             "Gửi loạt bài “Đảng bộ Khối qua một nhiệm kỳ” đã đăng",
             person=EDITORS, reply_to="congress-coverage"),
    DemoItem("new-models", R, K.NEW_MODELS, D(2020, 4, 15), PARTY, "phongvien",
             "Danh sách mô hình mới trong công tác xây dựng Đảng năm 2020",
             "Mười hai mô hình “dân vận khéo” và chuyển đổi số trong sinh hoạt chi bộ.",
             plan_kind=PlanItemKind.RESEARCH),
    DemoItem("new-models-answer", S, K.ANSWER, D(2020, 6, 1), PARTY, "bientap",
             "Kế hoạch viết về các mô hình mới năm 2020",
             person=EDITORS, reply_to="new-models"),
    DemoItem("seminar-plan", R, K.BRIEFING, D(2020, 7, 6), PARTY, "phongvien",
             "Kế hoạch Hội thảo “Khơi thông nguồn lực, thúc đẩy doanh nghiệp nhà nước phát triển”",
             "Đảng ủy Khối đề nghị Tạp chí cùng chủ trì hội thảo, chuẩn bị tham luận.",
             plan_kind=PlanItemKind.SEMINAR, led_to="assignment"),
    DemoItem("seminar-plan-answer", S, K.ANSWER, D(2020, 7, 9), PARTY, "bientap",
             "Tạp chí nhận cùng chủ trì Hội thảo “Khơi thông nguồn lực…”",
             person=EDITORS, reply_to="seminar-plan"),
    DemoItem("seminar-papers", R, K.DOCUMENT, D(2020, 8, 20), PARTY, "phongvien",
             "Danh sách tham luận Hội thảo “Khơi thông nguồn lực…”",
             plan_kind=PlanItemKind.SEMINAR, led_to="log"),
    DemoItem("seminar-proceedings", R, K.COVERAGE_REQUEST, D(2020, 9, 10), PARTY, "phongvien",
             "Đề nghị đăng kỷ yếu Hội thảo “Khơi thông nguồn lực…”",
             "Chọn đăng các tham luận tiêu biểu trên Tạp chí in và điện tử.",
             plan_kind=PlanItemKind.SEMINAR),
    DemoItem("seminar-draft", S, K.DRAFT, D(2020, 11, 25), PARTY, "bientap",
             "Gửi xin ý kiến bản thảo bài tổng thuật Hội thảo “Khơi thông nguồn lực…”",
             person=EDITORS, plan_kind=PlanItemKind.SEMINAR),
    DemoItem("tet-plan", R, K.BRIEFING, D(2020, 12, 1), PARTY, "phongvien",
             "Chương trình “Tết ấm yêu thương” Xuân Tân Sửu 2021",
             "Trao quà cho công nhân khó khăn tại các tỉnh; mời Tạp chí tham gia.",
             plan_kind=PlanItemKind.VOLUNTEER),
    DemoItem("tet-plan-answer", S, K.ANSWER, D(2020, 12, 4), PARTY, "bientap",
             "Tạp chí cử phóng viên tham gia chương trình “Tết ấm yêu thương”",
             person=EDITORS, reply_to="tet-plan"),
    DemoItem("tet-coverage", R, K.COVERAGE_REQUEST, D(2020, 12, 15), PARTY, "phongvien",
             "Đề nghị đưa tin chương trình “Tết ấm yêu thương” tại các tỉnh",
             plan_kind=PlanItemKind.VOLUNTEER),
    DemoItem("article-comments", R, K.COMMENT, D(2020, 10, 20), PARTY, "phongvien",
             "Ý kiến của Ban Tuyên giáo về loạt bài “Đảng bộ Khối qua một nhiệm kỳ”"),
    DemoItem("article-comments-answer", S, K.ANSWER, D(2020, 10, 22), PARTY, "bientap",
             "Tạp chí tiếp thu ý kiến, đính chính số liệu kỳ 2", person=EDITORS,
             reply_to="article-comments"),
    DemoItem("collaborators", S, K.INVITATION, D(2020, 11, 10), PARTY, "bientap",
             "Giấy mời dự Hội nghị cộng tác viên Tạp chí Cộng sản năm 2020",
             person="Thường trực Đảng ủy Khối", plan_kind=PlanItemKind.MEETINGS),
    DemoItem("quarterly-info", R, K.DOCUMENT, D(2020, 10, 5), PARTY, "phongvien",
             "Thông tin công tác xây dựng Đảng quý III/2020",
             plan_kind=PlanItemKind.INFORMATION),
    DemoItem("evn-congress", R, K.BRIEFING, D(2020, 6, 10), ENERGY, "phongvien",
             "Thông tin Đại hội Đảng bộ Tập đoàn Điện lực Việt Nam", counterpart="EVN",
             person="Ban Tuyên giáo Đảng ủy EVN", plan_kind=PlanItemKind.CONGRESS),
    DemoItem("evn-congress-answer", S, K.ANSWER, D(2020, 6, 12), ENERGY, "phongvien",
             "Lịch phỏng vấn Bí thư Đảng ủy EVN", counterpart="EVN",
             person="Ban Tuyên giáo Đảng ủy EVN", reply_to="evn-congress"),
    DemoItem("tkv-models", R, K.COVERAGE_REQUEST, D(2020, 7, 20), MINING, "phongvien2",
             "Đề nghị tuyên truyền mô hình “Dân vận khéo” ở vùng mỏ", counterpart="TKV",
             person="Ban Tuyên giáo Đảng ủy TKV", plan_kind=PlanItemKind.RESEARCH),
]  # fmt: skip


def load_exchange() -> dict[str, int]:
    from editorial.exchange.actions import assignment_from_item, log_entry_from_item

    users = {user.username: user for user in get_user_model().objects.all()}
    organisations = {o.short_name: o for o in Organisation.objects.all()}
    beats = {beat.name: beat for beat in Beat.objects.all()}
    plan_items = {
        item.kind: item
        for item in PlanItem.objects.filter(
            plan__year=2020, plan__programme__start_year=2020
        ).order_by("-sort_order", "-pk")
    }
    if COMMITTEE not in organisations or not beats:
        return {"exchange_items": 0}
    made: dict[str, ExchangeItem] = {}
    for spec in ITEMS:
        counterpart = organisations.get(spec.counterpart, organisations[COMMITTEE])
        review = organisations.get(REVIEW)
        received = spec.direction == R
        item, _created = ExchangeItem.objects.get_or_create(
            subject=spec.subject,
            defaults={
                "direction": spec.direction,
                "kind": spec.kind,
                "date": spec.date,
                "summary": spec.summary,
                "beat": beats[spec.beat],
                "author": users[spec.author],
                "sender_organisation": counterpart if received else review,
                "sender_person": spec.person if received else EDITORS,
                "recipient_organisation": review if received else counterpart,
                "recipient_person": EDITORS if received else spec.person,
                "plan_item": plan_items.get(spec.plan_kind) if spec.plan_kind else None,
                "in_reply_to": made.get(spec.reply_to) if spec.reply_to else None,
            },
        )
        if spec.led_to == "log" and item.log_entry_id is None:
            log_entry_from_item(item, users[spec.author])
        if (
            spec.led_to == "assignment"
            and not item.assignments.exists()
            and (item.topic_id or item.beat.topic_id)
        ):
            assignment_from_item(item, users[spec.author])
        made[spec.key] = item
    return {"exchange_items": len(made)}


@dataclass(frozen=True)
class DemoMeeting:
    title: str
    date: datetime.date
    host: str
    #: (body, person, attended)
    invited: tuple[tuple[str, str, bool], ...]
    decisions: str
    #: (action, owner username, due date, done)
    follow_ups: tuple[tuple[str, str, datetime.date, bool], ...] = ()
    plan_kind: str | None = None
    #: A word of the programme event's title it was, if the programme demo has it.
    event_title: str | None = None


MEETINGS = [
    DemoMeeting("Giao ban công tác phối hợp quý II/2020", D(2020, 6, 25), REVIEW,
                ((COMMITTEE, "Đồng chí Phó Bí thư Thường trực Đảng ủy Khối", True),
                 (COMMITTEE, "Đồng chí Trưởng Ban Tuyên giáo Đảng ủy Khối", True)),
                "Thống nhất loạt bài tiến tới Đại hội Đảng bộ Khối lần thứ III.\n"
                "Đảng ủy Khối cung cấp danh sách mô hình mới trước 15/7.",
                (("Lập kế hoạch loạt bài tiến tới Đại hội", "bientap", D(2020, 7, 10), True),),
                PlanItemKind.MEETINGS),
    DemoMeeting("Sơ kết 6 tháng công tác xây dựng Đảng của Đảng ủy Khối", D(2020, 7, 20),
                COMMITTEE,
                ((REVIEW, "Đồng chí Phó Tổng Biên tập Tạp chí Cộng sản", True),
                 (REVIEW, "Trưởng Ban Xây dựng Đảng, Tạp chí Cộng sản", False)),
                "Tạp chí đăng bài tổng thuật hội nghị trên Tạp chí điện tử.",
                (("Bài tổng thuật hội nghị sơ kết", "phongvien", D(2020, 7, 25), True),),
                PlanItemKind.MEETINGS),
    DemoMeeting("Hội thảo “Khơi thông nguồn lực, thúc đẩy doanh nghiệp nhà nước phát triển”",
                D(2020, 10, 8), COMMITTEE,
                ((REVIEW, "Đồng chí Tổng Biên tập Tạp chí Cộng sản", True),),
                "Chọn 10 tham luận đăng Tạp chí; kỷ yếu phát hành tháng 12.",
                (("Biên tập 10 tham luận", "bientap2", D(2020, 12, 15), False),),
                PlanItemKind.SEMINAR, event_title="Khơi thông"),
    DemoMeeting("Hội nghị cộng tác viên Tạp chí Cộng sản năm 2020", D(2020, 11, 20), REVIEW,
                ((COMMITTEE, "Đồng chí Phó Trưởng Ban Tuyên giáo Đảng ủy Khối", True),
                 ("EVN", "Ban Tuyên giáo Đảng ủy EVN", False)),
                "Mở rộng mạng lưới cộng tác viên ở các đảng bộ trực thuộc.",
                plan_kind=PlanItemKind.MEETINGS),
]  # fmt: skip


def load_meetings() -> dict[str, int]:
    from editorial.models import Meeting, MeetingFollowUp, MeetingInvitation, ProgrammeEvent

    users = {user.username: user for user in get_user_model().objects.all()}
    organisations = {o.short_name: o for o in Organisation.objects.all()}
    plan_items = {
        item.kind: item
        for item in PlanItem.objects.filter(plan__year=2020).order_by("-sort_order", "-pk")
    }
    if COMMITTEE not in organisations or REVIEW not in organisations:
        return {"meetings": 0}
    made = 0
    for spec in MEETINGS:
        event = (
            ProgrammeEvent.objects.filter(title__icontains=spec.event_title).first()
            if spec.event_title
            else None
        )
        date = timezone.localdate(event.starts_at) if event else spec.date
        meeting, created = Meeting.objects.get_or_create(
            title=spec.title,
            defaults={
                "date": date,
                "host": organisations[spec.host],
                "event": event,
                "plan_item": plan_items.get(spec.plan_kind) if spec.plan_kind else None,
                "decisions": spec.decisions,
            },
        )
        if created:
            for body, person, attended in spec.invited:
                if body in organisations:
                    MeetingInvitation.objects.create(
                        meeting=meeting,
                        organisation=organisations[body],
                        person=person,
                        attended=attended,
                    )
            for action, owner, due, done in spec.follow_ups:
                MeetingFollowUp.objects.create(
                    meeting=meeting, action=action, owner=users.get(owner), due_date=due, done=done
                )
        made += 1
    return {"meetings": made}
