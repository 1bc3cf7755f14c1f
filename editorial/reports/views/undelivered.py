"""Thư chưa gửi được (undelivered mail): the mails the mail server did not take, waiting
for another try or given up (``editorial.outbox``), and "send again" for a given-up one.

Under the "Báo cáo" menu, for the same people (editors and the editor-in-chief): the
rows name recipients and what they were told about."""

from __future__ import annotations

from typing import ClassVar

from django.contrib import messages
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseListingView

from editorial import outbox
from editorial.reports.permissions import ReportsOnlyMixin

INDEX_URL = "undelivered_mail:index"


def _when(mail: outbox.UndeliveredMail) -> str:
    if mail.next_attempt is None:
        return str(_("Given up"))
    return formats.date_format(timezone.localtime(mail.next_attempt), "SHORT_DATETIME_FORMAT")


class SendAgainColumn(Column):
    """A "send again" button (a POST form) on the rows given up."""

    cell_template_name = "editorial/outbox/send_again_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Wagtail renders cells with a plain context: the form's token is added here.
        context["csrf_token"] = get_token(parent_context["request"])
        context["action_url"] = reverse("undelivered_mail:send_again", args=[instance.id])
        return context


class UndeliveredMailView(ReportsOnlyMixin, BaseListingView):
    page_title = _("Undelivered mail")
    header_icon = "mail"
    index_url_name = INDEX_URL
    paginate_by = 50
    no_results_message = _("Every mail has been delivered.")
    columns: ClassVar[list] = [
        Column("recipient", label=_("Recipient")),
        Column("kind", label=_("Mail")),
        Column("attempts", label=_("Attempts")),
        Column("last_error", label=_("Last error")),
        Column("next_attempt", label=_("Next attempt"), accessor=_when),
        SendAgainColumn("send_again", label=""),
    ]

    def get_queryset(self):
        return outbox.undelivered_rows()

    def get_table(self, object_list):
        # One page of rows, described with one query for their recipients.
        return super().get_table(outbox.describe(list(object_list)))


class SendAgainView(ReportsOnlyMixin, View):
    http_method_names: ClassVar[list[str]] = ["post"]

    def post(self, request, pk):
        if not outbox.send_again(pk):
            raise Http404
        messages.success(request, _("The mail is queued again."))
        return redirect(INDEX_URL)
