"""Registers coverage's admin with Wagtail (the print desk, embargoes). Registration only:
the code lives elsewhere."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from coverage.embargo import EMBARGO_BROKEN
from coverage.embargo_admin import break_embargo, embargo_header_buttons
from coverage.issues import urls as issue_urls
from coverage.issues.sign_off import SIGN_OFF_ACTION
from coverage.issues.views import can_plan, refuse_issue_copy
from coverage.models import PrintIssuePage


@hooks.register("register_admin_urls")
def register_issue_urls():
    return [path("so-tap-chi/", include(issue_urls, namespace="print_issues"))]


class IssuePlannerMenuItem(PageMenuItem):
    label = _("Issue planner")
    icon_name = "list-ol"

    def is_shown(self, user):
        return can_plan(user) and self.page.permissions_for_user(user).can_edit()


class IssuesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_plan(request.user)


@hooks.register("register_admin_menu_item")
def register_issues_menu_item():
    return IssuesMenuItem(
        _("Print issues"), reverse("print_issues:index"), icon_name="doc-full", order=250
    )


@hooks.register("register_page_header_buttons")
def issue_planner_button(page, user, view_name=None, next_url=None):
    if page.specific_class is PrintIssuePage:
        url = reverse("print_issues:planner", args=[page.pk])
        yield IssuePlannerMenuItem(url=url, page=page, priority=12)


@hooks.register("register_log_actions")
def register_issue_log_actions(actions):
    actions.register_action(
        SIGN_OFF_ACTION,
        _("Sign off final proof"),
        _("Final proof signed off by the editor-in-chief"),
    )


hooks.register("before_copy_page", refuse_issue_copy)


@hooks.register("register_admin_urls")
def register_embargo_urls():
    return [path("pages/<int:page_id>/lift-embargo/", break_embargo, name="coverage_break_embargo")]


hooks.register("register_page_header_buttons", embargo_header_buttons)


@hooks.register("register_log_actions")
def register_embargo_log_action(actions):
    actions.register_action(
        EMBARGO_BROKEN,
        _("Lift embargo"),
        _("Embargo lifted early by the editor-in-chief: published before the agreed time"),
    )
