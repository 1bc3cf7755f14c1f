"""Annual plans 2020–2025 with their items, and the programme's events.

The 2020 items are what the two bodies agreed for that year; the 2021–2025 items are
illustrations (``is_example``). Natural keys: a plan by (programme, year), an event by title.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from editorial.enums import EventKind, PlanItemKind
from editorial.models import (
    AnnualPlan,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeEvent,
    ProgrammeTopic,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
Kind = PlanItemKind


@dataclass(frozen=True)
class DemoItem:
    key: str  # for linking events; not stored
    title: str
    description: str
    topic: int
    lead: str
    kind: PlanItemKind
    target: int | None  # None: done / not done
    due: datetime.date


PLAN_2020 = [
    DemoItem(
        "research",
        "Bài nghiên cứu tổng kết công tác của Đảng bộ Khối",
        "Loạt bài đánh giá việc thực hiện nhiệm vụ chính trị và công tác xây dựng Đảng "
        "của Đảng bộ Khối Doanh nghiệp Trung ương nhiệm kỳ 2015–2020.",
        1,
        "TCCS",
        Kind.RESEARCH,
        6,
        datetime.date(2020, 12, 15),
    ),
    DemoItem(
        "congresses",
        "Đại hội đảng bộ các cấp trong Khối",
        "Đưa tin về việc chuẩn bị và tổ chức đại hội ở các đảng bộ cơ sở, đảng bộ cấp trên "
        "cơ sở thuộc Khối.",
        3,
        "DUKDNTW",
        Kind.CONGRESS,
        8,
        datetime.date(2020, 9, 30),
    ),
    DemoItem(
        "third_congress",
        "Đại hội đại biểu Đảng bộ Khối Doanh nghiệp Trung ương lần thứ III",
        "Tuyên truyền trước, trong và sau Đại hội (nhiệm kỳ 2020–2025), họp tại Hà Nội "
        "từ ngày 19 đến 21-10-2020.",
        3,
        "TCCS",
        Kind.CONGRESS,
        5,
        datetime.date(2020, 10, 31),
    ),
    DemoItem(
        "road_to_13th",
        "Hướng tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Bài viết về những đóng góp của Đảng bộ Khối vào văn kiện và công tác chuẩn bị "
        "Đại hội XIII.",
        1,
        "TCCS",
        Kind.CONGRESS,
        4,
        datetime.date(2020, 12, 31),
    ),
    DemoItem(
        "seminar",
        "Hội thảo khoa học “Khơi thông nguồn lực, tạo động lực mới cho doanh nghiệp nhà "
        "nước phát triển bền vững”",
        "Hai bên đồng tổ chức; Tạp chí đăng tham luận chọn lọc sau hội thảo.",
        5,
        "TCCS",
        Kind.SEMINAR,
        None,
        datetime.date(2020, 12, 15),
    ),
    DemoItem(
        "campaign",
        "Quảng bá hàng Việt của doanh nghiệp trong Khối",
        "Giới thiệu một số sản phẩm, dịch vụ của doanh nghiệp trong Khối, hưởng ứng Cuộc "
        "vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”.",
        4,
        "DUKDNTW",
        Kind.CAMPAIGN,
        4,
        datetime.date(2020, 12, 31),
    ),
    DemoItem(
        "information",
        "Trao đổi thông tin thường xuyên",
        "Mỗi bên gửi bên kia tin về hoạt động của mình; đích là mỗi tháng một bản tin.",
        3,
        "DUKDNTW",
        Kind.INFORMATION,
        10,
        datetime.date(2020, 12, 31),
    ),
    DemoItem(
        "meetings",
        "Mời nhau dự họp",
        "Mời đại diện bên kia dự các cuộc họp có nội dung liên quan đến chương trình.",
        5,
        "TCCS",
        Kind.MEETINGS,
        2,
        datetime.date(2020, 12, 31),
    ),
    DemoItem(
        "volunteer",
        "Chương trình tình nguyện “Tết ấm yêu thương”",
        "Đồng tổ chức: thăm, chúc Tết cán bộ, chiến sĩ nơi biên giới, hải đảo và tặng quà "
        "Tết cho bà con khó khăn ở các tỉnh biên giới, hải đảo.",
        4,
        "DUKDNTW",
        Kind.VOLUNTEER,
        None,
        datetime.date(2020, 12, 31),
    ),
]

# Later years: a couple of illustrative items each (not agreed texts).
EXAMPLE_ITEMS: dict[int, list[tuple[str, int, str, PlanItemKind, int | None, datetime.date]]] = {
    2021: [
        ("Đưa Nghị quyết Đại hội XIII vào doanh nghiệp", 1, "TCCS", Kind.RESEARCH, 4,
         datetime.date(2021, 11, 30)),
        ("Tọa đàm về chuyển đổi số trong doanh nghiệp nhà nước", 5, "TCCS", Kind.SEMINAR,
         None, datetime.date(2021, 10, 31)),
    ],
    2022: [
        ("Chuyên mục phản bác luận điệu “doanh nghiệp nhà nước kém hiệu quả”", 2, "TCCS",
         Kind.RESEARCH, 3, datetime.date(2022, 9, 30)),
        ("“Tết ấm yêu thương” 2022", 4, "DUKDNTW", Kind.VOLUNTEER, None,
         datetime.date(2022, 12, 31)),
    ],
    2023: [
        ("Mô hình quản trị mới ở các tập đoàn năng lượng", 3, "DUKDNTW", Kind.RESEARCH, 3,
         datetime.date(2023, 10, 31)),
        ("Trao đổi thông tin hằng quý", 3, "DUKDNTW", Kind.INFORMATION, 4,
         datetime.date(2023, 12, 31)),
    ],
    2024: [
        ("Hội thảo về vai trò dẫn dắt của doanh nghiệp nhà nước", 5, "TCCS", Kind.SEMINAR,
         None, datetime.date(2024, 11, 30)),
        ("Quảng bá sản phẩm hàng Việt của các ngân hàng trong Khối", 4, "DUKDNTW",
         Kind.CAMPAIGN, 2, datetime.date(2024, 12, 31)),
    ],
    2025: [
        ("Tổng kết 5 năm thực hiện chương trình phối hợp", 1, "TCCS", Kind.RESEARCH, 2,
         datetime.date(2025, 12, 15)),
        ("Hội nghị đánh giá và ký chương trình giai đoạn mới", 5, "DUKDNTW", Kind.MEETINGS,
         None, datetime.date(2025, 12, 31)),
    ],
}  # fmt: skip


@dataclass(frozen=True)
class DemoEvent:
    title: str
    kind: EventKind
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    topic: int | None
    item: str | None  # key of a 2020 plan item
    description: str


ILLUSTRATIVE = " (Ngày giờ trong dữ liệu mẫu chỉ để minh họa.)"

EVENTS = [
    DemoEvent(
        "Lễ ký kết chương trình phối hợp công tác 2020–2025",
        EventKind.CEREMONY,
        datetime.datetime(2020, 3, 5, 14, 30, tzinfo=HANOI),
        None,
        "Hà Nội",
        None,
        None,
        "Buổi chiều 5-3-2020, Bí thư Đảng ủy Khối và Tổng Biên tập Tạp chí Cộng sản ký "
        "chương trình, với sự chứng kiến của Trưởng Ban Kinh tế Trung ương."
        " (Giờ bắt đầu chỉ để minh họa.)",
    ),
    DemoEvent(
        "Đại hội đại biểu Đảng bộ Khối Doanh nghiệp Trung ương lần thứ III",
        EventKind.CONGRESS,
        datetime.datetime(2020, 10, 19, 8, 0, tzinfo=HANOI),
        datetime.datetime(2020, 10, 21, 17, 0, tzinfo=HANOI),
        "Hà Nội",
        3,
        "third_congress",
        "Đại hội nhiệm kỳ 2020–2025 của Đảng bộ Khối, họp ba ngày tại Hà Nội.",
    ),
    DemoEvent(
        "Hội thảo “Khơi thông nguồn lực, tạo động lực mới cho doanh nghiệp nhà nước phát "
        "triển bền vững”",
        EventKind.SEMINAR,
        datetime.datetime(2020, 11, 26, 8, 30, tzinfo=HANOI),
        datetime.datetime(2020, 11, 26, 17, 0, tzinfo=HANOI),
        "Hà Nội",
        5,
        "seminar",
        "Hội thảo khoa học do hai cơ quan đồng tổ chức." + ILLUSTRATIVE,
    ),
    DemoEvent(
        "Chuyến tình nguyện “Tết ấm yêu thương”",
        EventKind.VOLUNTEER,
        datetime.datetime(2020, 12, 26, 7, 0, tzinfo=HANOI),
        datetime.datetime(2020, 12, 28, 18, 0, tzinfo=HANOI),
        "Các tỉnh biên giới phía Bắc",
        4,
        "volunteer",
        "Thăm, chúc Tết cán bộ, chiến sĩ biên phòng và tặng quà cho các gia đình khó khăn."
        + ILLUSTRATIVE,
    ),
]


def _create_plan(programme: Programme, year: int, items: list[PlanItem]) -> AnnualPlan:
    plan = AnnualPlan(programme=programme, year=year, title=f"Chương trình phối hợp năm {year}")
    plan.items = items
    plan.full_clean()
    plan.save()
    # A first revision, so the admin's history starts here.
    plan.save_revision(log_action="wagtail.create")
    return plan


def load_plans(
    programme: Programme,
    topics: dict[int, ProgrammeTopic],
    organisations: dict[str, Organisation],
) -> dict[int, AnnualPlan]:
    """Create each year's plan with its items, once; an existing plan is left alone."""
    plans = {plan.year: plan for plan in programme.plans.all()}
    if 2020 not in plans:
        items = [
            PlanItem(
                title=item.title,
                description=item.description,
                topic=topics[item.topic],
                lead_organisation=organisations[item.lead],
                kind=item.kind,
                target=item.target,
                due_date=item.due,
                sort_order=order,
            )
            for order, item in enumerate(PLAN_2020)
        ]
        plans[2020] = _create_plan(programme, 2020, items)
    for year, examples in EXAMPLE_ITEMS.items():
        if year in plans:
            continue
        items = [
            PlanItem(
                title=title,
                topic=topics[topic],
                lead_organisation=organisations[lead],
                kind=kind,
                target=target,
                due_date=due,
                is_example=True,
                sort_order=order,
            )
            for order, (title, topic, lead, kind, target, due) in enumerate(examples)
        ]
        plans[year] = _create_plan(programme, year, items)
    return plans


def load_events(
    plans: dict[int, AnnualPlan],
    topics: dict[int, ProgrammeTopic],
    organisations: dict[str, Organisation],
) -> list[ProgrammeEvent]:
    """The signing and the 2020 events, linked to the plan items they fulfil."""
    items_2020 = {item.title: item for item in plans[2020].items.all()}
    # An item an editor renamed or removed simply leaves its event unlinked.
    keyed = {spec.key: items_2020.get(spec.title) for spec in PLAN_2020}
    parties = [organisations["DUKDNTW"], organisations["TCCS"]]
    events = []
    for spec in EVENTS:
        event, created = ProgrammeEvent.objects.get_or_create(
            title=spec.title,
            defaults={
                "kind": spec.kind,
                "starts_at": spec.starts_at,
                "ends_at": spec.ends_at,
                "place": spec.place,
                "topic": topics.get(spec.topic) if spec.topic else None,
                "plan_item": keyed.get(spec.item) if spec.item else None,
                "description": spec.description,
            },
        )
        if created:
            event.organisations.set(parties)
        events.append(event)
    return events
