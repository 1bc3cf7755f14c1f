"""Placeholder photos for the demo, drawn locally with Pillow (no network), each credited."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

from coverage.models import CreditedImage
from editorial.text import slugify_vi

SIZE = (1200, 800)
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


@dataclass(frozen=True)
class DemoPhoto:
    title: str
    caption: str
    source_agency: str
    photographer: str
    colour: tuple[int, int, int]
    licence: str = ""


@lru_cache(maxsize=4)
def _font(size: int):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def draw_placeholder(photo: DemoPhoto) -> bytes:
    """A JPEG: a two-tone gradient with the photo's title, marked as a placeholder."""
    width, height = SIZE
    image = Image.new("RGB", SIZE, photo.colour)
    draw = ImageDraw.Draw(image)
    red, green, blue = photo.colour
    for y in range(0, height, 4):
        shade = y / height
        draw.rectangle(
            [0, y, width, y + 4],
            fill=(
                int(red * (1 - shade * 0.6)),
                int(green * (1 - shade * 0.6)),
                int(blue * (1 - shade * 0.6)),
            ),
        )
    # The label sits in the middle band so card and share crops keep it.
    top = height // 2 - 80
    draw.rectangle([0, top, width, top + 160], fill=(0, 0, 0))
    draw.text((48, top + 20), "ẢNH MINH HỌA", font=_font(34), fill=(255, 220, 120))
    draw.text((48, top + 70), photo.title[:60], font=_font(40), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def get_or_create_photo(photo: DemoPhoto) -> CreditedImage:
    """The demo photo with this title; drawn and saved only the first time."""
    existing = CreditedImage.objects.filter(title=photo.title).first()
    if existing is not None:
        return existing
    content = ImageFile(
        io.BytesIO(draw_placeholder(photo)), name=f"{slugify_vi(photo.title)[:60]}.jpg"
    )
    image = CreditedImage(
        title=photo.title,
        file=content,
        caption=photo.caption,
        source_agency=photo.source_agency,
        photographer=photo.photographer,
        licence=photo.licence,
        description=photo.caption,
    )
    image.full_clean(exclude=["file"])
    image.save()
    return image
