"""Uploads: an animation's every frame counts against the pixel limit, and an oversize
document gets one clear message (coverage/forms/images.py, coverage/forms/documents.py)."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from coverage.forms.images import frame_count

pytestmark = pytest.mark.django_db


def gif(frames: int, size=(1000, 1000)) -> SimpleUploadedFile:
    """An animated GIF; each frame a different flat colour, so it stays a few KB a frame."""
    images = [PILImage.new("RGB", size, (n * 4 % 256, 90, 30)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:], duration=40)
    return SimpleUploadedFile("hoat-hinh.gif", buffer.getvalue(), content_type="image/gif")


def credited(**fields) -> dict:
    return {"title": "Ảnh động", "source_agency": "VGP", "photographer": "Nguyễn Hoàng",
            "collection": 1, **fields}  # fmt: skip


def test_frames_are_counted():
    assert frame_count(gif(7, (10, 10))) == 7
    still = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(still, "JPEG")
    assert frame_count(SimpleUploadedFile("a.jpg", still.getvalue())) == 1


def test_sixty_megapixels_of_frames_are_refused(admin_client):
    response = admin_client.post("/admin/images/add/", credited(file=gif(60)))
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1
    assert "60 khung hình" in errors[0] and "40.000.000" in errors[0]
    assert not get_image_model().objects.exists()


def test_the_multiple_uploader_refuses_them_too(admin_client):
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": gif(60)})
    data = json.loads(response.content)
    assert data["success"] is False
    assert "60 khung hình" in data["error_message"]
    assert not get_image_model().objects.exists()


def test_a_short_animation_within_the_limit_is_kept(admin_client):
    response = admin_client.post("/admin/images/add/", credited(file=gif(10)))
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 1000


def pdf(size: int, name: str = "cong-van.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF" + b"0" * (size - 4), content_type="application/pdf")


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_an_oversize_document_gets_one_message(admin_client):
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Công văn", "file": pdf(4096), "collection": 1}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and "2,0" in errors[0]
    assert "“”" not in response.content.decode()

    response = admin_client.post("/admin/documents/multiple/add/", {"files[]": pdf(4096)})
    message = json.loads(response.content)["error_message"]
    assert "2,0" in message and "“”" not in message and "\n" not in message
    assert not get_document_model().objects.exists()


def test_a_wrong_extension_is_still_refused(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Tệp lạ", "file": pdf(100, name="tep.exe"), "collection": 1},
    )
    assert response.status_code == 200
    assert "“exe”" in response.context["form"].errors["file"][0]
    assert not get_document_model().objects.exists()
