"""Admin for people: staff profiles of accounts, and authors (bylines)."""

from typing import ClassVar

import django_filters
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from editorial.listings.viewsets import ProgrammeSnippetViewSet, VietnameseIndexView
from editorial.models import Author, Organisation, StaffProfile
from editorial.programme.panels import author_panels, staff_profile_panels

# Sorting by name means the Vietnamese way: given name first, then the full name.
PERSON_ORDERINGS: dict[str, list[str]] = {"full_name": ["given_name", "full_name"]}


class PeopleIndexView(VietnameseIndexView):
    collated_orderings: ClassVar[dict[str, list[str]]] = PERSON_ORDERINGS


class StaffProfileFilterSet(WagtailFilterSet):
    role = django_filters.ModelChoiceFilter(
        field_name="user__groups", queryset=Group.objects.order_by("name"), label=_("Role")
    )

    class Meta:
        model = StaffProfile
        fields: ClassVar[list] = []


class StaffProfileViewSet(ProgrammeSnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_order = 50
    menu_label = _("Staff")
    index_view_class = PeopleIndexView
    list_display: ClassVar[list] = ["full_name", "academic_title", "position", "desk", "user"]
    filterset_class = StaffProfileFilterSet
    list_select_related = ("user",)
    panels = staff_profile_panels


class AuthorFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    has_account = django_filters.BooleanFilter(
        field_name="staff_user", lookup_expr="isnull", exclude=True, label=_("Staff writer")
    )

    class Meta:
        model = Author
        fields: ClassVar[list] = []


class AuthorViewSet(ProgrammeSnippetViewSet):
    model = Author
    icon = "edit"
    menu_order = 60
    menu_label = _("Authors")
    index_view_class = PeopleIndexView
    list_display: ClassVar[list] = ["full_name", "academic_title", "position", "organisation"]
    filterset_class = AuthorFilterSet
    list_select_related = ("organisation",)
    panels = author_panels
