"""Organisations: the Committee, the Review, the Bloc's enterprises, agencies such as VGP."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from editorial.enums import OrganisationKind
from editorial.models.mixins import AutoSlugMixin
from editorial.text import VI_COLUMN_COLLATION


class Organisation(AutoSlugMixin, index.Indexed, models.Model):
    """A body that articles, beats and log entries point at.

    Editors add an enterprise once and then tag coverage with it; its public page
    lists the coverage that mentions it.
    """

    name = models.CharField(
        _("name"),
        max_length=255,
        db_collation=VI_COLUMN_COLLATION,
        help_text=_("Full official name, e.g. Tập đoàn Điện lực Việt Nam."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=50,
        unique=True,
        help_text=_("Abbreviation readers know, e.g. EVN, PVN, TKV. Must be unique."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Web address part; filled from the name when left blank."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=OrganisationKind.choices,
        help_text=_("What sort of body this is."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The body this one belongs to, if any (e.g. a subsidiary's group)."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Official website."))
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A few sentences for readers and for colleagues new to the beat."),
    )

    search_fields: ClassVar[list] = [
        index.SearchField("name", boost=3),
        index.SearchField("short_name", boost=5),
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["name"]  # in Vietnamese: the column's collation
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name
