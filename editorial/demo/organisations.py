"""The Committee, the Review, VGP and a dozen of the Bloc's enterprises (natural key: short name)."""

from __future__ import annotations

from dataclasses import dataclass

from editorial.enums import OrganisationKind
from editorial.models import Organisation

Kind = OrganisationKind


@dataclass(frozen=True)
class DemoOrganisation:
    short_name: str
    name: str
    kind: OrganisationKind
    website: str
    description: str


DEMO_ORGANISATIONS = [
    DemoOrganisation(
        "DUKDNTW",
        "Đảng ủy Khối Doanh nghiệp Trung ương",
        Kind.PARTY_COMMITTEE,
        "",
        "Cấp ủy lãnh đạo các tổ chức đảng trong những tập đoàn, tổng công ty và ngân hàng "
        "nhà nước trực thuộc Trung ương; một bên ký chương trình phối hợp 2020–2025.",
    ),
    DemoOrganisation(
        "TCCS",
        "Tạp chí Cộng sản",
        Kind.JOURNAL,
        "https://www.tapchicongsan.org.vn",
        "Cơ quan lý luận và chính trị của Trung ương Đảng; bên còn lại của chương trình "
        "phối hợp, phụ trách phần nghiên cứu và tuyên truyền.",
    ),
    DemoOrganisation(
        "VGP",
        "Cổng Thông tin điện tử Chính phủ",
        Kind.AGENCY,
        "https://chinhphu.vn",
        "Nguồn tin và ảnh thường được dẫn lại (Chinhphu.vn, Ảnh: VGP).",
    ),
    DemoOrganisation(
        "EVN",
        "Tập đoàn Điện lực Việt Nam",
        Kind.GROUP,
        "https://www.evn.com.vn",
        "Tập đoàn nhà nước về sản xuất, truyền tải và phân phối điện.",
    ),
    DemoOrganisation(
        "PVN",
        "Tập đoàn Dầu khí Việt Nam",
        Kind.GROUP,
        "https://www.pvn.vn",
        "Petrovietnam: thăm dò, khai thác và chế biến dầu khí.",
    ),
    DemoOrganisation(
        "TKV",
        "Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam",
        Kind.GROUP,
        "https://www.vinacomin.vn",
        "Vinacomin: khai thác than và khoáng sản, với đông đảo thợ mỏ ở Quảng Ninh.",
    ),
    DemoOrganisation(
        "VINACHEM",
        "Tập đoàn Hóa chất Việt Nam",
        Kind.GROUP,
        "https://vinachem.com.vn",
        "Phân bón, hóa chất cơ bản, cao su và chất tẩy rửa.",
    ),
    DemoOrganisation(
        "HUD",
        "Tổng công ty Đầu tư phát triển nhà và đô thị",
        Kind.CORPORATION,
        "https://hud.com.vn",
        "Đầu tư, xây dựng các khu đô thị và nhà ở.",
    ),
    DemoOrganisation(
        "SONGDA",
        "Tổng công ty Sông Đà",
        Kind.CORPORATION,
        "https://songda.vn",
        "Doanh nghiệp xây dựng các công trình thủy điện và hạ tầng lớn.",
    ),
    DemoOrganisation(
        "VDB",
        "Ngân hàng Phát triển Việt Nam",
        Kind.BANK,
        "https://vdb.gov.vn",
        "Ngân hàng chính sách cho vay các dự án đầu tư phát triển.",
    ),
    DemoOrganisation(
        "AGRIBANK",
        "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
        Kind.BANK,
        "https://www.agribank.com.vn",
        "Agribank: ngân hàng thương mại nhà nước phục vụ nông nghiệp, nông thôn.",
    ),
    DemoOrganisation(
        "VIETCOMBANK",
        "Ngân hàng Thương mại cổ phần Ngoại thương Việt Nam",
        Kind.BANK,
        "https://www.vietcombank.com.vn",
        "Vietcombank: ngân hàng thương mại do Nhà nước nắm cổ phần chi phối.",
    ),
    DemoOrganisation(
        "VIETINBANK",
        "Ngân hàng Thương mại cổ phần Công Thương Việt Nam",
        Kind.BANK,
        "https://www.vietinbank.vn",
        "VietinBank: ngân hàng thương mại do Nhà nước nắm cổ phần chi phối.",
    ),
    DemoOrganisation(
        "BIDV",
        "Ngân hàng Thương mại cổ phần Đầu tư và Phát triển Việt Nam",
        Kind.BANK,
        "https://www.bidv.com.vn",
        "BIDV: ngân hàng thương mại do Nhà nước nắm cổ phần chi phối.",
    ),
]

ENTERPRISE_KINDS = {Kind.GROUP, Kind.CORPORATION, Kind.BANK}


def load_organisations() -> dict[str, Organisation]:
    """Create missing organisations; an existing one keeps what editors changed."""
    organisations = {}
    for spec in DEMO_ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            short_name=spec.short_name,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "website": spec.website,
                "description": spec.description,
            },
        )
        organisations[spec.short_name] = organisation
    return organisations
