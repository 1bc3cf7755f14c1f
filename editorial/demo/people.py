"""People: a staff profile for every demo user, and bylines (authors).

The Review's 2020 leadership is real (Đoàn Minh Huấn, Nguyễn Ngọc Hà, Vũ Trọng Lâm); the
other staff and every external author are invented for the demo and say so in their bio.
Natural keys: a staff profile by its user, an author by full name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from editorial.demo.users import DEMO_USERS
from editorial.models import Author, Organisation, StaffProfile

INVENTED = "Nhân vật hư cấu trong dữ liệu mẫu."


@dataclass(frozen=True)
class StaffDetails:
    academic_title: str
    position: str
    desk: str
    writes: bool  # gets a byline linked to the account


STAFF = {
    "tongbientap": StaffDetails("PGS, TS.", "Tổng Biên tập", "Ban Biên tập", True),
    "photongbientap": StaffDetails("PGS, TS.", "Phó Tổng Biên tập", "Ban Biên tập", True),
    "bientap": StaffDetails("ThS.", "Biên tập viên", "Ban Xây dựng Đảng", True),
    "bientap2": StaffDetails("TS.", "Biên tập viên", "Ban Kinh tế", True),
    "phongvien": StaffDetails("", "Phóng viên", "Ban Kinh tế", True),
    "phongvien2": StaffDetails("ThS.", "Phóng viên", "Ban Xây dựng Đảng", True),
    "phongvien3": StaffDetails("", "Phóng viên", "Ban Thông tin – Thời sự", True),
    # The photo desk is credited on images (Ảnh: ...), not in bylines.
    "bananh": StaffDetails("", "Phóng viên ảnh", "Ban Ảnh", False),
}


def demo_logins() -> list[tuple[str, str]]:
    """(username, what the person is) for the banners: the position, so the deputy reads
    "Phó Tổng Biên tập" where the role alone would say "Tổng Biên tập"."""
    return [
        (
            spec.username,
            STAFF[spec.username].position if spec.username in STAFF else spec.role.label,
        )
        for spec in DEMO_USERS
    ]


@dataclass(frozen=True)
class DemoAuthor:
    full_name: str
    academic_title: str
    position: str
    organisation: str | None  # short name
    bio: str


# Bylines without an account. Vũ Trọng Lâm was a deputy editor-in-chief in 2020; the
# others are invented, plausible contributors (enterprise leaders, researchers).
EXTERNAL_AUTHORS = [
    DemoAuthor(
        "Vũ Trọng Lâm",
        "PGS, TS.",
        "Phó Tổng Biên tập Tạp chí Cộng sản",
        "TCCS",
        "Phó Tổng Biên tập Tạp chí Cộng sản năm 2020; viết về lý luận chính trị và xây dựng Đảng.",
    ),
    DemoAuthor(
        "Lê Thị Hồng Nhung",
        "TS.",
        "Chuyên viên Ban Tuyên giáo Đảng ủy Khối",
        "DUKDNTW",
        "Viết về công tác tư tưởng trong các đảng bộ doanh nghiệp. " + INVENTED,
    ),
    DemoAuthor(
        "Nguyễn Thị Ánh Tuyết",
        "TS.",
        "Trưởng phòng Nghiên cứu chính sách",
        "EVN",
        "Nghiên cứu quản trị doanh nghiệp ngành điện. " + INVENTED,
    ),
    DemoAuthor(
        "Hoàng Văn Ơn",
        "",
        "Bí thư Đảng ủy một công ty than",
        "TKV",
        "Hơn hai mươi năm gắn bó với vùng mỏ Quảng Ninh. " + INVENTED,
    ),
    DemoAuthor(
        "Đặng Quốc Ưng",
        "PGS, TS.",
        "Giảng viên cao cấp, nghiên cứu kinh tế chính trị",
        None,
        "Viết về vai trò của kinh tế nhà nước trong nền kinh tế thị trường định hướng xã "
        "hội chủ nghĩa. " + INVENTED,
    ),
    DemoAuthor(
        "Bùi Thị Âu",
        "ThS.",
        "Phó Giám đốc chi nhánh",
        "AGRIBANK",
        "Viết về tín dụng cho nông nghiệp, nông thôn. " + INVENTED,
    ),
]


def load_people(organisations: dict[str, Organisation]) -> None:
    """Staff profiles for every demo user, their bylines, and external authors."""
    User = get_user_model()
    review = organisations["TCCS"]
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec.username)
        details = STAFF[spec.username]
        full_name = f"{spec.last_name} {spec.first_name}"
        StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": full_name,
                "given_name": spec.first_name,
                "academic_title": details.academic_title,
                "desk": details.desk,
                "position": details.position,
            },
        )
        if details.writes:
            Author.objects.get_or_create(
                full_name=full_name,
                defaults={
                    "given_name": spec.first_name,
                    "academic_title": details.academic_title,
                    "position": f"{details.position}, Tạp chí Cộng sản",
                    "organisation": review,
                    "staff_user": user,
                },
            )
    for author in EXTERNAL_AUTHORS:
        Author.objects.get_or_create(
            full_name=author.full_name,
            defaults={
                "academic_title": author.academic_title,
                "position": author.position,
                "organisation": organisations.get(author.organisation or ""),
                "bio": author.bio,
            },
        )
