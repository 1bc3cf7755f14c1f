"""People: staff profiles for accounts, and authors for bylines (with or without accounts)."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from editorial.models.mixins import AutoSlugMixin
from editorial.text import VI_COLUMN_COLLATION, given_name_of

# Vietnamese lists sort by given name (the last word), then by the full name. Both
# columns carry the Vietnamese collation, so any ordering by them sorts in Vietnamese.
VIETNAMESE_NAME_ORDER = ["given_name", "full_name"]

TITLE_HELP = _('Academic title as printed before the name, e.g. "PGS, TS." or "TS.".')


class PersonMixin(models.Model):
    """Name fields every person shares, with the given name derived when left blank."""

    full_name = models.CharField(
        _("full name"),
        max_length=150,
        db_collation=VI_COLUMN_COLLATION,
        help_text=_("As printed, e.g. Đoàn Minh Huấn."),
    )
    given_name = models.CharField(
        _("given name"),
        max_length=50,
        blank=True,
        db_collation=VI_COLUMN_COLLATION,
        help_text=_("Used for sorting (Huấn in Đoàn Minh Huấn); filled in when left blank."),
    )
    academic_title = models.CharField(
        _("academic title"), max_length=30, blank=True, help_text=TITLE_HELP
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.given_name:
            self.given_name = given_name_of(self.full_name)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        """The byline form: "PGS, TS. Đoàn Minh Huấn"."""
        return f"{self.academic_title} {self.full_name}".strip()


class StaffProfile(PersonMixin, index.Indexed, models.Model):
    """Newsroom details of a user account. The role comes from the user's groups."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    desk = models.CharField(
        _("desk"),
        max_length=100,
        blank=True,
        help_text=_("Department, e.g. Ban Xây dựng Đảng, Ban Kinh tế, Ban Ảnh."),
    )
    position = models.CharField(
        _("position"),
        max_length=150,
        blank=True,
        help_text=_("Job title, e.g. Phó Tổng Biên tập."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    search_fields: ClassVar[list] = [
        index.SearchField("full_name", boost=3),
        index.AutocompleteField("full_name"),
        index.SearchField("desk"),
        index.SearchField("position"),
    ]

    class Meta:
        ordering = VIETNAMESE_NAME_ORDER
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff")

    def __str__(self) -> str:
        return self.display_name

    @property
    def roles(self) -> list[str]:
        return [group.name for group in self.user.groups.all()]


class Author(AutoSlugMixin, PersonMixin, index.Indexed, models.Model):
    """A byline. External authors (enterprise leaders, researchers) have no account;
    a staff writer's author is linked to their user so drafts can credit them."""

    slug_source = "full_name"

    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("Position printed with the byline, e.g. Phó Bí thư Đảng ủy Khối."),
    )
    organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authors",
    )
    bio = models.TextField(
        _("short bio"), blank=True, help_text=_("Two or three sentences for the author's page.")
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    staff_user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("Link a staff writer's byline to their account; leave blank for outsiders."),
    )

    search_fields: ClassVar[list] = [
        index.SearchField("full_name", boost=3),
        index.AutocompleteField("full_name"),
        index.SearchField("position"),
        index.SearchField("bio"),
    ]

    class Meta:
        ordering = VIETNAMESE_NAME_ORDER
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.display_name
