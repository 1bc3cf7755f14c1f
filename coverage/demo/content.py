"""The demo coverage: the signing ceremony and the 2020 plan's articles, in our own words.

Facts follow shared/DESIGN.md section 2; every sentence here is written for the demo.
Articles name topics by number, plan items by kind, organisations by short name and
authors by full name (the programme demo's natural keys).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from coverage.demo.images import DemoPhoto
from editorial.enums import PlanItemKind

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=HANOI)


@dataclass(frozen=True)
class DemoAuthor:
    full_name: str
    academic_title: str = ""
    position: str = ""
    organisation: str = ""  # short name
    bio: str = ""


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    sapo: str
    topic: int
    published: dt.datetime
    authors: tuple[DemoAuthor, ...]
    hero: DemoPhoto
    body: tuple[tuple[str, object], ...]
    tags: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    plan_kind: str = ""
    source_line: str = ""
    body_photos: tuple[DemoPhoto, ...] = field(default=())


# --- People ---------------------------------------------------------------------------
HUAN = DemoAuthor("Đoàn Minh Huấn", "PGS, TS.", "Tổng Biên tập Tạp chí Cộng sản", "TCCS")
HA = DemoAuthor("Nguyễn Ngọc Hà", "PGS, TS.", "Phó Tổng Biên tập Tạp chí Cộng sản", "TCCS")
LAM = DemoAuthor("Vũ Trọng Lâm", "PGS, TS.", "Phó Tổng Biên tập Tạp chí Cộng sản", "TCCS")
DUNG = DemoAuthor("Phạm Văn Dũng", "", "Phóng viên Ban Xây dựng Đảng", "TCCS")
ANH = DemoAuthor("Vũ Ngọc Ánh", "", "Phóng viên Ban Kinh tế", "TCCS")
DUC = DemoAuthor("Hoàng Minh Đức", "", "Phóng viên Ban Xây dựng Đảng", "TCCS")
# Outside authors: researchers and enterprise Party officials (invented for the demo).
THANH = DemoAuthor(
    "Lê Quốc Thành",
    "PGS, TS.",
    "Viện Kinh tế, Học viện Chính trị quốc gia Hồ Chí Minh",
    bio="Nghiên cứu về kinh tế nhà nước và quản trị doanh nghiệp nhà nước.",
)
MAI = DemoAuthor(
    "Trần Thị Mai",
    "TS.",
    "Khoa Xây dựng Đảng, Học viện Báo chí và Tuyên truyền",
    bio="Nghiên cứu công tác xây dựng Đảng trong các loại hình doanh nghiệp.",
)
HUNG = DemoAuthor(
    "Nguyễn Mạnh Hùng",
    "ThS.",
    "Phó Bí thư Đảng ủy Tập đoàn Điện lực Việt Nam",
    "EVN",
)
PHUONG = DemoAuthor(
    "Đặng Thu Phương",
    "TS.",
    "Ban Tuyên giáo Đảng ủy Khối Doanh nghiệp Trung ương",
    "DUKDNTW",
)

OUR_LICENCE = "Ảnh của Tạp chí Cộng sản; dùng tự do trên các ấn phẩm của Tạp chí."


def own_photo(title: str, caption: str, photographer: str, colour) -> DemoPhoto:
    return DemoPhoto(title, caption, "TCCS", photographer, colour, OUR_LICENCE)


def p(text: str) -> tuple[str, str]:
    return ("paragraph", f"<p>{text}</p>")


SIGNING = DemoArticle(
    slug="dang-uy-khoi-doanh-nghiep-trung-uong-va-tap-chi-cong-san-ky-ket-chuong-trinh-phoi-hop",
    title="Đảng ủy Khối Doanh nghiệp Trung ương và Tạp chí Cộng sản ký kết chương trình phối hợp",
    sapo=(
        "Chiều 5-3-2020 tại Hà Nội, hai cơ quan đã ký chương trình phối hợp công tác giai đoạn "
        "2020 – 2025, đặt ra năm nhóm nội dung từ nghiên cứu lý luận đến tuyên truyền mô hình mới "
        "trong các doanh nghiệp nhà nước."
    ),
    topic=5,
    published=at(2020, 3, 5, 17, 30),
    authors=(DUNG,),
    hero=DemoPhoto(
        "Lễ ký kết chương trình phối hợp, chiều 5-3-2020",
        "Quang cảnh lễ ký kết chương trình phối hợp giữa Đảng ủy Khối Doanh nghiệp Trung ương "
        "và Tạp chí Cộng sản.",
        "VGP",
        "Nguyễn Hoàng",
        (150, 28, 28),
        "Ảnh của Cổng Thông tin điện tử Chính phủ, dùng lại có ghi nguồn.",
    ),
    body=(
        p(
            "Buổi lễ diễn ra với sự chứng kiến của đồng chí Nguyễn Văn Bình, Ủy viên Bộ Chính trị, "
            "Trưởng Ban Kinh tế Trung ương. Thay mặt hai cơ quan, đồng chí Y Thanh Hà Niê Kđăm, "
            "Bí thư Đảng ủy Khối Doanh nghiệp Trung ương, và PGS, TS. Đoàn Minh Huấn, Tổng Biên tập "
            "Tạp chí Cộng sản, đã ký văn bản chương trình."
        ),
        ("intertitle", "Ba mục đích, năm nhóm nội dung"),
        p(
            "Theo văn bản được ký, việc phối hợp hướng tới ba điều: làm cho công tác chính trị và "
            "xây dựng Đảng của mỗi bên hiệu quả hơn; trao đổi thông tin, kinh nghiệm theo cả hai "
            "chiều; và nâng uy tín của từng cơ quan qua những việc làm chung cụ thể."
        ),
        (
            "fact_box",
            {
                "title": "Năm nhóm nội dung phối hợp",
                "body": (
                    "<ol><li>Tổng kết lý luận và thực tiễn về kinh tế nhà nước, doanh nghiệp nhà nước.</li>"
                    "<li>Phản bác quan điểm sai trái về kinh tế nhà nước.</li>"
                    "<li>Tuyên truyền công tác xây dựng Đảng trong Đảng bộ Khối.</li>"
                    "<li>Tuyên truyền Chỉ thị 05-CT/TW và Cuộc vận động dùng hàng Việt.</li>"
                    "<li>Cùng tổ chức hội thảo, tọa đàm, sự kiện.</li></ol>"
                ),
            },
        ),
        p(
            "Về cơ chế, Đảng ủy Khối cung cấp thông tin về những việc mới, việc quan trọng và chủ trì "
            "kế hoạch tuyên truyền mô hình hay; Tạp chí chủ trì việc tổng kết thực tiễn, nghiên cứu lý "
            "luận và cử biên tập viên theo dõi công tác xây dựng Đảng của Đảng ủy Khối."
        ),
        (
            "quote",
            {
                "text": "Chương trình chỉ có ý nghĩa khi mỗi nội dung được giao cho người cụ thể, "
                "có tiến độ và có sản phẩm báo chí để đo lường.",
                "attribution": "Ý kiến tại buổi ký kết",
            },
        ),
    ),
    tags=("Chương trình phối hợp", "Doanh nghiệp nhà nước", "Xây dựng Đảng"),
    organisations=("DUKDNTW", "TCCS"),
    source_line="Chinhphu.vn",
)

CONGRESS_OPENS = DemoArticle(
    slug="khai-mac-dai-hoi-dai-bieu-dang-bo-khoi-doanh-nghiep-trung-uong-lan-thu-iii",
    title="Khai mạc Đại hội đại biểu Đảng bộ Khối Doanh nghiệp Trung ương lần thứ III",
    sapo=(
        "Sáng 19-10-2020, Đại hội đại biểu Đảng bộ Khối Doanh nghiệp Trung ương nhiệm kỳ "
        "2020 – 2025 khai mạc tại Hà Nội, bàn phương hướng cho các tập đoàn, tổng công ty và "
        "ngân hàng trong năm năm tới."
    ),
    topic=3,
    published=at(2020, 10, 19, 11, 45),
    authors=(DUC, DUNG),
    hero=own_photo(
        "Phiên khai mạc Đại hội Đảng bộ Khối lần thứ III",
        "Các đại biểu dự phiên khai mạc Đại hội, sáng 19-10-2020.",
        "Hoàng Minh Đức",
        (170, 40, 30),
    ),
    body=(
        p(
            "Đại hội diễn ra trong ba ngày, từ 19 đến 21-10-2020. Các đại biểu thảo luận báo cáo "
            "chính trị, kiểm điểm nhiệm kỳ trước và góp ý vào dự thảo văn kiện trình Đại hội XIII "
            "của Đảng."
        ),
        ("intertitle", "Trọng tâm: quản trị và sức cạnh tranh"),
        p(
            "Nhiều tham luận xoay quanh việc đổi mới quản trị, nâng sức cạnh tranh của doanh nghiệp "
            "nhà nước và giữ vai trò hạt nhân chính trị của tổ chức đảng trong doanh nghiệp."
        ),
        p(
            "Tạp chí Cộng sản cử phóng viên theo dõi toàn bộ các phiên làm việc và sẽ đăng loạt bài "
            "phân tích sau Đại hội."
        ),
    ),
    tags=("Đại hội Đảng", "Đảng bộ Khối Doanh nghiệp Trung ương", "Xây dựng Đảng"),
    organisations=("DUKDNTW",),
    plan_kind=PlanItemKind.CONGRESS,
    body_photos=(
        own_photo(
            "Đoàn đại biểu các ngân hàng tại Đại hội",
            "Đoàn đại biểu khối ngân hàng thảo luận tại tổ.",
            "Phạm Văn Dũng",
            (40, 70, 130),
        ),
    ),
)

CONGRESS_CLOSES = DemoArticle(
    slug="be-mac-dai-hoi-dang-bo-khoi-doanh-nghiep-trung-uong-nhiem-ky-2020-2025",
    title="Bế mạc Đại hội Đảng bộ Khối Doanh nghiệp Trung ương nhiệm kỳ 2020 – 2025",
    sapo=(
        "Chiều 21-10-2020, Đại hội bế mạc sau ba ngày làm việc, thông qua nghị quyết với các "
        "chỉ tiêu về xây dựng Đảng và phát triển doanh nghiệp."
    ),
    topic=3,
    published=at(2020, 10, 21, 18, 0),
    authors=(DUC,),
    hero=own_photo(
        "Bế mạc Đại hội Đảng bộ Khối lần thứ III",
        "Đại biểu biểu quyết thông qua nghị quyết Đại hội.",
        "Hoàng Minh Đức",
        (140, 30, 50),
    ),
    body=(
        p(
            "Nghị quyết Đại hội nhấn mạnh yêu cầu củng cố tổ chức đảng ở các doanh nghiệp có vốn "
            "nhà nước, nâng chất lượng sinh hoạt chi bộ và gắn công tác cán bộ với kết quả sản xuất, "
            "kinh doanh."
        ),
        p(
            "Đại hội cũng bầu đoàn đại biểu của Đảng bộ Khối dự Đại hội đại biểu toàn quốc lần thứ "
            "XIII của Đảng."
        ),
    ),
    tags=("Đại hội Đảng", "Đảng bộ Khối Doanh nghiệp Trung ương"),
    organisations=("DUKDNTW",),
    plan_kind=PlanItemKind.CONGRESS,
)

EVN_CONGRESS = DemoArticle(
    slug="dang-bo-evn-to-chuc-dai-hoi-nhiem-ky-moi",
    title="Đảng bộ EVN tổ chức đại hội nhiệm kỳ mới, đặt mục tiêu bảo đảm đủ điện",
    sapo=(
        "Đại hội Đảng bộ Tập đoàn Điện lực Việt Nam là một trong những đại hội cấp trên cơ sở "
        "đầu tiên của Đảng bộ Khối trong năm 2020."
    ),
    topic=3,
    published=at(2020, 7, 16, 15, 0),
    authors=(ANH,),
    hero=own_photo(
        "Đại hội Đảng bộ Tập đoàn Điện lực Việt Nam",
        "Đại biểu dự Đại hội Đảng bộ Tập đoàn Điện lực Việt Nam.",
        "Vũ Ngọc Ánh",
        (30, 90, 140),
    ),
    body=(
        p(
            "Báo cáo chính trị đặt trọng tâm vào việc bảo đảm cung ứng điện cho tăng trưởng, đầu tư "
            "lưới truyền tải và chuyển đổi số trong quản lý vận hành."
        ),
        p(
            "Đại hội chỉ ra rằng kỷ luật tài chính và công khai trong đầu tư là việc tổ chức đảng "
            "phải giám sát thường xuyên, không chỉ vào dịp tổng kết."
        ),
    ),
    tags=("Đại hội Đảng", "Năng lượng"),
    organisations=("EVN",),
    plan_kind=PlanItemKind.CONGRESS,
)

SEMINAR = DemoArticle(
    slug="hoi-thao-khoi-thong-nguon-luc-tao-dong-luc-moi-cho-doanh-nghiep-nha-nuoc",
    title="Hội thảo khoa học bàn cách khơi thông nguồn lực cho doanh nghiệp nhà nước",
    sapo=(
        "Tạp chí Cộng sản và Đảng ủy Khối Doanh nghiệp Trung ương cùng tổ chức hội thảo "
        "“Khơi thông nguồn lực, tạo động lực mới cho doanh nghiệp nhà nước phát triển bền vững”."
    ),
    topic=5,
    published=at(2020, 12, 10, 16, 0),
    authors=(ANH, DUNG),
    hero=own_photo(
        "Hội thảo khơi thông nguồn lực doanh nghiệp nhà nước",
        "Các nhà khoa học và lãnh đạo doanh nghiệp trao đổi tại hội thảo.",
        "Vũ Ngọc Ánh",
        (20, 100, 90),
    ),
    body=(
        p(
            "Hội thảo quy tụ nhà nghiên cứu, cán bộ quản lý và lãnh đạo nhiều tập đoàn. Các ý kiến "
            "tập trung vào vốn, đất đai, con người và cơ chế ra quyết định trong doanh nghiệp nhà nước."
        ),
        ("intertitle", "Những điểm nghẽn được gọi tên"),
        p(
            "Theo nhiều đại biểu, thủ tục phê duyệt dự án kéo dài và tâm lý ngại trách nhiệm là hai "
            "rào cản lớn; việc phân cấp rõ hơn cho người đứng đầu cần đi kèm cơ chế giám sát."
        ),
        (
            "quote",
            {
                "text": "Nguồn lực không thiếu; cái thiếu là cơ chế để nguồn lực được dùng đúng lúc.",
                "attribution": "Một đại biểu khối ngân hàng",
            },
        ),
    ),
    tags=("Khơi thông nguồn lực", "Doanh nghiệp nhà nước", "Hội thảo khoa học"),
    organisations=("TCCS", "DUKDNTW", "PVN", "VDB"),
    plan_kind=PlanItemKind.SEMINAR,
    body_photos=(
        own_photo(
            "Phiên thảo luận tại hội thảo nguồn lực",
            "Phiên thảo luận chiều cùng ngày.",
            "Phạm Văn Dũng",
            (60, 110, 60),
        ),
    ),
)

SEMINAR_RESEARCH = DemoArticle(
    slug="phan-cap-va-trach-nhiem-nguoi-dung-dau-doanh-nghiep-nha-nuoc",
    title="Phân cấp và trách nhiệm người đứng đầu: chìa khóa khơi thông nguồn lực doanh nghiệp nhà nước",
    sapo=(
        "Bài viết phân tích vì sao nguồn lực lớn của doanh nghiệp nhà nước chưa chuyển thành "
        "hiệu quả tương xứng và đề xuất một số hướng tháo gỡ."
    ),
    topic=1,
    published=at(2020, 12, 22, 8, 0),
    authors=(THANH,),
    hero=own_photo(
        "Nhà máy lọc dầu trong ánh chiều",
        "Một công trình năng lượng trọng điểm do doanh nghiệp nhà nước đầu tư.",
        "Vũ Ngọc Ánh",
        (90, 60, 20),
    ),
    body=(
        p(
            "Doanh nghiệp nhà nước nắm giữ khối tài sản lớn, nhưng tỷ suất lợi nhuận trên vốn ở "
            "nhiều nơi còn thấp. Nguyên nhân không chỉ nằm ở thị trường mà ở cách phân định quyền "
            "và trách nhiệm.<sup>1</sup>"
        ),
        ("intertitle", "Ba hướng tháo gỡ"),
        p(
            "Thứ nhất, giao quyền tự chủ rõ hơn cho hội đồng thành viên. Thứ hai, đánh giá người đứng "
            "đầu bằng kết quả dài hạn. Thứ ba, để tổ chức đảng giám sát việc dùng vốn một cách thực chất."
        ),
        ("footnotes", ["<p>Số liệu tổng hợp từ báo cáo của các tập đoàn năm 2019.</p>"]),
    ),
    tags=("Khơi thông nguồn lực", "Kinh tế nhà nước", "Nghiên cứu lý luận"),
    organisations=("PVN",),
    plan_kind=PlanItemKind.RESEARCH,
)

RESEARCH_PARTY = DemoArticle(
    slug="nang-cao-vai-tro-hat-nhan-chinh-tri-cua-to-chuc-dang-trong-doanh-nghiep-nha-nuoc",
    title="Nâng cao vai trò hạt nhân chính trị của tổ chức đảng trong doanh nghiệp nhà nước",
    sapo=(
        "Từ thực tiễn Đảng bộ Khối Doanh nghiệp Trung ương, bài viết đúc rút năm bài học về "
        "lãnh đạo của tổ chức đảng đối với sản xuất, kinh doanh."
    ),
    topic=1,
    published=at(2020, 6, 12, 8, 0),
    authors=(MAI, PHUONG),
    hero=own_photo(
        "Sinh hoạt chi bộ tại một tổng công ty",
        "Một buổi sinh hoạt chi bộ chuyên đề tại doanh nghiệp.",
        "Hoàng Minh Đức",
        (110, 40, 90),
    ),
    body=(
        p(
            "Tổ chức đảng trong doanh nghiệp không làm thay bộ máy quản lý, nhưng phải định hướng và "
            "giám sát những quyết định lớn về chiến lược, cán bộ và sử dụng vốn."
        ),
        p(
            "Những nơi làm tốt đều có quy chế phối hợp rõ giữa cấp ủy và hội đồng thành viên, cùng "
            "chế độ báo cáo định kỳ mà cả hai bên cùng tuân thủ."
        ),
        ("footnotes", ["<p>Tổng hợp từ báo cáo sơ kết của Đảng ủy Khối năm 2019.</p>"]),
    ),
    tags=("Xây dựng Đảng", "Nghiên cứu lý luận", "Doanh nghiệp nhà nước"),
    organisations=("DUKDNTW",),
    plan_kind=PlanItemKind.RESEARCH,
)

REFUTE_EFFICIENCY = DemoArticle(
    slug="bac-bo-luan-dieu-doanh-nghiep-nha-nuoc-la-ganh-nang",
    title="Bác bỏ luận điệu “doanh nghiệp nhà nước là gánh nặng của nền kinh tế”",
    sapo=(
        "Một số ý kiến trên mạng xã hội quy mọi yếu kém cho khu vực nhà nước. Số liệu và thực tiễn "
        "cho thấy bức tranh khác hẳn."
    ),
    topic=2,
    published=at(2020, 8, 20, 8, 0),
    authors=(THANH,),
    hero=own_photo(
        "Đường dây truyền tải điện 500 kV",
        "Các công trình hạ tầng then chốt do doanh nghiệp nhà nước đầu tư.",
        "Vũ Ngọc Ánh",
        (50, 50, 110),
    ),
    body=(
        p(
            "Luận điệu cho rằng doanh nghiệp nhà nước chỉ tiêu tốn ngân sách bỏ qua vai trò của khu "
            "vực này trong điện, dầu khí, than, ngân hàng – những lĩnh vực giữ ổn định vĩ mô."
        ),
        p(
            "Phản bác không có nghĩa là né tránh yếu kém. Chính việc công khai các vụ sai phạm và xử "
            "lý nghiêm cho thấy quyết tâm làm trong sạch khu vực này."
        ),
    ),
    tags=("Phản bác quan điểm sai trái", "Kinh tế nhà nước"),
    organisations=("EVN", "TKV"),
)

REFUTE_PRIVATISE = DemoArticle(
    slug="co-phan-hoa-khong-phai-la-tu-nhan-hoa",
    title="Cổ phần hóa không phải là “tư nhân hóa” tài sản công",
    sapo=(
        "Đánh đồng cổ phần hóa với bán rẻ tài sản nhà nước là cách lập luận có chủ đích, "
        "cần được chỉ rõ."
    ),
    topic=2,
    published=at(2020, 11, 5, 8, 0),
    authors=(LAM,),
    hero=own_photo(
        "Phiên đấu giá cổ phần",
        "Một phiên đấu giá cổ phần công khai.",
        "Phạm Văn Dũng",
        (80, 80, 80),
    ),
    body=(
        p(
            "Cổ phần hóa là cách huy động thêm nguồn lực xã hội và nâng chất lượng quản trị; Nhà "
            "nước vẫn nắm quyền chi phối ở những lĩnh vực then chốt."
        ),
        p(
            "Những sai phạm trong định giá đã và đang bị xử lý; coi đó là bản chất của chủ trương là "
            "đánh tráo khái niệm."
        ),
    ),
    tags=("Phản bác quan điểm sai trái", "Cổ phần hóa"),
    organisations=("VIETCOMBANK", "VIETINBANK", "BIDV"),
)

VINACHEM_GOODS = DemoArticle(
    slug="vinachem-dua-phan-bon-viet-den-nha-nong",
    title="Vinachem đưa phân bón Việt đến tận nhà nông",
    sapo=(
        "Hưởng ứng Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”, các đơn vị của "
        "Vinachem mở thêm điểm bán và hướng dẫn bà con dùng phân bón đúng cách."
    ),
    topic=4,
    published=at(2020, 9, 9, 8, 0),
    authors=(ANH,),
    hero=own_photo(
        "Phân bón Việt trên cánh đồng Thái Bình",
        "Kỹ sư nông nghiệp hướng dẫn bà con bón phân cho lúa.",
        "Vũ Ngọc Ánh",
        (60, 120, 40),
    ),
    body=(
        p(
            "Tại các hội nghị đầu bờ, kỹ sư của doanh nghiệp giới thiệu sản phẩm trong nước và so "
            "sánh chi phí với hàng nhập khẩu cùng loại."
        ),
        p(
            "Chi bộ các đơn vị đưa chỉ tiêu về thị phần hàng Việt vào nghị quyết hằng quý, gắn trách "
            "nhiệm của từng đảng viên phụ trách kinh doanh."
        ),
    ),
    tags=("Hàng Việt Nam", "Cuộc vận động"),
    organisations=("VINACHEM",),
    plan_kind=PlanItemKind.CAMPAIGN,
)

AGRIBANK_GOODS = DemoArticle(
    slug="ngan-hang-tiep-von-cho-hang-viet-ve-nong-thon",
    title="Các ngân hàng tiếp vốn cho hàng Việt về nông thôn",
    sapo=(
        "Agribank và BIDV dành gói tín dụng ưu đãi cho doanh nghiệp đưa hàng Việt về nông thôn, "
        "góp phần vào Cuộc vận động của Bộ Chính trị."
    ),
    topic=4,
    published=at(2020, 10, 2, 8, 0),
    authors=(ANH,),
    hero=own_photo(
        "Phiên chợ hàng Việt về nông thôn",
        "Người dân mua sắm tại một phiên chợ hàng Việt.",
        "Phạm Văn Dũng",
        (160, 90, 20),
    ),
    body=(
        p(
            "Các gói vay có lãi suất thấp hơn mặt bằng chung và thủ tục rút gọn cho hợp tác xã, "
            "doanh nghiệp nhỏ tham gia phân phối hàng trong nước."
        ),
        p(
            "Đại diện ngân hàng cho biết tổ chức đảng trực tiếp theo dõi việc giải ngân để bảo đảm "
            "vốn đến đúng đối tượng."
        ),
    ),
    tags=("Hàng Việt Nam", "Ngân hàng"),
    organisations=("AGRIBANK", "BIDV"),
    plan_kind=PlanItemKind.CAMPAIGN,
)

TKV_DIRECTIVE = DemoArticle(
    slug="hoc-va-lam-theo-bac-o-vung-than-quang-ninh",
    title="Học và làm theo Bác ở vùng Than Quảng Ninh",
    sapo=(
        "Thực hiện Chỉ thị 05-CT/TW, các chi bộ của Vinacomin chọn mỗi năm một việc khó để "
        "làm cho bằng được, từ an toàn lò đến nhà ở cho thợ mỏ."
    ),
    topic=4,
    published=at(2020, 5, 19, 8, 0),
    authors=(HUNG, DUC),
    hero=own_photo(
        "Thợ mỏ vào ca ở Quảng Ninh",
        "Công nhân một mỏ hầm lò chuẩn bị vào ca.",
        "Hoàng Minh Đức",
        (40, 40, 40),
    ),
    body=(
        p(
            "Mỗi chi bộ đăng ký một việc cụ thể, có người chịu trách nhiệm và thời hạn, rồi báo cáo "
            "kết quả trước toàn đảng bộ vào dịp 19-5."
        ),
        p(
            "Cách làm giản dị ấy giúp việc học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh đi vào "
            "từng ca lò, thay vì dừng ở các buổi quán triệt."
        ),
    ),
    tags=("Chỉ thị 05-CT/TW", "Xây dựng Đảng"),
    organisations=("TKV",),
)

TET = DemoArticle(
    slug="tet-am-yeu-thuong-den-voi-bien-gioi-hai-dao",
    title="“Tết ấm yêu thương” đến với chiến sĩ và người dân biên giới, hải đảo",
    sapo=(
        "Đoàn công tác của Tạp chí Cộng sản và Đảng ủy Khối đã thăm, tặng quà cán bộ, chiến sĩ "
        "và các gia đình khó khăn ở vùng biên trước thềm Xuân Tân Sửu."
    ),
    topic=5,
    published=at(2021, 1, 28, 19, 0),
    authors=(DUNG,),
    hero=own_photo(
        "Trao quà Tết cho chiến sĩ đồn biên phòng",
        "Đoàn công tác trao quà cho cán bộ, chiến sĩ một đồn biên phòng.",
        "Phạm Văn Dũng",
        (180, 40, 40),
    ),
    body=(
        p(
            "Chương trình tình nguyện chung là một nội dung của kế hoạch phối hợp năm 2020. Các "
            "doanh nghiệp trong Khối đóng góp phần lớn kinh phí quà tặng."
        ),
        p(
            "Ngoài quà, đoàn tổ chức khám bệnh, phát thuốc miễn phí và trao học bổng cho học sinh "
            "nghèo vượt khó."
        ),
    ),
    tags=("Tết ấm yêu thương", "An sinh xã hội"),
    organisations=("DUKDNTW", "TCCS", "VIETINBANK", "HUD"),
    plan_kind=PlanItemKind.VOLUNTEER,
    body_photos=(
        own_photo(
            "Khám bệnh miễn phí cho người dân vùng biên",
            "Bác sĩ khám bệnh cho người dân trong chuyến công tác.",
            "Phạm Văn Dũng",
            (200, 120, 120),
        ),
    ),
)

SONGDA = DemoArticle(
    slug="song-da-doi-moi-quan-tri-sau-co-phan-hoa",
    title="Sông Đà đổi mới quản trị sau cổ phần hóa",
    sapo=(
        "Đảng ủy Tổng công ty Sông Đà chọn khâu quản trị làm điểm đột phá, gắn trách nhiệm "
        "cấp ủy với từng công trình."
    ),
    topic=3,
    published=at(2020, 4, 22, 8, 0),
    authors=(DUC,),
    hero=own_photo(
        "Công trường thủy điện của Sông Đà",
        "Công nhân Sông Đà trên công trường thủy điện.",
        "Hoàng Minh Đức",
        (30, 110, 120),
    ),
    body=(
        p(
            "Sau nhiều năm khó khăn, tổng công ty rà soát lại danh mục đầu tư, thoái vốn ở các lĩnh "
            "vực không cốt lõi và tập trung vào xây lắp thủy điện, hạ tầng."
        ),
        p(
            "Mô hình bí thư chi bộ đồng thời là chỉ huy trưởng công trường giúp việc điều hành nhanh "
            "và rõ trách nhiệm hơn."
        ),
    ),
    tags=("Mô hình mới", "Cổ phần hóa", "Xây dựng Đảng"),
    organisations=("SONGDA",),
)

ARTICLES: tuple[DemoArticle, ...] = (
    SIGNING,
    SONGDA,
    TKV_DIRECTIVE,
    RESEARCH_PARTY,
    EVN_CONGRESS,
    REFUTE_EFFICIENCY,
    VINACHEM_GOODS,
    AGRIBANK_GOODS,
    CONGRESS_OPENS,
    CONGRESS_CLOSES,
    REFUTE_PRIVATISE,
    SEMINAR,
    SEMINAR_RESEARCH,
    TET,
)
