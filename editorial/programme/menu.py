"""Admin viewsets, one module per area; ``wagtail_hooks.py`` registers the groups.

- this module: the programme's admin, one menu group, one viewset per model;
- ``editorial.desk.menu``: the newsroom desk (beats, beat log, assignments).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from editorial.programme.viewsets.organisations import OrganisationViewSet
from editorial.programme.viewsets.people import AuthorViewSet, StaffProfileViewSet
from editorial.programme.viewsets.plans import (
    AnnualPlanViewSet,
    MeetingViewSet,
    ProgrammeEventViewSet,
)
from editorial.programme.viewsets.programme import ProgrammeTopicViewSet, ProgrammeViewSet


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    # Reads "Chương trình phối hợp" in the Vietnamese admin (editorial/locale).
    menu_label = _("Coordination programme")
    menu_icon = "clipboard-list"
    menu_name = "programme"
    menu_order = 200
    items = (
        ProgrammeViewSet,
        ProgrammeTopicViewSet,
        AnnualPlanViewSet,
        ProgrammeEventViewSet,
        MeetingViewSet,
        OrganisationViewSet,
        StaffProfileViewSet,
        AuthorViewSet,
    )


__all__ = [
    "AnnualPlanViewSet",
    "AuthorViewSet",
    "MeetingViewSet",
    "OrganisationViewSet",
    "ProgrammeEventViewSet",
    "ProgrammeTopicViewSet",
    "ProgrammeViewSet",
    "ProgrammeViewSetGroup",
    "StaffProfileViewSet",
]
