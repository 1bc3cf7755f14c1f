"""The editor-in-chief's list of sign-in lockouts, each with an "unlock" button.

Both views check ``UNLOCK_SIGN_IN`` on the server: the menu item only hides the link.
"""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.access import lockouts
from editorial.roles import UNLOCK_SIGN_IN


class UnlockForm(forms.Form):
    kind = forms.ChoiceField(choices=[(lockouts.USERNAME, ""), (lockouts.ADDRESS, "")])
    value = forms.CharField(max_length=255)


class ChiefOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UNLOCK_SIGN_IN):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LockoutListView(ChiefOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/access/lockout_list.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockouts"] = [
            {"lockout": lockout, "label": lockouts.describe(lockout)}
            for lockout in lockouts.current_lockouts()
        ]
        context["cool_off_minutes"] = lockouts.cool_off_minutes()
        return context


class UnlockView(ChiefOnlyMixin, View):
    http_method_names: ClassVar[list] = ["post"]

    def post(self, request):
        form = UnlockForm(request.POST)
        if form.is_valid():
            kind, value = form.cleaned_data["kind"], form.cleaned_data["value"]
            lockouts.unlock(kind, value)
            label = lockouts.describe(lockouts.Lockout(kind, value, 0, None))
            messages.success(request, _("%(lockout)s can sign in again.") % {"lockout": label})
        return redirect("sign_in_lockouts:index")
