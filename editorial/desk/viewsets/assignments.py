"""Admin for assignments: a filterable listing with CSV export, the desk card (inspect
view) with the actions a person may take, and the add / edit forms."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from editorial.desk import permissions, transitions
from editorial.desk.forms import AssignmentForm, DeclineForm
from editorial.desk.viewsets import rows
from editorial.enums import AssignmentStage, ExchangeDirection
from editorial.filters import YearFilter
from editorial.listings.search import ListingSearchMixin
from editorial.models import Assignment, BeatLogEntry, ExchangeItem, PlanItem, ProgrammeTopic
from editorial.pipelines.history import pipeline_steps

EDITORS_ONLY = permissions.COMMISSION

LIST_RELATED = (
    "topic",
    "plan_item__plan",
    "assignee",
    "external_author",
    "staff_contact",
    "editor",
)


def _writers(request):
    """People who write or look after assignments, for the "journalist" filter."""
    return (
        get_user_model()
        .objects.filter(Q(desk_assignments__isnull=False) | Q(contact_assignments__isnull=False))
        .distinct()
        .order_by("first_name", "last_name")
    )


class AssignmentFilterSet(WagtailFilterSet):
    # Several stages at once (``?stage=accepted&stage=drafting``): the reports link
    # their "in progress" and "in review" counts here.
    stage = django_filters.MultipleChoiceFilter(
        label=_("Stage"),
        choices=AssignmentStage.choices,
        method="filter_stage",
        widget=forms.CheckboxSelectMultiple,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=ProgrammeTopic.objects.all()
    )
    plan_item = django_filters.ModelChoiceFilter(
        label=_("Plan item"), queryset=PlanItem.objects.select_related("plan")
    )
    plan_year = YearFilter(label=_("Plan year"), field_name="plan_item__plan__year")
    person = django_filters.ModelChoiceFilter(
        label=_("Journalist"), queryset=_writers, method="filter_person"
    )
    due = django_filters.DateFromToRangeFilter(
        label=_("Due between"), field_name="due_date", widget=DateRangePickerWidget
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), field_name="is_overdue")

    class Meta:
        model = Assignment
        fields: ClassVar[list] = []

    def filter_stage(self, queryset, name, value):
        # ``stage`` is annotated by the listing's queryset (Assignment.objects.with_stage()).
        return queryset.filter(stage__in=value) if value else queryset

    def filter_person(self, queryset, name, value):
        return queryset.filter(Q(assignee=value) | Q(staff_contact=value))


class DueDateColumn(Column):
    """The due date, with "overdue" written out (and styled) on late work."""

    cell_template_name = "editorial/desk/due_date_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.overdue
        return context


class DeskCardTitleColumn(TitleColumn):
    """The headline, linked to the desk card. Wagtail links a listing's title to the edit
    form when the user may edit; on the desk the card, with its actions, comes first (every
    row listed is one the user may view)."""

    def get_link_url(self, instance, parent_context):
        return reverse("desk_assignment:inspect", args=[instance.pk])


class AssignmentIndexView(ListingSearchMixin, rows.RowFilteredIndexMixin, generic.IndexView):
    """The desk's listing, with CSV / XLSX downloads of the rows the user may see; a
    headline or name typed like a formula stays text in them."""

    def get_base_queryset(self):
        return super().get_base_queryset().with_stage().select_related(*LIST_RELATED)

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The headline opens the desk card (with its actions) rather than the form.
        return super()._get_title_column(field_name, DeskCardTitleColumn, **kwargs)

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class AssignmentCreateView(generic.CreateView):
    """Adding from a beat log entry (``?log_entry=<id>``, the entry page's "Turn into an
    assignment") or a received exchange item (``?exchange_item=<id>``) prefills the form
    and keeps the link; nothing exists until it is saved."""

    def _source(self, param: str, model):
        source_id = self.request.GET.get(param) or self.request.POST.get(param)
        if not source_id or not str(source_id).isdigit():
            return None
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(model)
        return (
            policy.instances_user_has_any_permission_for(self.request.user, ["view"])
            .select_related("beat")
            .filter(pk=source_id)
            .first()
        )

    @cached_property
    def log_entry(self) -> BeatLogEntry | None:
        return self._source("log_entry", BeatLogEntry)

    @cached_property
    def exchange_item(self) -> ExchangeItem | None:
        item = self._source("exchange_item", ExchangeItem)
        return item if item is not None and item.direction == ExchangeDirection.RECEIVED else None

    def get_initial(self):
        initial = super().get_initial()
        proposal = None
        if self.log_entry is not None:
            from editorial.desk.actions import proposal_from_log_entry

            proposal = proposal_from_log_entry(self.log_entry, self.request.user)
        elif self.exchange_item is not None:
            from editorial.exchange.actions import proposal_from_item

            proposal = proposal_from_item(self.exchange_item, self.request.user)
        if proposal is not None:
            initial.update(
                {name: getattr(proposal, name) for name in ("headline", "brief", "due_date")}
                | {
                    name: getattr(proposal, f"{name}_id")
                    for name in ("beat", "topic", "plan_item", "editor", "assignee")
                    if getattr(proposal, f"{name}_id") is not None
                }
            )
        return initial

    def get_add_url(self):
        url = super().get_add_url()
        if self.log_entry is not None:
            url += f"?log_entry={self.log_entry.pk}"
        elif self.exchange_item is not None:
            url += f"?exchange_item={self.exchange_item.pk}"
        return url

    def save_instance(self):
        if self.exchange_item is not None:
            self.form.instance.source_exchange_item = self.exchange_item
            return super().save_instance()
        if self.log_entry is None:
            return super().save_instance()
        from editorial.desk.actions import followed_up

        self.form.instance.source_log_entry = self.log_entry
        instance = super().save_instance()
        followed_up(self.log_entry)
        return instance

    def get_success_url(self):
        return reverse("desk_assignment:inspect", args=[self.object.pk])


class AssignmentEditView(rows.RowEditView):
    """Saving returns to the desk card, as adding does: the next step (commission, accept)
    is taken there."""

    def get_success_url(self):
        return reverse("desk_assignment:inspect", args=[self.object.pk])


class AssignmentInspectView(rows.RowInspectView):
    """The desk card: what was asked, where it stands, and the buttons this user may press."""

    template_name = "editorial/desk/assignment_inspect.html"

    def get_object(self, queryset=None):
        obj = (
            Assignment.objects.with_stage()
            .select_related(
                *LIST_RELATED, "beat", "source_log_entry", "source_exchange_item", "article"
            )
            .filter(pk=self.pk)
            .first()
        )
        if obj is None:
            raise Http404
        return self.check_row(obj)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, assignment = self.request.user, self.object
        drafted = assignment.article_id is not None
        context.update(
            stage=assignment.current_stage,
            **{
                f"can_{name}": transitions.available(name, user, assignment)
                for name in transitions.TRANSITIONS
            },
            decline_form=DeclineForm(),
            pipeline_steps=pipeline_steps(assignment.article_id) if drafted else [],
            edit_url=self.edit_url_name
            and self.user_has_permission_for_instance("change", assignment)
            and reverse(self.edit_url_name, args=[assignment.pk]),
        )
        for name in ("commission", "cancel", "accept", "decline", "start_draft"):
            context[f"{name}_url"] = reverse(f"desk_assignment:{name}", args=[assignment.pk])
        return context


class AssignmentViewSet(ModelViewSet):
    """Assignments (đặt bài). Journalists see and propose their own; editors commission."""

    model = Assignment
    icon = "tasks"
    menu_label = _("Assignments")
    menu_order = 10
    name = "desk_assignment"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = AssignmentIndexView
    add_view_class = AssignmentCreateView
    edit_view_class = AssignmentEditView
    delete_view_class = rows.RowDeleteView
    inspect_view_class = AssignmentInspectView
    history_view_class = rows.RowHistoryView
    usage_view_class = rows.RowUsageView
    filterset_class = AssignmentFilterSet
    ordering = "due_date"
    # No search_fields: the Vietnamese search backend searches the model's indexed
    # fields accent-insensitively (SQLite's FTS cannot restrict to named fields).
    list_display: ClassVar[list] = [
        "headline",
        StatusTagColumn(
            "stage",
            label=_("Stage"),
            accessor="get_stage_display",
            sort_key="stage",
            primary=lambda a: a.current_stage == AssignmentStage.PUBLISHED,
        ),
        Column("topic", label=_("Topic"), accessor="topic.name", sort_key="topic__number"),
        Column("writer", label=_("Writer"), accessor="writer_display"),
        DueDateColumn("due_date", label=_("Due"), sort_key="due_date"),
        Column(
            "priority", label=_("Priority"), accessor="get_priority_display", sort_key="priority"
        ),
    ]
    list_export: ClassVar[list] = [
        "headline",
        "get_stage_display",
        "topic",
        "plan_item",
        "writer_display",
        "editor",
        "due_date",
        "overdue",
        "get_priority_display",
        "target_length",
        "get_photo_needs_display",
    ]
    export_headings: ClassVar[dict] = {
        "get_stage_display": _("Stage"),
        "writer_display": _("Writer"),
        "overdue": _("Overdue"),
        "get_priority_display": _("Priority"),
        "get_photo_needs_display": _("Photo needs"),
    }
    export_filename = "dat-bai"
    inspect_view_fields: ClassVar[list] = [
        "brief",
        "topic",
        "plan_item",
        "projected_issue",
        "beat",
        "editor",
        "target_length",
        "photo_needs",
        "photo_notes",
        "priority",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("headline"),
            FieldPanel("brief"),
            FieldRowPanel([FieldPanel("topic"), FieldPanel("plan_item")]),
            FieldRowPanel([FieldPanel("beat"), FieldPanel("projected_issue")]),
            MultiFieldPanel(
                [
                    FieldPanel("assignee", permission=EDITORS_ONLY),
                    FieldRowPanel(
                        [
                            FieldPanel("external_author", permission=EDITORS_ONLY),
                            FieldPanel("staff_contact", permission=EDITORS_ONLY),
                        ]
                    ),
                    FieldPanel("editor", permission=EDITORS_ONLY),
                ],
                heading=_("People"),
                permission=EDITORS_ONLY,
            ),
            FieldRowPanel(
                [FieldPanel("due_date"), FieldPanel("target_length"), FieldPanel("priority")]
            ),
            FieldRowPanel([FieldPanel("photo_needs"), FieldPanel("photo_notes")]),
        ],
        base_form_class=AssignmentForm,
    )

    def get_urlpatterns(self):
        from editorial.desk.views import actions

        return [
            *super().get_urlpatterns(),
            path("commission/<int:pk>/", actions.CommissionView.as_view(), name="commission"),
            path("accept/<int:pk>/", actions.AcceptView.as_view(), name="accept"),
            path("decline/<int:pk>/", actions.DeclineView.as_view(), name="decline"),
            path("cancel/<int:pk>/", actions.CancelView.as_view(), name="cancel"),
            path("start-draft/<int:pk>/", actions.StartDraftView.as_view(), name="start_draft"),
        ]
