"""The "Sign-in lockouts" screen in the admin's Settings menu (editor-in-chief only)."""

from __future__ import annotations

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from editorial.access.lockout_views import LockoutListView, UnlockView
from editorial.roles import UNLOCK_SIGN_IN


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_SIGN_IN)


class LockoutViewSet(ViewSet):
    name = "sign_in_lockouts"
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    menu_order = 900

    @cached_property
    def menu_item_class(self):
        return LockoutMenuItem

    def get_urlpatterns(self):
        return [
            path("", LockoutListView.as_view(), name="index"),
            path("unlock/", UnlockView.as_view(), name="unlock"),
        ]
