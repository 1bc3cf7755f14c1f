"""The exchange ledger in the newsroom desk's menu: listing, card, forms, conversions.

Rows follow ``ExchangeItemPermissionPolicy`` (editorial.desk.permissions) in every view: the
listing, the card, edit, delete, history, and the conversion below.
"""

from __future__ import annotations

from typing import ClassVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views import View
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from editorial.desk.permissions import VIEW_ALL_EXCHANGE, can_log_on
from editorial.desk.viewsets import rows
from editorial.enums import ExchangeDirection
from editorial.exchange.actions import ExchangeActionError, log_entry_from_item
from editorial.exchange.forms import ExchangeItemForm
from editorial.models import ExchangeItem

RELATED = ("beat", "sender_organisation", "recipient_organisation", "author")


def response_display(item: ExchangeItem) -> str:
    """ "answered in 3 days" / "waiting 12 days" / "" (needs ``with_response``)."""
    if item.response_days is not None:
        return ngettext(
            "answered in %(days)d day", "answered in %(days)d days", item.response_days
        ) % {"days": item.response_days}
    if item.waiting_days is not None:
        return ngettext("waiting %(days)d day", "waiting %(days)d days", item.waiting_days) % {
            "days": item.waiting_days
        }
    return ""


class ExchangeIndexView(rows.RowFilteredIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_response().select_related(*RELATED)


class ExchangeInspectView(rows.RowInspectView):
    template_name = "editorial/desk/exchange_inspect.html"

    def get_object(self, *args, **kwargs):
        # The card shows the response time: read the row with its annotation.
        obj = get_object_or_404(
            ExchangeItem.objects.with_response().select_related(*RELATED, "log_entry"),
            pk=self.kwargs["pk"],
        )
        return self.check_row(obj)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item, user = self.object, self.request.user
        may_work = item.direction == ExchangeDirection.RECEIVED and (
            item.author_id == user.pk or can_log_on(user, item.beat, VIEW_ALL_EXCHANGE)
        )
        context.update(
            response=response_display(item),
            attachments=item.attachments.select_related("document"),
            assignments=item.assignments.all(),
            replies=item.replies.all(),
            can_make_assignment=may_work and user.has_perm("editorial.add_assignment"),
            can_make_log_entry=(
                may_work
                and item.log_entry_id is None
                and user.has_perm("editorial.add_beatlogentry")
            ),
        )
        return context


class MakeLogEntryView(View):
    """POST: file a received item in the beat log, then open the new entry."""

    def post(self, request, pk):
        policy = policy_registry.get_by_type(ExchangeItem)
        item = (
            policy.instances_user_has_any_permission_for(request.user, ["view"])
            .select_related("beat")
            .filter(pk=pk)
            .first()
        )
        if item is None:
            raise Http404
        if not (
            request.user.has_perm("editorial.add_beatlogentry")
            and (item.author_id == request.user.pk or can_log_on(request.user, item.beat))
        ):
            raise PermissionDenied
        try:
            entry = log_entry_from_item(item, request.user)
        except ExchangeActionError as error:
            messages.error(request, str(error))
            return redirect("desk_exchange:inspect", pk)
        messages.success(request, _("Filed in the beat log."))
        return redirect("desk_log:inspect", entry.pk)


class ExchangeViewSet(ModelViewSet):
    """What passed between the Committee and the Review, on the beats it belongs to."""

    model = ExchangeItem
    icon = "mail"
    menu_label = _("Exchange ledger")
    menu_order = 35
    name = "desk_exchange"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ExchangeIndexView
    edit_view_class = rows.RowEditView
    delete_view_class = rows.RowDeleteView
    inspect_view_class = ExchangeInspectView
    history_view_class = rows.RowHistoryView
    usage_view_class = rows.RowUsageView
    list_display: ClassVar[list] = [
        "__str__",
        "direction",
        "kind",
        "beat",
        "plan_item",
        Column("response", label=_("Response"), accessor=response_display),
    ]
    list_filter: ClassVar[dict] = {
        "direction": ["exact"],
        "kind": ["exact"],
        "beat": ["exact"],
        "plan_item": ["exact"],
        "date": ["gte", "lte"],
    }
    ordering = "-date"
    inspect_view_fields: ClassVar[list] = [
        "date",
        "direction",
        "kind",
        "subject",
        "summary",
        "beat",
        "sender_organisation",
        "sender_person",
        "recipient_organisation",
        "recipient_person",
        "plan_item",
        "topic",
        "in_reply_to",
        "log_entry",
        "article",
        "author",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("direction"), FieldPanel("kind"), FieldPanel("date")]),
            FieldPanel("subject"),
            FieldPanel("summary"),
            FieldPanel("beat"),
            FieldRowPanel(
                [FieldPanel("sender_organisation"), FieldPanel("sender_person")],
                heading=pgettext_lazy("exchange item", "From"),
            ),
            FieldRowPanel(
                [FieldPanel("recipient_organisation"), FieldPanel("recipient_person")],
                heading=pgettext_lazy("exchange item", "To"),
            ),
            FieldRowPanel([FieldPanel("plan_item"), FieldPanel("topic")]),
            FieldRowPanel([FieldPanel("in_reply_to"), FieldPanel("article")]),
            InlinePanel(
                "attachments",
                heading=_("Attachments"),
                label=_("attachment"),
                panels=[FieldPanel("document")],
                max_num=20,
            ),
        ],
        base_form_class=ExchangeItemForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/log/", MakeLogEntryView.as_view(), name="make_log_entry"),
        ]
