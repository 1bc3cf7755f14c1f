"""Choices used across the newsroom."""

from django.db import models


class Role(models.TextChoices):
    """Newsroom roles. The label is the Django group's name, shown in Vietnamese everywhere."""

    EDITOR_IN_CHIEF = "editor_in_chief", "Tổng Biên tập"
    EDITOR = "editor", "Biên tập viên"
    JOURNALIST = "journalist", "Phóng viên"
    PHOTO_DESK = "photo_desk", "Ban Ảnh"
