"""Admin for the signed programme and its five content areas."""

from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn

from editorial.listings.viewsets import ProgrammeSnippetViewSet
from editorial.models import Programme, ProgrammeTopic
from editorial.programme.panels import programme_panels, topic_edit_handler


class ProgrammeViewSet(ProgrammeSnippetViewSet):
    """The programme as signed; every save is a revision, so its history stays readable."""

    model = Programme
    icon = "doc-full"
    menu_order = 10
    menu_label = _("Programmes")
    list_display: ClassVar[list] = [
        "title",
        "signed_on",
        "start_year",
        "end_year",
        UpdatedAtColumn(),
    ]
    list_filter: ClassVar[list] = ["start_year", "end_year"]
    ordering = "-start_year"
    panels = programme_panels


class ProgrammeTopicViewSet(ProgrammeSnippetViewSet):
    model = ProgrammeTopic
    icon = "tag"
    menu_order = 20
    menu_label = _("Topics")
    list_display: ClassVar[list] = ["name", "number", "name_en", "lead_organisation", "programme"]
    list_filter: ClassVar[list] = ["programme", "lead_organisation"]
    ordering: ClassVar[list] = ["sort_order", "number"]
    # Topics are ordered by number; drag-and-drop reordering would fight it.
    sort_order_field = None
    list_select_related = ("programme", "lead_organisation")
    edit_handler = topic_edit_handler
