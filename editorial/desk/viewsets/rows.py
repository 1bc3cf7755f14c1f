"""Row-level permission checks for admin views, asking the model's permission policy.

Wagtail's generic views check model permissions only ("may this user change
assignments?"). These mixins add the row ("this assignment?"): listings show only rows
the policy allows, and opening any other row by URL answers 404, or 403 when the user
may see the row but not do this to it. The inspect view also prints its values as a
reader expects (``readable``).
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from editorial.text import person_name


class RowFilteredIndexMixin:
    """An index listing only rows the user may view or change."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )


class RowCheckedObjectMixin:
    """Checks the object a view opens against ``row_action`` on the permission policy."""

    row_action: ClassVar[str] = "view"

    def check_row(self, obj):
        policy, user = self.permission_policy, self.request.user
        if not policy.user_has_any_permission_for_instance(user, ["view", "change"], obj):
            raise Http404
        if not policy.user_has_permission_for_instance(user, self.row_action, obj):
            raise PermissionDenied
        return obj

    def get_object(self, *args, **kwargs):
        return self.check_row(super().get_object(*args, **kwargs))


class RowEditView(RowCheckedObjectMixin, generic.EditView):
    row_action = "change"


class RowDeleteView(RowCheckedObjectMixin, generic.DeleteView):
    row_action = "delete"


class RowInspectView(RowCheckedObjectMixin, generic.InspectView):
    row_action = "view"

    def get_field_display_value(self, field_name, field):
        return readable(super().get_field_display_value(field_name, field))


def readable(value):
    """A value as a Vietnamese reader of a record expects it: Wagtail's inspect view
    prints a blank field as "None", a flag as "True"/"False" and a person as a login."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, AbstractBaseUser):
        return person_name(value)
    # One date format per context: a record's fields read as its listing does (04/12/2026).
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return value


class RowHistoryView(RowCheckedObjectMixin, history.HistoryView):
    row_action = "view"


class RowUsageView(RowCheckedObjectMixin, usage.UsageView):
    row_action = "view"
