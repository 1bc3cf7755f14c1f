"""One demo login per role, plus colleagues that later features need."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.enums import Role


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str  # Vietnamese given name, sorted on
    last_name: str  # family and middle names
    role: Role
    email: str


DEMO_USERS = [
    DemoUser("tongbientap", "Huấn", "Đoàn Minh", Role.EDITOR_IN_CHIEF, "tongbientap@example.vn"),
    DemoUser("photongbientap", "Hà", "Nguyễn Ngọc", Role.EDITOR_IN_CHIEF, "photbt@example.vn"),
    DemoUser("bientap", "Lan", "Trần Thị", Role.EDITOR, "bientap@example.vn"),
    DemoUser("bientap2", "Quân", "Lê Minh", Role.EDITOR, "bientap2@example.vn"),
    DemoUser("phongvien", "Dũng", "Phạm Văn", Role.JOURNALIST, "phongvien@example.vn"),
    DemoUser("phongvien2", "Ánh", "Vũ Ngọc", Role.JOURNALIST, "phongvien2@example.vn"),
    DemoUser("phongvien3", "Đức", "Hoàng Minh", Role.JOURNALIST, "phongvien3@example.vn"),
    DemoUser("bananh", "Hoàng", "Nguyễn", Role.PHOTO_DESK, "bananh@example.vn"),
]


def load_users(password: str, groups: dict[Role, Group]) -> list:
    """Create missing demo users; an existing user keeps its password and details."""
    User = get_user_model()
    users = []
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": spec.email,
                "is_active": True,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(groups[spec.role])
        users.append(user)
    return users
