"""Admin views of the print desk: the issues list, an issue's planner and the sign-off.

Every view checks on the server: the planner needs the right to edit the issue page,
the sign-off the editor-in-chief's role (``coverage.issues.sign_off``).
"""

from __future__ import annotations

from typing import ClassVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from coverage.issues.planner import plan_issue, working_copy
from coverage.issues.sign_off import can_sign_off, sign_off, sign_off_problems
from coverage.models import IssueSignOff, PrintIssuePage

PLANNER_PERMISSION = "editorial.commission_assignment"


def can_plan(user) -> bool:
    """Editors plan issues: those who may commission assignments for them."""
    return user.is_active and user.has_perm(PLANNER_PERMISSION)


def _editable_issue(request, page_id: int) -> PrintIssuePage:
    issue = get_object_or_404(PrintIssuePage, pk=page_id)
    if not can_plan(request.user) or not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return issue


class IssueListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "coverage/issues/issue_list.html"
    page_title = gettext_lazy("Print issues")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_plan(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The slim header shows the last crumb as the page's title: without its own it
        # read "Home" ("Trang chủ") above the issues.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issues = list(
            PrintIssuePage.objects.annotate(
                is_signed=Exists(IssueSignOff.objects.filter(issue=OuterRef("pk")))
            )
            .select_related("latest_revision")
            .order_by("-print_date", "-number")
        )
        for issue in issues:
            # The rounds as the desk last saved them, as the planner reads them.
            revision = issue.latest_revision
            content = revision.content if revision else {}
            issue.round_count = len(content.get("proof_rounds", []))
        context["issues"] = issues
        return context


class PlannerView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "coverage/issues/planner.html"
    header_icon = "list-ol"

    def get_page_title(self):
        return _("Plan of %(issue)s") % {"issue": self.issue.dated_label}

    def dispatch(self, request, page_id: int, *args, **kwargs):
        self.issue = working_copy(_editable_issue(request, page_id))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("print_issues:index"), "label": IssueListView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rounds = list(self.issue.proof_rounds.all())
        context.update(
            issue=self.issue,
            plan=plan_issue(self.issue),
            proof_rounds=rounds,
            sign_off=self.issue.sign_off,
            may_sign=can_sign_off(self.request.user),
            sign_off_problems=sign_off_problems(self.issue),
        )
        return context


class SignOffView(View):
    http_method_names: ClassVar[list] = ["post"]

    def post(self, request, page_id: int):
        issue = get_object_or_404(PrintIssuePage, pk=page_id)
        try:
            sign_off(issue, request.user)
        except PermissionDenied as denied:
            # A plain 403, not Wagtail's redirect to the dashboard: a refused signature
            # must not look like a page that merely moved.
            return HttpResponseForbidden(str(denied))
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(
                request,
                _("Final proof of %(issue)s signed off: it may go to print.")
                % {"issue": issue.label},
            )
        return redirect("print_issues:planner", issue.pk)


def refuse_issue_copy(request, page):
    """before_copy_page: an issue is not copied (its number is its identity, and a copy
    would carry another issue's lineup and proofs); a new issue is added instead."""
    if page.specific_class is PrintIssuePage:
        messages.error(
            request, _("An issue cannot be copied: add a new issue under the issues archive.")
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
