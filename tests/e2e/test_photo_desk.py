"""Issue 9, journey 4: the photo desk uploads a photo without a credit, is stopped,
credits it "VGP/Nguyễn Hoàng" and finds it in the image listing."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from coverage.models import CreditedImage
from tests.e2e.ui import label, t

TITLE = "Lễ ký kết chương trình phối hợp 2020–2025"
DESCRIPTION = "Đại diện hai cơ quan ký chương trình phối hợp tại Hà Nội"
# CreditedImage.clean()'s message, as the admin shows it.
CREDIT_ERROR = "Every photo needs a credit: give the source agency, the photographer, or both."


def photo_png() -> bytes:
    """A small real PNG, as a camera export would be (Pillow, no fixture file)."""
    buffer = io.BytesIO()
    Image.new("RGB", (800, 533), (160, 28, 36)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.journey("photo-desk")
def test_photo_desk_must_credit_an_upload(page, sign_in, shots):
    sign_in(page, "bananh")
    shots.take(page, "dashboard")

    # Images → Add an image. Wagtail 8 sends that button to its multiple uploader.
    page.get_by_role("complementary").get_by_role("link", name=t("Images"), exact=True).click()
    page.get_by_role("link", name=t("Add an image")).click()
    expect(page.get_by_role("heading", name=t("Add images"), level=1)).to_be_visible()
    shots.take(page, "add-images")

    # Wagtail lays the real file input, transparent, over this button; `force` clicks that
    # spot the way a mouse does instead of waiting for the button to be uncovered.
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=t("Or choose from your computer")).click(force=True)
    chooser.value.set_files(
        files=[{"name": "ky-ket.png", "mimeType": "image/png", "buffer": photo_png()}]
    )

    # The upload is held back until its details are saved: one form per uploaded file.
    upload = page.get_by_role("listitem").filter(has_text="ky-ket.png")
    title = upload.get_by_label(label(CreditedImage, "title"))
    expect(title).to_be_visible()
    title.fill(TITLE)
    upload.get_by_label(label(CreditedImage, "description")).fill(DESCRIPTION)
    upload.get_by_role("button", name=t("Update"), exact=True).click()

    # No credit: refused, and the form says why beside the credit fields.
    expect(upload.get_by_text(t(CREDIT_ERROR)).first).to_be_visible()
    shots.take(page, "credit-required")

    upload.get_by_label(label(CreditedImage, "source_agency")).fill("VGP")
    upload.get_by_label(label(CreditedImage, "photographer")).fill("Nguyễn Hoàng")
    upload.get_by_role("button", name=t("Update"), exact=True).click()
    # Saved: the form folds away and the page announces it in its status messages.
    expect(page.get_by_role("status").get_by_text(t("Image updated."))).to_be_visible()
    shots.take(page, "credited")

    # The image listing shows it; its edit page keeps the credit.
    page.get_by_role("complementary").get_by_role("link", name=t("Images"), exact=True).click()
    listed = page.get_by_role("link", name=TITLE)
    expect(listed).to_be_visible()
    shots.take(page, "image-listing")

    listed.click()
    expect(page.get_by_label(label(CreditedImage, "source_agency"))).to_have_value("VGP")
    expect(page.get_by_label(label(CreditedImage, "photographer"))).to_have_value("Nguyễn Hoàng")
    shots.take(page, "image-edit")
