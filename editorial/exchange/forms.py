"""The ledger's admin form: whoever records an item is its author; journalists file on
the beats they follow (a crafted POST with another beat is an invalid choice)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from editorial.desk.permissions import VIEW_ALL_EXCHANGE
from editorial.models import Beat


class ExchangeItemForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance._state.adding and user is not None:
            self.instance.author = user
        if user is not None and not user.has_perm(VIEW_ALL_EXCHANGE) and "beat" in self.fields:
            followed = Q(pk__in=Beat.objects.followed_by(user).values("pk"))
            if self.instance.beat_id:
                followed |= Q(pk=self.instance.beat_id)
            self.fields["beat"].queryset = Beat.objects.filter(followed)
            self.fields["beat"].error_messages["invalid_choice"] = _(
                "You can only file items on beats you follow."
            )
        if "in_reply_to" in self.fields and user is not None:
            from wagtail.permissions import policy_registry

            from editorial.models import ExchangeItem

            policy = policy_registry.get_by_type(ExchangeItem)
            visible = policy.instances_user_has_any_permission_for(user, ["view"])
            if self.instance.pk:
                visible = visible.exclude(pk=self.instance.pk)
            self.fields["in_reply_to"].queryset = visible
