"""The signed coordination programme: parties, signatories, purposes and mechanism."""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from editorial.enums import SignatoryRole
from editorial.models.mixins import AutoSlugMixin

# The years a programme, a plan or a listing's year filter can name.
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class Programme(AutoSlugMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A coordination programme between the Review and a partner, as signed.

    Edited rarely, by editors, with every change kept as a revision; the public
    programme page shows it to readers.
    """

    slug_source = "title"

    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("Name of the programme as signed."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    signed_on = models.DateField(_("signed on"), help_text=_("Date of the signing ceremony."))
    signed_at = models.CharField(
        _("signed at"),
        max_length=255,
        blank=True,
        help_text=_("Place of the signing, e.g. Hà Nội."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=YEAR_VALIDATORS, help_text=_("First year the programme covers.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=YEAR_VALIDATORS, help_text=_("Last year the programme covers.")
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences for readers: what the two bodies agreed and why."),
    )

    search_fields: ClassVar[list] = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["-start_year"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return f"{self.title} ({self.period})"

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def clean(self) -> None:
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The last year cannot come before the first year.")}
            )
        if self.signed_on and self.end_year and self.signed_on.year > self.end_year:
            raise ValidationError(
                {"signed_on": _("The programme cannot be signed after its last year.")}
            )

    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    def signatories(self):
        return self.people.filter(role=SignatoryRole.SIGNATORY)

    def witnesses(self):
        return self.people.filter(role=SignatoryRole.WITNESS)


class ProgrammeParty(Orderable):
    """One of the bodies that signed the programme."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="programme_parties",
        help_text=_("A body bound by the programme."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["programme", "organisation"], name="unique_programme_party"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class ProgrammePerson(Orderable):
    """Someone who signed or witnessed the signing, with the title held at the time."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(
        _("role at the signing"),
        max_length=16,
        choices=SignatoryRole.choices,
        default=SignatoryRole.SIGNATORY,
        help_text=_("Signed the programme, or witnessed it."),
    )
    name = models.CharField(
        _("name"), max_length=150, help_text=_("Full name, e.g. Đoàn Minh Huấn.")
    )
    position = models.CharField(
        _("position"),
        max_length=255,
        help_text=_("Title at the time of signing, e.g. Tổng Biên tập Tạp chí Cộng sản."),
    )
    organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programme_people",
        help_text=_("The body this person signed for or represented."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("signatory or witness")
        verbose_name_plural = _("signatories and witnesses")

    def __str__(self) -> str:
        return f"{self.name}, {self.position}"


class ProgrammePurpose(Orderable):
    """One stated purpose of the programme."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="purposes")
    text = models.TextField(_("purpose"), help_text=_("One purpose, in a sentence or two."))

    class Meta(Orderable.Meta):
        verbose_name = _("purpose")
        verbose_name_plural = _("purposes")

    def __str__(self) -> str:
        return self.text[:80]


class ProgrammeResponsibility(Orderable):
    """A row of the coordination mechanism: who leads what."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="responsibilities")
    organisation = models.ForeignKey(
        "editorial.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="programme_responsibilities",
        help_text=_("The body that leads this part of the work."),
    )
    responsibility = models.TextField(
        _("responsibility"),
        help_text=_("What this body does under the programme, e.g. supplies news of new models."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("responsibility")
        verbose_name_plural = _("coordination mechanism")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.responsibility[:60]}"
