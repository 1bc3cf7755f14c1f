"""Admin for beats (with who follows them) and the beat log."""

from __future__ import annotations

from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from editorial.desk.forms import BeatLogEntryForm
from editorial.desk.viewsets import rows
from editorial.listings.search import ListingSearchMixin
from editorial.models import Beat, BeatLogEntry


class BeatIndexView(ListingSearchMixin, generic.IndexView):
    def get_base_queryset(self):
        return Beat.objects.select_related("topic").prefetch_related("beat_assignments__person")


class BeatViewSet(ModelViewSet):
    """Beats are the editors' to set up; everyone on the desk may look at them."""

    model = Beat
    icon = "site"
    menu_label = _("Beats")
    menu_order = 20
    name = "desk_beat"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = BeatIndexView
    list_display: ClassVar[list] = [
        "name",
        "topic",
        Column("people", label=_("Followed by"), accessor="people_display"),
        "active",
    ]
    list_filter: ClassVar[list] = ["active", "topic"]
    # No search_fields: the Vietnamese search backend searches the model's indexed
    # fields accent-insensitively (SQLite's FTS cannot restrict to named fields).
    inspect_view_fields: ClassVar[list] = [
        "name",
        "topic",
        "organisations",
        "description",
        "active",
    ]
    panels: ClassVar[list] = [
        FieldPanel("name"),
        FieldPanel("topic"),
        FieldPanel("organisations"),
        FieldPanel("description"),
        FieldPanel("active"),
        InlinePanel(
            "beat_assignments",
            heading=_("Who follows it"),
            label=_("person"),
            panels=[
                FieldPanel("person"),
                FieldPanel("role"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            max_num=30,
        ),
    ]


class BeatLogEntryIndexView(ListingSearchMixin, rows.RowFilteredIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("beat", "author")


class BeatLogEntryInspectView(rows.RowInspectView):
    template_name = "editorial/desk/log_entry_inspect.html"

    def get_context_data(self, **kwargs):
        from editorial.desk.permissions import can_log_on

        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_make_assignment"] = user.has_perm("editorial.add_assignment") and (
            self.object.author_id == user.pk or can_log_on(user, self.object.beat)
        )
        context["assignments"] = self.object.assignments.all()
        context["attachments"] = self.object.attachments.select_related("document")
        return context


class BeatLogEntryViewSet(ModelViewSet):
    """Journalists log on their own beats; editors read and correct every entry."""

    model = BeatLogEntry
    icon = "doc-full"
    menu_label = _("Beat log")
    menu_order = 30
    name = "desk_log"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = BeatLogEntryIndexView
    edit_view_class = rows.RowEditView
    delete_view_class = rows.RowDeleteView
    inspect_view_class = BeatLogEntryInspectView
    history_view_class = rows.RowHistoryView
    usage_view_class = rows.RowUsageView
    list_display: ClassVar[list] = ["__str__", "beat", "kind", "author", "follow_up_by"]
    # Dates as a range (``date__gte`` / ``date__lte``): the beat report links a month here.
    list_filter: ClassVar[dict] = {
        "beat": ["exact"],
        "kind": ["exact"],
        "date": ["gte", "lte"],
        "follow_up_needed": ["exact"],
        "follow_up_done": ["exact"],
    }
    # No search_fields: the Vietnamese search backend searches the model's indexed
    # fields accent-insensitively (SQLite's FTS cannot restrict to named fields).
    ordering = "-date"
    inspect_view_fields: ClassVar[list] = [
        "date",
        "beat",
        "kind",
        "author",
        "summary",
        "organisations",
        "people_met",
        "follow_up_needed",
        "follow_up_by",
        "follow_up_done",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("beat"), FieldPanel("kind"), FieldPanel("date")]),
            FieldPanel("summary"),
            FieldPanel("organisations"),
            FieldPanel("people_met"),
            FieldRowPanel(
                [
                    FieldPanel("follow_up_needed"),
                    FieldPanel("follow_up_by"),
                    FieldPanel("follow_up_done"),
                ],
                heading=_("Follow-up"),
            ),
            InlinePanel(
                "attachments",
                heading=_("Attachments"),
                label=_("attachment"),
                panels=[FieldPanel("document")],
                # Briefing notes and letters from one meeting, not an archive.
                max_num=20,
            ),
        ],
        base_form_class=BeatLogEntryForm,
    )
