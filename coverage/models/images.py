"""Wagtail's image with the photo desk's credit: no photo reaches readers uncredited."""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

CREDIT_REQUIRED = _(
    "Every photo needs a credit: give the source agency, the photographer, or both."
)


class CreditedImage(AbstractImage):
    """An image with its source agency, photographer, caption and licence.

    The photo desk fills the credit on upload; every template renders
    ``credit_line`` ("Ảnh: VGP/Nguyễn Hoàng") wherever the image shows.
    """

    source_agency = models.CharField(
        _("source agency"),
        max_length=100,
        blank=True,
        help_text=_(
            "Agency or outlet the photo comes from, e.g. VGP, TTXVN. Leave blank for our own."
        ),
    )
    photographer = models.CharField(
        _("photographer"),
        max_length=150,
        blank=True,
        help_text=_("Full name as it should appear in the credit, e.g. Nguyễn Hoàng."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("What the photo shows, written for readers. Shown under the photo."),
    )
    licence = models.CharField(
        _("licence / usage note"),
        max_length=255,
        blank=True,
        help_text=_("Terms of use, e.g. 'Used with permission of Chinhphu.vn'."),
    )

    admin_form_fields = (
        *Image.admin_form_fields,
        "source_agency",
        "photographer",
        "caption",
        "licence",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def credit(self) -> str:
        """ "VGP/Nguyễn Hoàng", "VGP" or "Nguyễn Hoàng": the credit without its prefix."""
        return "/".join(
            part for part in (self.source_agency.strip(), self.photographer.strip()) if part
        )

    @property
    def credit_line(self) -> str:
        """The credit as printed under a photo: "Ảnh: VGP/Nguyễn Hoàng" ("" if uncredited)."""
        return f"Ảnh: {self.credit}" if self.credit else ""

    @property
    def default_alt_text(self) -> str:
        """Wagtail's ``alt`` for every rendering (``{% image %}``, rich text, choosers):
        the description, else the caption, else the title."""
        return self.description or self.caption or self.title

    @property
    def has_credit(self) -> bool:
        return bool(self.credit)

    def clean(self) -> None:
        super().clean()
        if not self.has_credit:
            raise ValidationError(
                {"source_agency": CREDIT_REQUIRED, "photographer": CREDIT_REQUIRED}
            )


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=("image", "filter_spec", "focal_point_key"),
                name="coverage_rendition_unique_per_filter",
            )
        ]
