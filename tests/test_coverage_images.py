"""Credited images: the credit line, and the admin forms that refuse an uncredited photo."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from coverage.models import CreditedImage
from coverage.models.images import CREDIT_REQUIRED
from tests.factories import image_file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("agency", "photographer", "line"),
    [
        ("VGP", "Nguyễn Hoàng", "Ảnh: VGP/Nguyễn Hoàng"),
        ("VGP", "", "Ảnh: VGP"),
        ("", "Nguyễn Hoàng", "Ảnh: Nguyễn Hoàng"),
        (" ", " ", ""),
    ],
)
def test_credit_line(agency, photographer, line):
    assert CreditedImage(source_agency=agency, photographer=photographer).credit_line == line


def test_alt_text_prefers_description_then_caption_then_title():
    image = CreditedImage(title="Tệp 01", caption="Quang cảnh", description="")
    assert image.default_alt_text == "Quang cảnh"
    image.description = "Hai bên ký văn bản"
    assert image.default_alt_text == "Hai bên ký văn bản"


def _upload(name="le-ky-ket.jpg"):
    content = image_file(name).read()
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def _uploads():
    """Images the photo desk uploaded in the test (the demo brings its own photos)."""
    return get_image_model().objects.filter(uploaded_by_user__username="bananh")


@pytest.fixture
def photo_desk(demo, login):
    return login("bananh")


def test_single_add_form_without_credit_is_a_form_error(photo_desk):
    response = photo_desk.post(
        "/admin/images/add/",
        {"title": "Lễ ký kết", "file": _upload(), "source_agency": "", "photographer": ""},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["source_agency"] == [str(CREDIT_REQUIRED)]
    assert "photographer" in form.errors
    assert not _uploads().exists()


def test_single_add_form_with_credit_saves(photo_desk):
    response = photo_desk.post(
        "/admin/images/add/",
        {
            "title": "Lễ ký kết",
            "file": _upload(),
            "source_agency": "VGP",
            "photographer": "Nguyễn Hoàng",
        },
    )
    assert response.status_code == 302
    assert _uploads().get().credit_line == "Ảnh: VGP/Nguyễn Hoàng"


def test_multiple_upload_holds_the_file_until_a_credit_is_given(photo_desk):
    # Step 1: drag-and-drop upload has no credit yet, so Wagtail keeps the file aside
    # and sends back the edit form instead of creating an image.
    response = photo_desk.post("/admin/images/multiple/add/", {"files[]": _upload()})
    data = json.loads(response.content)
    assert data["success"] is True
    assert "uploaded_file_id" in data
    assert 'name="uploaded-image-' in data["form"] and "source_agency" in data["form"]
    assert not _uploads().exists()
    upload_id = data["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"

    # Step 2: saving that form without a credit is refused with the credit error.
    url = f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/"
    response = photo_desk.post(url, {f"{prefix}-title": "Lễ ký kết", f"{prefix}-source_agency": ""})
    data = json.loads(response.content)
    assert data["success"] is False
    assert escape(str(CREDIT_REQUIRED)) in data["form"]
    assert not _uploads().exists()
    assert UploadedFile.objects.filter(pk=upload_id).exists()

    # Step 3: with a credit the image is created and credited.
    response = photo_desk.post(
        url,
        {
            f"{prefix}-title": "Lễ ký kết",
            f"{prefix}-source_agency": "VGP",
            f"{prefix}-photographer": "Nguyễn Hoàng",
        },
    )
    assert json.loads(response.content)["success"] is True
    assert _uploads().get().credit_line == "Ảnh: VGP/Nguyễn Hoàng"


def test_editing_an_image_cannot_remove_its_credit(photo_desk):
    image = CreditedImage.objects.create(title="Ảnh", file=image_file(), source_agency="VGP")
    response = photo_desk.post(
        f"/admin/images/{image.pk}/",
        {"title": "Ảnh", "source_agency": "", "photographer": ""},
    )
    assert response.status_code == 200
    assert "source_agency" in response.context["form"].errors
    image.refresh_from_db()
    assert image.source_agency == "VGP"


def test_svg_uploads_are_off(photo_desk):
    svg = SimpleUploadedFile(
        "x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "image/svg+xml"
    )
    response = photo_desk.post(
        "/admin/images/add/", {"title": "SVG", "file": svg, "source_agency": "VGP"}
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
