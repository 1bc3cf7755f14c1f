"""Demo articles caught mid-pipeline, so the moderation screens have something to show.

Each is written, submitted to its topic's pipeline and moved through it with Wagtail's own
workflow calls by the demo's people: one waits for its named editor (and is overdue), one
for the editorial board, one for the editor-in-chief, one was sent back with a comment,
one is approved and scheduled to go live in three days, and one is approved under an
embargo two days ahead (its approval scheduled it for the embargo time). Found by slug:
created once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import TaskState

from coverage.demo.content import DUC, DUNG, HA, DemoAuthor, own_photo, p
from coverage.demo.images import DemoPhoto, get_or_create_photo
from coverage.models import ArticleByline, ArticlePage, TopicHubPage
from editorial.enums import AssignmentStatus
from editorial.models import Assignment, Author


@dataclass(frozen=True)
class PipelineArticle:
    slug: str
    title: str
    sapo: str
    topic: int
    author: DemoAuthor
    writer: str  # username of the journalist who submits it
    hero: DemoPhoto
    paragraphs: tuple[str, ...]
    # Usernames acting in order on the pipeline's steps: "approve" each, or the last one
    # rejects with ``comment`` when ``reject`` is set.
    approvals: tuple[str, ...] = ()
    reject: bool = False
    comment: str = ""
    go_live_in_days: int = 0
    # Held under embargo for this many days: the final approval schedules it for then.
    embargo_in_days: int = 0
    # Push the open step's start back by this many hours (shows an overdue step).
    waiting_hours: int = 0


ARTICLES = (
    PipelineArticle(
        slug="chi-bo-trong-ca-lam-viec-ba-kip-o-nha-may-dien",
        title="Sinh hoạt chi bộ khi nhà máy điện chạy ba ca liên tục",
        sapo=(
            "Ở các nhà máy vận hành ngày đêm, chi bộ không thể họp cùng một giờ. Một số đảng bộ "
            "cơ sở đã chia sinh hoạt theo kíp mà vẫn giữ nền nếp, nội dung thống nhất."
        ),
        topic=3,
        author=DUNG,
        writer="phongvien",
        hero=own_photo(
            "Phòng điều khiển trung tâm nhà máy điện",
            "Kỹ sư trực ca theo dõi tổ máy trong phòng điều khiển.",
            "Phạm Văn Dũng",
            (30, 70, 120),
        ),
        paragraphs=(
            "Bài viết ghi lại cách các chi bộ ở nhà máy điện xếp lịch sinh hoạt theo kíp trực.",
            "Bí thư chi bộ kể về việc gửi tài liệu trước để đảng viên ở kíp đêm cùng góp ý.",
        ),
        waiting_hours=30,
    ),
    PipelineArticle(
        slug="nhan-dien-luan-dieu-tu-nhan-hoa-toan-bo-doanh-nghiep-nha-nuoc",
        title="Nhận diện luận điệu đòi “tư nhân hóa toàn bộ” doanh nghiệp nhà nước",
        sapo=(
            "Lập luận cho rằng mọi doanh nghiệp nhà nước đều nên bán hết bỏ qua vai trò của khu "
            "vực này ở các ngành then chốt. Bài viết đối chiếu lập luận ấy với số liệu và thực tế."
        ),
        topic=2,
        author=HA,
        writer="phongvien2",
        hero=own_photo(
            "Hội thảo về vai trò của kinh tế nhà nước",
            "Các đại biểu trao đổi tại hội thảo khoa học.",
            "Vũ Ngọc Ánh",
            (120, 30, 30),
        ),
        paragraphs=(
            "Tác giả phân tích các lập luận phổ biến trên mạng xã hội và chỉ ra chỗ sai.",
            "Phần cuối nêu những điểm doanh nghiệp nhà nước cần cải thiện để thuyết phục hơn.",
        ),
        approvals=("bientap",),
    ),
    PipelineArticle(
        slug="doi-moi-quan-tri-tai-tong-cong-ty-sau-co-phan-hoa",
        title="Đổi mới quản trị ở một tổng công ty sau cổ phần hóa",
        sapo=(
            "Sau cổ phần hóa, đảng ủy tổng công ty phải tìm cách lãnh đạo trong một hội đồng quản "
            "trị có cổ đông bên ngoài. Kinh nghiệm bước đầu cho thấy điều gì?"
        ),
        topic=1,
        author=DUC,
        writer="phongvien3",
        hero=own_photo(
            "Đại hội đồng cổ đông thường niên",
            "Cổ đông biểu quyết tại đại hội thường niên.",
            "Hoàng Minh Đức",
            (40, 110, 60),
        ),
        paragraphs=(
            "Bài viết mô tả quy chế phối hợp giữa đảng ủy và hội đồng quản trị.",
            "Các chuyên gia góp ý về việc giới thiệu nhân sự vào vị trí quản lý chủ chốt.",
        ),
        approvals=("bientap",),
    ),
    PipelineArticle(
        slug="hang-viet-trong-cua-hang-tien-loi-cua-doanh-nghiep-khoi",
        title="Hàng Việt trên kệ cửa hàng tiện lợi của doanh nghiệp trong Khối",
        sapo=(
            "Chuỗi cửa hàng của một tổng công ty thương mại đặt hàng Việt ở vị trí dễ thấy nhất. "
            "Người mua và nhà cung cấp nói gì sau một năm?"
        ),
        topic=4,
        author=DUNG,
        writer="phongvien",
        hero=own_photo(
            "Quầy hàng Việt trong cửa hàng tiện lợi",
            "Khách chọn mua sản phẩm trong nước tại quầy trưng bày.",
            "Phạm Văn Dũng",
            (200, 120, 30),
        ),
        paragraphs=("Phóng viên khảo sát ba cửa hàng trong một tuần.",),
        approvals=("bientap",),
        reject=True,
        comment=(
            "Đề nghị bổ sung số liệu doanh thu hàng Việt so với năm trước và ý kiến của ít nhất "
            "một nhà cung cấp."
        ),
    ),
    PipelineArticle(
        slug="toa-dam-chuyen-doi-so-trong-cong-tac-dang-o-doanh-nghiep",
        title="Tọa đàm về chuyển đổi số trong công tác đảng ở doanh nghiệp",
        sapo=(
            "Tạp chí Cộng sản và Đảng ủy Khối tổ chức tọa đàm về sổ tay đảng viên điện tử và họp "
            "chi bộ trực tuyến ở các doanh nghiệp có nhiều chi nhánh."
        ),
        topic=5,
        author=DUC,
        writer="phongvien3",
        hero=own_photo(
            "Tọa đàm chuyển đổi số",
            "Quang cảnh buổi tọa đàm tại Hà Nội.",
            "Hoàng Minh Đức",
            (60, 60, 140),
        ),
        paragraphs=("Tin ngắn về chương trình và thành phần tham dự tọa đàm.",),
        approvals=("bientap",),
        go_live_in_days=3,
    ),
    PipelineArticle(
        slug="cong-bo-ket-qua-hoi-thao-khoi-thong-nguon-luc-doanh-nghiep-nha-nuoc",
        title="Công bố kết quả Hội thảo “Khơi thông nguồn lực” cho doanh nghiệp nhà nước",
        sapo=(
            "Tạp chí Cộng sản và Đảng ủy Khối Doanh nghiệp Trung ương cùng công bố những kiến "
            "nghị rút ra từ hội thảo khoa học chung về khơi thông nguồn lực, tạo động lực mới "
            "cho doanh nghiệp nhà nước phát triển bền vững."
        ),
        topic=5,
        author=DUC,
        writer="phongvien3",
        hero=own_photo(
            "Hội thảo Khơi thông nguồn lực",
            "Các nhà khoa học và lãnh đạo doanh nghiệp trao đổi tại hội thảo.",
            "Hoàng Minh Đức",
            (120, 30, 60),
        ),
        paragraphs=(
            "Bài tổng hợp các kiến nghị của hội thảo, đăng cùng lúc với thông cáo chung của "
            "hai cơ quan.",
        ),
        approvals=("bientap",),
        embargo_in_days=2,
    ),
)


def _author(spec: DemoAuthor) -> Author:
    author, _created = Author.objects.get_or_create(
        full_name=spec.full_name,
        defaults={"academic_title": spec.academic_title, "position": spec.position},
    )
    return author


def _act(page: ArticlePage, username: str, action: str, comment: str = "") -> None:
    user = get_user_model().objects.get(username=username)
    page = ArticlePage.objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, action, comment=comment)


def _article(spec: PipelineArticle, users: dict) -> ArticlePage | None:
    if ArticlePage.objects.filter(slug=spec.slug).exists():
        return None
    hub = TopicHubPage.objects.filter(topic__number=spec.topic).select_related("topic").first()
    writer = users.get(spec.writer)
    if hub is None or writer is None or hub.topic.pipeline is None:
        return None
    page = ArticlePage(
        title=spec.title,
        slug=spec.slug,
        sapo=spec.sapo,
        hero_image=get_or_create_photo(spec.hero),
        body=[p(text) for text in spec.paragraphs],
        owner=writer,
        live=False,
    )
    if spec.go_live_in_days:
        page.go_live_at = timezone.now() + dt.timedelta(days=spec.go_live_in_days)
    if spec.embargo_in_days:
        page.embargo_until = timezone.now() + dt.timedelta(days=spec.embargo_in_days)
    hub.add_child(instance=page)
    page.bylines.add(ArticleByline(author=_author(spec.author)))
    page.save_revision(user=writer)
    Assignment.objects.get_or_create(
        headline=spec.title,
        defaults={
            "brief": spec.sapo,
            "topic": hub.topic,
            "assignee": writer,
            "editor": users.get("bientap"),
            "due_date": timezone.localdate() + dt.timedelta(days=5),
            "status": AssignmentStatus.ACCEPTED,
            "commissioned_at": timezone.now() - dt.timedelta(days=4),
            "answered_at": timezone.now() - dt.timedelta(days=3),
            "article": page,
        },
    )
    page.get_workflow().start(page, writer)
    for index, username in enumerate(spec.approvals):
        last = index == len(spec.approvals) - 1
        if spec.reject and last:
            _act(page, username, "reject", spec.comment)
        else:
            _act(page, username, "approve", spec.comment if last else "")
    if spec.waiting_hours:
        page = ArticlePage.objects.get(pk=page.pk)
        TaskState.objects.filter(pk=page.current_workflow_task_state.pk).update(
            started_at=timezone.now() - dt.timedelta(hours=spec.waiting_hours)
        )
    return page


def load_pipeline_articles() -> list[ArticlePage]:
    """Create the mid-pipeline articles (after the pipelines and the desk demo)."""
    users = {user.username: user for user in get_user_model().objects.all()}
    return [page for spec in ARTICLES if (page := _article(spec, users)) is not None]
