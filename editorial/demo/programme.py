"""The 2020–2025 coordination programme as signed on 5 March 2020, and its five topics.

Natural keys: the programme by the slug derived from its title; topics by number 1–5 within
it. Texts are written for this demo from the facts of the signing (DESIGN.md, section 2).
"""

from __future__ import annotations

import datetime

from editorial.enums import SignatoryRole
from editorial.models import (
    Organisation,
    Programme,
    ProgrammeParty,
    ProgrammePerson,
    ProgrammePurpose,
    ProgrammeResponsibility,
    ProgrammeTopic,
)
from editorial.text import slugify_vi

PROGRAMME_TITLE = (
    "Chương trình phối hợp công tác giữa Đảng ủy Khối Doanh nghiệp Trung ương "
    "và Tạp chí Cộng sản giai đoạn 2020–2025"
)
# What AutoSlugMixin derives from the title (unique_slug keeps 4 characters for a suffix).
PROGRAMME_SLUG = slugify_vi(PROGRAMME_TITLE, max_length=76)

PROGRAMME_SUMMARY = (
    "Chiều 5-3-2020 tại Hà Nội, Đảng ủy Khối Doanh nghiệp Trung ương và Tạp chí Cộng sản "
    "ký chương trình phối hợp cho 5 năm 2020–2025: hai bên cùng nghiên cứu, tuyên truyền "
    "về kinh tế nhà nước, doanh nghiệp nhà nước và công tác xây dựng Đảng trong Khối, "
    "cùng tổ chức hội thảo và sự kiện, và thường xuyên trao đổi thông tin."
)

# (role, name, position, organisation short name or None)
PEOPLE = [
    (
        SignatoryRole.SIGNATORY,
        "Y Thanh Hà Niê Kđăm",
        "Bí thư Đảng ủy Khối Doanh nghiệp Trung ương",
        "DUKDNTW",
    ),
    (SignatoryRole.SIGNATORY, "Đoàn Minh Huấn", "Tổng Biên tập Tạp chí Cộng sản", "TCCS"),
    (
        SignatoryRole.WITNESS,
        "Nguyễn Văn Bình",
        "Ủy viên Bộ Chính trị, Trưởng Ban Kinh tế Trung ương",
        None,
    ),
]

PURPOSES = [
    "Giúp mỗi cơ quan làm tốt hơn nhiệm vụ chính trị và công tác xây dựng Đảng của mình, "
    "trong đúng phạm vi chức năng và quyền hạn được giao.",
    "Thông tin qua lại thường xuyên giữa hai bên và học hỏi kinh nghiệm của nhau, "
    "trước hết là kinh nghiệm xây dựng Đảng.",
    "Qua những việc làm chung cụ thể, nâng thêm uy tín và tầm ảnh hưởng của cả hai cơ quan.",
]

# The mechanism: who leads what (organisation short name, responsibility).
RESPONSIBILITIES = [
    (
        "DUKDNTW",
        "Chủ động gửi Tạp chí tin về những việc mới, quan trọng và nổi bật của Đảng ủy Khối "
        "và các cấp ủy trực thuộc.",
    ),
    (
        "DUKDNTW",
        "Chủ trì lập kế hoạch tuyên truyền mô hình mới, cách làm hiệu quả của các đơn vị "
        "trong Đảng bộ Khối.",
    ),
    (
        "TCCS",
        "Chủ trì lập kế hoạch tổng kết thực tiễn và nghiên cứu lý luận về những vấn đề "
        "hai bên cùng quan tâm.",
    ),
    (
        "TCCS",
        "Chủ động đưa tin về kết quả thực hiện nhiệm vụ chính trị và xây dựng Đảng trong Khối, "
        "giới thiệu hình ảnh, vị thế của các tập đoàn, tổng công ty và ngân hàng.",
    ),
    ("TCCS", "Tham gia các sự kiện của Đảng ủy Khối để đưa tin và quảng bá."),
    ("TCCS", "Cử biên tập viên theo dõi công tác xây dựng Đảng của Đảng ủy Khối."),
]

