"""The image upload and edit form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): every frame counts.

``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` bounds width × height × frames, but Wagtail asks Willow
for the frame count and Willow's Pillow plugin always answers 1: a 60-frame GIF of
1,000 × 1,000 pixels (60 million pixels to decode) passed the 40-million limit. Here the
frames are counted with Pillow, once Wagtail's own checks (size, format, pixels of one
frame) have passed. Photos are single frames; this bounds animations, never a photo.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm

TOO_MANY_PIXELS = _(
    "This image has %(frames)s frames of %(width)s × %(height)s pixels, %(pixels)s pixels "
    "in all; at most %(limit)s are accepted. Upload a still image or a shorter animation."
)


def frame_count(upload) -> int:
    """Frames in an uploaded image file (1 for a still image)."""
    position = upload.tell()
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:
            return getattr(image, "n_frames", 1)
    finally:
        upload.seek(position)


class CreditedImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        # Only a new upload carries .image (Wagtail's field opened it); an edit that
        # keeps the file has nothing to check.
        if upload is None or limit is None or not hasattr(upload, "image"):
            return upload
        width, height = upload.image.get_size()
        frames = frame_count(upload)
        if width * height * frames > limit:
            raise ValidationError(
                TOO_MANY_PIXELS,
                code="file_too_many_pixels",
                params={
                    "frames": frames,
                    "width": width,
                    "height": height,
                    "pixels": f"{width * height * frames:,}".replace(",", "."),
                    "limit": f"{limit:,}".replace(",", "."),
                },
            )
        return upload
