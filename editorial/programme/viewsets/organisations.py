"""Admin for organisations: the Committee, the Review, the Bloc's enterprises, agencies."""

from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn

from editorial.listings.viewsets import ProgrammeSnippetViewSet, VietnameseIndexView
from editorial.models import Organisation
from editorial.programme.panels import organisation_panels


class OrganisationIndexView(VietnameseIndexView):
    collated_orderings: ClassVar[dict[str, list[str]]] = {"name": ["name"]}


class OrganisationViewSet(ProgrammeSnippetViewSet):
    model = Organisation
    icon = "site"
    menu_order = 100
    menu_label = _("Organisations")
    index_view_class = OrganisationIndexView
    list_select_related = ("parent",)
    list_display: ClassVar[list] = ["name", "short_name", "kind", "parent", UpdatedAtColumn()]
    list_filter: ClassVar[list] = ["kind"]
    list_export: ClassVar[list] = ["name", "short_name", "kind", "website"]
    list_per_page = 50
    panels = organisation_panels