# (number, name, English gloss, lead organisation, description)
TOPICS = [
    (
        1,
        "Tổng kết lý luận và thực tiễn về kinh tế nhà nước",
        "Theory and practice of the state economy and state-owned enterprises",
        "TCCS",
        "Bài nghiên cứu tổng kết về kinh tế nhà nước, doanh nghiệp nhà nước và công tác "
        "xây dựng Đảng trong doanh nghiệp; kiến nghị cách gỡ những điểm nghẽn để doanh "
        "nghiệp nhà nước phát triển bền vững.",
    ),
    (
        2,
        "Đấu tranh phản bác quan điểm sai trái, thù địch",
        "Refuting wrong and hostile views",
        "TCCS",
        "Chỉ ra và bác bỏ những luận điệu xuyên tạc về kinh tế nhà nước và doanh nghiệp "
        "nhà nước; làm rõ vai trò chủ đạo của kinh tế nhà nước trong nền kinh tế thị trường "
        "định hướng xã hội chủ nghĩa.",
    ),
    (
        3,
        "Xây dựng Đảng và nhiệm vụ chính trị trong Khối",
        "Party building and political tasks in the Bloc",
        "DUKDNTW",
        "Mô hình mới, cách làm sáng tạo của các tổ chức đảng trong Khối: quản trị doanh "
        "nghiệp, sức cạnh tranh, đổi mới công nghệ, hội nhập, đời sống người lao động, "
        "quốc phòng – an ninh và môi trường.",
    ),
    (
        4,
        "Làm theo Bác và ưu tiên dùng hàng Việt",
        "Directive 05-CT/TW and the Buy Vietnamese campaign",
        "DUKDNTW",
        "Việc thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong "
        "cách Hồ Chí Minh gắn với nêu gương, và Cuộc vận động “Người Việt Nam ưu tiên dùng "
        "hàng Việt Nam” ở mỗi cơ quan.",
    ),
    (
        5,
        "Hội thảo, tọa đàm và sự kiện",
        "Seminars, workshops and events",
        "TCCS",
        "Những hội thảo, tọa đàm và sự kiện có ý nghĩa chính trị, xã hội và thời sự mà hai "
        "bên cùng tổ chức.",
    ),
]


def get_demo_programme() -> Programme:
    """The demo programme, by its natural key."""
    return Programme.objects.get(slug=PROGRAMME_SLUG)


def load_programme(organisations: dict[str, Organisation]) -> Programme:
    """Create the programme with its parties, people, purposes and mechanism, once."""
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is not None:
        return programme
    programme = Programme.objects.create(
        title=PROGRAMME_TITLE,
        signed_on=datetime.date(2020, 3, 5),
        signed_at="Hà Nội",
        start_year=2020,
        end_year=2025,
        summary=PROGRAMME_SUMMARY,
    )
    for order, short_name in enumerate(("DUKDNTW", "TCCS")):
        ProgrammeParty.objects.create(
            programme=programme, organisation=organisations[short_name], sort_order=order
        )
    for order, (role, name, position, short_name) in enumerate(PEOPLE):
        ProgrammePerson.objects.create(
            programme=programme,
            sort_order=order,
            role=role,
            name=name,
            position=position,
            organisation=organisations.get(short_name) if short_name else None,
        )
    for order, text in enumerate(PURPOSES):
        ProgrammePurpose.objects.create(programme=programme, text=text, sort_order=order)
    for order, (short_name, responsibility) in enumerate(RESPONSIBILITIES):
        ProgrammeResponsibility.objects.create(
            programme=programme,
            sort_order=order,
            organisation=organisations[short_name],
            responsibility=responsibility,
        )
    # A first revision, so the admin's history starts at the signed text.
    Programme.objects.get(pk=programme.pk).save_revision(log_action="wagtail.create")
    return programme


def load_topics(
    programme: Programme, organisations: dict[str, Organisation]
) -> dict[int, ProgrammeTopic]:
    """The five content areas, by number; an existing topic keeps editors' changes."""
    topics = {}
    for number, name, name_en, lead, description in TOPICS:
        topic, _created = ProgrammeTopic.objects.get_or_create(
            programme=programme,
            number=number,
            defaults={
                "name": name,
                "name_en": name_en,
                "description": description,
                "lead_organisation": organisations[lead],
                "sort_order": number,
            },
        )
        topics[number] = topic
    return topics
