"""The newsroom desk's demo: beats and who follows them, beat log entries, assignments.

Builds on the programme demo (topics by number, organisations by short name, 2020 plan
items by kind) and the demo users. Natural keys: a beat by name, a beat assignment by
(beat, person, role, start), a log entry by (beat, author, date, summary), an assignment
by working headline. Running it twice changes nothing.

Assignments cover every stage before drafting; those that name an article slug are
linked to the coverage demo's article when it exists, and "drafting" ones get their
draft through the real "start draft" action once topic hubs exist.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from editorial.enums import (
    AssignmentPriority,
    AssignmentStatus,
    BeatRole,
    LogEntryKind,
    PhotoNeeds,
    PlanItemKind,
)
from editorial.models import (
    Assignment,
    Author,
    Beat,
    BeatAssignment,
    BeatLogEntry,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeTopic,
)

D = datetime.date
SIGNING = D(2020, 3, 5)


@dataclass(frozen=True)
class DemoBeat:
    name: str
    topic: int | None
    organisations: tuple[str, ...]
    description: str
    people: tuple[tuple[str, BeatRole, datetime.date], ...]


BEATS = [
    DemoBeat(
        "Công tác xây dựng Đảng của Đảng ủy Khối",
        3,
        ("DUKDNTW",),
        "Theo dõi hoạt động của Đảng ủy Khối Doanh nghiệp Trung ương: nghị quyết, hội nghị, "
        "mô hình mới trong công tác xây dựng Đảng ở các đảng bộ trực thuộc.",
        (
            ("bientap", BeatRole.EDITOR, SIGNING),
            ("phongvien", BeatRole.REPORTER, SIGNING),
        ),
    ),
    DemoBeat(
        "Năng lượng: EVN và Petrovietnam",
        3,
        ("EVN", "PVN"),
        "Hai tập đoàn năng lượng lớn của Khối: sản xuất kinh doanh, đảng bộ, đời sống người lao động.",
        (
            ("bientap2", BeatRole.EDITOR, D(2020, 4, 1)),
            ("phongvien", BeatRole.REPORTER, D(2020, 4, 1)),
        ),
    ),
    DemoBeat(
        "Than, khoáng sản và hóa chất",
        3,
        ("TKV", "VINACHEM"),
        "Vinacomin và Vinachem: tái cơ cấu, an toàn lao động, công tác đảng ở vùng mỏ.",
        (
            ("bientap2", BeatRole.EDITOR, D(2020, 4, 1)),
            ("phongvien2", BeatRole.REPORTER, D(2020, 4, 1)),
        ),
    ),
    DemoBeat(
        "Ngân hàng thương mại nhà nước",
        1,
        ("AGRIBANK", "VIETCOMBANK", "VIETINBANK", "BIDV", "VDB"),
        "Các ngân hàng trong Khối: tín dụng cho nền kinh tế, xử lý nợ xấu, xây dựng Đảng.",
        (("phongvien3", BeatRole.REPORTER, D(2020, 5, 4)),),
    ),
    DemoBeat(
        "Phản bác quan điểm sai trái về kinh tế nhà nước",
        2,
        (),
        "Nhận diện và phản bác các luận điệu xuyên tạc vai trò của kinh tế nhà nước.",
        (
            ("bientap", BeatRole.EDITOR, SIGNING),
            ("phongvien2", BeatRole.REPORTER, D(2020, 6, 1)),
        ),
    ),
]


@dataclass(frozen=True)
class DemoEntry:
    beat: int  # index into BEATS
    author: str
    date: datetime.date | int  # a date, or days before today
    kind: LogEntryKind
    summary: str
    organisations: tuple[str, ...] = ()
    people_met: str = ""
    follow_up_in: int | None = None  # days after today (negative: already late)


K = LogEntryKind
ENTRIES = [
    DemoEntry(
        0,
        "bientap",
        SIGNING,
        K.EVENT,
        "Dự lễ ký chương trình phối hợp giữa Đảng ủy Khối và Tạp chí. Hai bên thống nhất cử biên tập viên theo dõi công tác xây dựng Đảng của Khối.",
        ("DUKDNTW", "TCCS"),
    ),
    DemoEntry(
        0,
        "phongvien",
        D(2020, 3, 20),
        K.BRIEFING,
        "Ban Tuyên giáo Đảng ủy Khối thông tin kế hoạch tổ chức đại hội đảng bộ cơ sở, hoàn thành trước tháng 7.",
        ("DUKDNTW",),
        "Trưởng Ban Tuyên giáo Đảng ủy Khối",
    ),
    DemoEntry(
        0,
        "phongvien",
        D(2020, 5, 12),
        K.DOCUMENT,
        "Nhận hướng dẫn của Đảng ủy Khối về chỉ đạo đại hội điểm ở ba đảng bộ trực thuộc.",
        ("DUKDNTW",),
    ),
    DemoEntry(
        0,
        "phongvien",
        D(2020, 7, 8),
        K.MEETING,
        "Gặp Văn phòng Đảng ủy Khối, thống nhất lịch đưa tin về Đại hội đại biểu Đảng bộ Khối lần thứ III.",
        ("DUKDNTW",),
        "Chánh Văn phòng Đảng ủy Khối",
    ),
    DemoEntry(
        0,
        "bientap",
        D(2020, 10, 21),
        K.EVENT,
        "Bế mạc Đại hội đại biểu Đảng bộ Khối lần thứ III, nhiệm kỳ 2020–2025. Cần bài tổng thuật và bài phỏng vấn Bí thư.",
        ("DUKDNTW",),
    ),
    DemoEntry(
        1,
        "phongvien",
        D(2020, 6, 18),
        K.FIELD_TRIP,
        "Đi thực tế công trình đường dây 500 kV mạch 3, ghi nhận vai trò của đảng viên trên công trường.",
        ("EVN",),
        "Bí thư chi bộ ban quản lý dự án",
    ),
    DemoEntry(
        1,
        "phongvien",
        D(2020, 8, 25),
        K.INTERVIEW,
        "Phỏng vấn lãnh đạo Đảng ủy Petrovietnam về mô hình chi bộ trên giàn khoan.",
        ("PVN",),
        "Phó Bí thư Đảng ủy Tập đoàn",
    ),
    DemoEntry(
        1,
        "phongvien",
        20,
        K.MEETING,
        "Làm việc với Ban Truyền thông EVN về số liệu cung ứng điện mùa khô.",
        ("EVN",),
        "Trưởng Ban Truyền thông",
        5,
    ),
    DemoEntry(
        1,
        "phongvien",
        6,
        K.DOCUMENT,
        "Nhận báo cáo sơ kết công tác đảng sáu tháng của Đảng bộ EVN.",
        ("EVN",),
        "",
        -2,
    ),
    DemoEntry(
        2,
        "phongvien2",
        D(2020, 9, 3),
        K.FIELD_TRIP,
        "Thực tế tại Quảng Ninh: mô hình “Dân vận khéo” ở các mỏ than hầm lò.",
        ("TKV",),
        "Chủ tịch Công đoàn Than – Khoáng sản",
    ),
    DemoEntry(
        2,
        "phongvien2",
        D(2020, 11, 10),
        K.INTERVIEW,
        "Trao đổi với lãnh đạo Vinachem về tái cơ cấu các dự án thua lỗ.",
        ("VINACHEM",),
        "Tổng Giám đốc",
    ),
    DemoEntry(
        2,
        "phongvien2",
        12,
        K.MEETING,
        "Gặp Đảng ủy TKV bàn về loạt bài an toàn lao động.",
        ("TKV",),
        "",
        3,
    ),
    DemoEntry(
        2,
        "phongvien2",
        3,
        K.OTHER,
        "Ghi nhận ý kiến người lao động về nhà ở cho công nhân vùng mỏ.",
        ("TKV",),
    ),
    DemoEntry(
        3,
        "phongvien3",
        D(2020, 6, 9),
        K.BRIEFING,
        "Đảng ủy Vietcombank giới thiệu kết quả đại hội điểm và bài học kinh nghiệm.",
        ("VIETCOMBANK",),
    ),
    DemoEntry(
        3,
        "phongvien3",
        D(2020, 9, 22),
        K.INTERVIEW,
        "Phỏng vấn lãnh đạo Agribank về tín dụng tam nông trong dịch bệnh.",
        ("AGRIBANK",),
        "Phó Tổng Giám đốc",
    ),
    DemoEntry(
        3,
        "phongvien3",
        15,
        K.MEETING,
        "Làm việc với BIDV và VietinBank về chuyển đổi số trong công tác đảng.",
        ("BIDV", "VIETINBANK"),
        "",
        10,
    ),
    DemoEntry(
        3,
        "phongvien3",
        4,
        K.DOCUMENT,
        "Nhận tài liệu của Ngân hàng Phát triển về cho vay các dự án trọng điểm.",
        ("VDB",),
    ),
    DemoEntry(
        4,
        "phongvien2",
        D(2020, 7, 30),
        K.DOCUMENT,
        "Tổng hợp một số luận điệu trên mạng xã hội cho rằng doanh nghiệp nhà nước kém hiệu quả.",
        (),
    ),
    DemoEntry(
        4,
        "bientap",
        D(2020, 8, 14),
        K.MEETING,
        "Họp nhóm chuyên gia phản biện, chọn ba chủ đề phản bác trọng tâm.",
        (),
        "Hai chuyên gia kinh tế",
    ),
    DemoEntry(
        4,
        "phongvien2",
        9,
        K.INTERVIEW,
        "Phỏng vấn chuyên gia về đóng góp ngân sách của doanh nghiệp nhà nước.",
        (),
        "Viện trưởng một viện nghiên cứu",
        1,
    ),
    DemoEntry(
        0,
        "phongvien",
        2,
        K.BRIEFING,
        "Đảng ủy Khối cung cấp thông tin về phong trào thi đua mới trong các đảng bộ.",
        ("DUKDNTW",),
        "",
        7,
    ),
    DemoEntry(
        0,
        "bientap",
        1,
        K.MEETING,
        "Giao ban hằng tháng với Ban Tuyên giáo Đảng ủy Khối.",
        ("DUKDNTW", "TCCS"),
    ),
]


@dataclass(frozen=True)
class DemoAssignment:
    headline: str
    brief: str
    topic: int
    status: AssignmentStatus
    due: datetime.date | int  # a date, or days from today (negative: late)
    assignee: str | None = None
    editor: str = "bientap"
    beat: int | None = None
    plan_kind: PlanItemKind | None = None
    external: tuple[str, str] | None = None  # (full name, academic title); contact in assignee
    photo: PhotoNeeds = PhotoNeeds.NONE
    priority: AssignmentPriority = AssignmentPriority.NORMAL
    length: int | None = 1500
    decline_reason: str = ""
    from_entry: int | None = None  # index into ENTRIES
    article_slug: str = ""  # link to the coverage demo's article if it exists
    start_draft: bool = False
    extra: dict = field(default_factory=dict)


S = AssignmentStatus
ASSIGNMENTS = [
    DemoAssignment(
        "Vai trò hạt nhân chính trị của tổ chức đảng trong doanh nghiệp",
        "Bài nghiên cứu tổng kết công tác đảng ở doanh nghiệp nhà nước.",
        1,
        S.ACCEPTED,
        D(2020, 12, 15),
        "phongvien",
        beat=0,
        plan_kind=PlanItemKind.RESEARCH,
        article_slug="nang-cao-vai-tro-hat-nhan-chinh-tri-cua-to-chuc-dang-trong-doanh-nghiep-nha-nuoc",
    ),
    DemoAssignment(
        "Đại hội Đảng bộ Khối lần thứ III: dấu ấn đổi mới",
        "Tổng thuật đại hội, nhấn mạnh điểm mới trong văn kiện.",
        3,
        S.ACCEPTED,
        D(2020, 10, 22),
        "phongvien",
        beat=0,
        plan_kind=PlanItemKind.CONGRESS,
        from_entry=4,
        photo=PhotoNeeds.NEW,
        priority=AssignmentPriority.URGENT,
        article_slug="be-mac-dai-hoi-dang-bo-khoi-doanh-nghiep-trung-uong-nhiem-ky-2020-2025",
    ),
    DemoAssignment(
        "Khơi thông nguồn lực cho doanh nghiệp nhà nước",
        "Tham luận chọn lọc sau hội thảo khoa học chung của hai bên.",
        5,
        S.ACCEPTED,
        D(2020, 12, 20),
        "phongvien3",
        plan_kind=PlanItemKind.SEMINAR,
        external=("Trần Minh Khoa", "PGS, TS."),
        length=4000,
        article_slug="phan-cap-va-trach-nhiem-nguoi-dung-dau-doanh-nghiep-nha-nuoc",
    ),
    DemoAssignment(
        "Hàng Việt của doanh nghiệp Khối trên kệ siêu thị",
        "Phóng sự về sản phẩm của doanh nghiệp Khối hưởng ứng Cuộc vận động.",
        4,
        S.DECLINED,
        D(2020, 11, 30),
        "phongvien2",
        plan_kind=PlanItemKind.CAMPAIGN,
        decline_reason="Trùng lịch công tác Quảng Ninh, đề nghị giao người khác.",
    ),
    DemoAssignment(
        "Chi bộ trên giàn khoan",
        "Chân dung một chi bộ ngoài khơi của Petrovietnam.",
        3,
        S.CANCELLED,
        D(2020, 9, 30),
        "phongvien",
        beat=1,
        from_entry=6,
        photo=PhotoNeeds.ARCHIVE,
    ),
    DemoAssignment(
        "Vai trò đảng viên trên công trường 500 kV",
        "Bài ghi chép từ chuyến đi thực tế.",
        3,
        S.ACCEPTED,
        12,
        "phongvien",
        beat=1,
        from_entry=5,
        photo=PhotoNeeds.BOTH,
        start_draft=True,
    ),
    DemoAssignment(
        "Cung ứng điện mùa khô: trách nhiệm của tổ chức đảng",
        "Số liệu và cách làm của các đơn vị EVN.",
        3,
        S.COMMISSIONED,
        2,
        "phongvien",
        beat=1,
        from_entry=7,
    ),
    DemoAssignment(
        "Sáu tháng công tác đảng ở EVN",
        "Bài tin tổng hợp từ báo cáo sơ kết.",
        3,
        S.ACCEPTED,
        -3,
        "phongvien",
        beat=1,
        from_entry=8,
        priority=AssignmentPriority.HIGH,
    ),
    DemoAssignment(
        "“Dân vận khéo” ở vùng mỏ",
        "Những cách làm dân vận sáng tạo ở TKV.",
        3,
        S.COMMISSIONED,
        -5,
        "phongvien2",
        editor="bientap2",
        beat=2,
        from_entry=9,
        photo=PhotoNeeds.NEW,
    ),
    DemoAssignment(
        "An toàn lao động trong hầm lò: từ nghị quyết đến hành động",
        "Loạt hai kỳ về an toàn lao động.",
        3,
        S.PROPOSED,
        20,
        "phongvien2",
        editor="bientap2",
        beat=2,
        from_entry=11,
    ),
    DemoAssignment(
        "Nhà ở cho công nhân vùng mỏ",
        "Đề xuất bài về chính sách nhà ở.",
        3,
        S.PROPOSED,
        25,
        "phongvien2",
        editor="bientap2",
        beat=2,
        from_entry=12,
    ),
    DemoAssignment(
        "Tín dụng tam nông vượt khó",
        "Agribank trong giai đoạn dịch bệnh.",
        1,
        S.ACCEPTED,
        6,
        "phongvien3",
        beat=3,
        from_entry=14,
        start_draft=True,
    ),
    DemoAssignment(
        "Chuyển đổi số trong công tác đảng ở ngân hàng",
        "So sánh cách làm của BIDV và VietinBank.",
        1,
        S.COMMISSIONED,
        9,
        "phongvien3",
        beat=3,
        from_entry=15,
    ),
    DemoAssignment(
        "Doanh nghiệp nhà nước có thật sự kém hiệu quả?",
        "Phản bác bằng số liệu nộp ngân sách và đầu tư.",
        2,
        S.COMMISSIONED,
        -1,
        "phongvien2",
        beat=4,
        from_entry=19,
        priority=AssignmentPriority.HIGH,
        length=3000,
    ),
    DemoAssignment(
        "Nhận diện luận điệu xuyên tạc về kinh tế nhà nước",
        "Bài nghiên cứu của chuyên gia bên ngoài.",
        2,
        S.COMMISSIONED,
        14,
        "phongvien2",
        beat=4,
        external=("Lê Thị Hồng", "TS."),
        length=4000,
    ),
    DemoAssignment(
        "Phản bác luận điệu “doanh nghiệp nhà nước là gánh nặng”",
        "Bài phản bác có số liệu, dành cho chuyên mục đấu tranh.",
        2,
        S.ACCEPTED,
        D(2020, 9, 15),
        "phongvien2",
        editor="bientap",
        beat=4,
        from_entry=17,
        article_slug="bac-bo-luan-dieu-doanh-nghiep-nha-nuoc-la-ganh-nang",
    ),
    DemoAssignment(
        "Học và làm theo Bác ở vùng than",
        "Gương người tốt việc tốt ở Quảng Ninh theo Chỉ thị 05.",
        4,
        S.ACCEPTED,
        D(2020, 11, 20),
        "phongvien2",
        editor="bientap2",
        beat=2,
        photo=PhotoNeeds.ARCHIVE,
        article_slug="hoc-va-lam-theo-bac-o-vung-than-quang-ninh",
    ),
    DemoAssignment(
        "Tết ấm yêu thương nơi biên giới, hải đảo",
        "Ghi chép chương trình tình nguyện chung.",
        4,
        S.PROPOSED,
        30,
        None,
        photo=PhotoNeeds.NEW,
    ),
    DemoAssignment(
        "Phong trào thi đua mới trong các đảng bộ Khối",
        "Bài tin từ thông tin của Đảng ủy Khối.",
        3,
        S.CANCELLED,
        8,
        "phongvien",
        beat=0,
        from_entry=20,
    ),
]


def _day(value: datetime.date | int, today: datetime.date, sign: int) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return today + datetime.timedelta(days=sign * value)


def _programme() -> Programme | None:
    return Programme.objects.filter(start_year=2020).order_by("pk").first()


def load_beats(users: dict, organisations: dict[str, Organisation], topics: dict) -> list[Beat]:
    beats = []
    for spec in BEATS:
        beat, _created = Beat.objects.get_or_create(
            name=spec.name,
            defaults={"topic": topics.get(spec.topic), "description": spec.description},
        )
        # Fill in what an earlier run could not link yet (programme demo loaded since).
        wanted = [organisations[key] for key in spec.organisations if key in organisations]
        if beat.topic_id is None and topics.get(spec.topic):
            beat.topic = topics[spec.topic]
            beat.save(update_fields=["topic"])
        if wanted and not beat.organisations.exists():
            beat.organisations.set(wanted)
        for username, role, starts_on in spec.people:
            BeatAssignment.objects.get_or_create(
                beat=beat, person=users[username], role=role, starts_on=starts_on
            )
        beats.append(beat)
    return beats


def load_log(users: dict, organisations: dict, beats: list[Beat], today) -> list[BeatLogEntry]:
    entries = []
    for spec in ENTRIES:
        day = _day(spec.date, today, -1)
        entry, _created = BeatLogEntry.objects.get_or_create(
            beat=beats[spec.beat],
            author=users[spec.author],
            summary=spec.summary,
            defaults={
                "date": day,
                "kind": spec.kind,
                "people_met": spec.people_met,
                "follow_up_needed": spec.follow_up_in is not None,
                "follow_up_by": None
                if spec.follow_up_in is None
                else today + datetime.timedelta(days=spec.follow_up_in),
            },
        )
        wanted = [organisations[key] for key in spec.organisations if key in organisations]
        if wanted and not entry.organisations.exists():
            entry.organisations.set(wanted)
        entries.append(entry)
    return entries


def _external_author(name: str, title: str) -> Author:
    author = Author.objects.filter(full_name=name).first()
    return author or Author.objects.create(full_name=name, academic_title=title)


def load_assignments(users, topics, beats, entries, today) -> list[Assignment]:
    from editorial.desk import actions
    from editorial.desk.articles import hub_page_for

    plan_items = {
        item.kind: item
        for item in PlanItem.objects.filter(
            plan__year=2020, plan__programme__start_year=2020
        ).order_by("-sort_order", "-pk")
    }
    assignments = []
    for spec in ASSIGNMENTS:
        topic = topics.get(spec.topic)
        if topic is None:
            continue
        writer = users[spec.assignee] if spec.assignee else None
        values = {
            "brief": spec.brief,
            "topic": topic,
            "plan_item": plan_items.get(spec.plan_kind) if spec.plan_kind else None,
            "beat": beats[spec.beat] if spec.beat is not None else None,
            "source_log_entry": entries[spec.from_entry] if spec.from_entry is not None else None,
            "editor": users[spec.editor],
            "proposed_by": users[spec.editor],
            "due_date": _day(spec.due, today, 1),
            "status": spec.status,
            "decline_reason": spec.decline_reason,
            "photo_needs": spec.photo,
            "priority": spec.priority,
            "target_length": spec.length,
        }
        if spec.external:
            values.update(external_author=_external_author(*spec.external), staff_contact=writer)
        else:
            values["assignee"] = writer
        if spec.status != S.PROPOSED:
            values["commissioned_at"] = _commissioned_at(values["due_date"])
        assignment, _ = Assignment.objects.get_or_create(headline=spec.headline, defaults=values)
        if assignment.article_id is None and spec.article_slug:
            page = Page.objects.filter(slug=spec.article_slug).first()
            if page is not None and not _already_linked(page):
                assignment.article = page
                assignment.save(update_fields=["article"])
        if (
            assignment.article_id is None
            and spec.start_draft
            and assignment.status == S.ACCEPTED
            and hub_page_for(topic) is not None
        ):
            actions.start_draft(assignment, users[spec.assignee])
        assignments.append(assignment)
    return assignments


def _commissioned_at(due: datetime.date) -> datetime.datetime:
    """Three weeks before the due date, never later than now: the 2020 commissions read
    as made in 2020, so commission-to-publication times in the reports are real ones."""
    start = datetime.datetime.combine(due - datetime.timedelta(days=21), datetime.time(9))
    return min(timezone.make_aware(start), timezone.now())


def _already_linked(page: Page) -> bool:
    return Assignment.objects.filter(article=page).exists()


def load_desk(today: datetime.date | None = None) -> dict[str, int]:
    """Load the desk demo on top of the programme demo; returns what exists afterwards."""
    today = today or timezone.localdate()
    users = {user.username: user for user in get_user_model().objects.all()}
    organisations = {o.short_name: o for o in Organisation.objects.all()}
    programme = _programme()
    topics = (
        {t.number: t for t in ProgrammeTopic.objects.filter(programme=programme)}
        if programme
        else {}
    )
    beats = load_beats(users, organisations, topics)
    entries = load_log(users, organisations, beats, today)
    assignments = load_assignments(users, topics, beats, entries, today)
    return {"beats": len(beats), "log_entries": len(entries), "assignments": len(assignments)}
