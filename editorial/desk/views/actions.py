"""POST-only views that move an assignment along (see ``editorial.desk.actions``).

Each checks, server-side: the row is visible to the user (else 404), the user may take
this action on it (else 403), and the action fits the stage (else an error message and
nothing changes).
"""

from __future__ import annotations

from typing import ClassVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.permissions import policy_registry

from editorial.desk import actions, transitions
from editorial.desk.forms import DeclineForm
from editorial.models import Assignment


class AssignmentActionView(View):
    http_method_names: ClassVar[list] = ["post"]
    transition = ""  # its row in editorial.desk.transitions
    success_message = ""

    def post(self, request, pk: int):
        policy = policy_registry.get_by_type(Assignment)
        assignment = Assignment.objects.filter(pk=pk).first()
        if assignment is None or not policy.user_has_permission_for_instance(
            request.user, "view", assignment
        ):
            raise Http404
        if not transitions.allowed(self.transition, request.user, assignment):
            raise PermissionDenied
        try:
            result = self.perform(request, assignment)
        except actions.DeskActionError as error:
            messages.error(request, str(error))
            return self.back(assignment)
        messages.success(request, self.success_message % {"headline": assignment.headline})
        return self.done(assignment, result)

    def perform(self, request, assignment):
        raise NotImplementedError

    def back(self, assignment) -> HttpResponseRedirect:
        return redirect("desk_assignment:inspect", assignment.pk)

    def done(self, assignment, result) -> HttpResponseRedirect:
        return self.back(assignment)


class CommissionView(AssignmentActionView):
    transition = "commission"
    success_message = _("“%(headline)s” commissioned; the writer has been told.")

    def perform(self, request, assignment):
        return actions.commission(assignment, request.user)


class AcceptView(AssignmentActionView):
    transition = "accept"
    success_message = _("You accepted “%(headline)s”.")

    def perform(self, request, assignment):
        return actions.accept(assignment, request.user)


class DeclineView(AssignmentActionView):
    transition = "decline"
    success_message = _("You declined “%(headline)s”; the editor has been told.")

    def perform(self, request, assignment):
        form = DeclineForm(request.POST)
        if not form.is_valid():
            raise actions.DeskActionError(" ".join(form.errors["reason"]))
        return actions.decline(assignment, request.user, form.cleaned_data["reason"])


class CancelView(AssignmentActionView):
    transition = "cancel"
    success_message = _("“%(headline)s” cancelled.")

    def perform(self, request, assignment):
        return actions.cancel(assignment, request.user)


class StartDraftView(AssignmentActionView):
    transition = "start_draft"
    success_message = _("Draft of “%(headline)s” created under its topic; write away.")

    def perform(self, request, assignment):
        return actions.start_draft(assignment, request.user)

    def done(self, assignment, page) -> HttpResponseRedirect:
        return redirect("wagtailadmin_pages:edit", page.pk)
