"""Admin forms for the desk: who may fill in what is decided here, server-side."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from editorial.desk.permissions import VIEW_ALL_LOG, is_desk_editor
from editorial.enums import AssignmentStatus, Role
from editorial.models import Beat
from editorial.roles import members_of
from editorial.text import person_name


class BeatLogEntryForm(WagtailAdminModelForm):
    """A journalist logs on the beats they follow; the entry's author is whoever creates it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance._state.adding and user is not None:
            self.instance.author = user
        if user is not None and not user.has_perm(VIEW_ALL_LOG) and "beat" in self.fields:
            followed = Q(pk__in=Beat.objects.followed_by(user).values("pk"))
            if self.instance.beat_id:
                followed |= Q(pk=self.instance.beat_id)
            self.fields["beat"].queryset = Beat.objects.filter(followed)
            self.fields["beat"].error_messages["invalid_choice"] = _(
                "You can only log on beats you follow."
            )


class AssignmentForm(WagtailAdminModelForm):
    """Editors fill in everything. A journalist's new assignment is a proposal they will
    write themselves: the people fields are not in their form at all (panel permissions)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance._state.adding and user is not None:
            self.instance.proposed_by = user
            self.instance.status = AssignmentStatus.PROPOSED
            if not is_desk_editor(user):
                self.instance.assignee = user
        if "due_date" in self.fields:
            self.fields["due_date"].widget.attrs.setdefault("autocomplete", "off")
        self._offer_only_the_people_who_can(
            assignee=(Role.JOURNALIST,),
            staff_contact=(Role.JOURNALIST, Role.EDITOR),
            editor=(Role.EDITOR, Role.EDITOR_IN_CHIEF),
        )

    def _offer_only_the_people_who_can(self, **roles_by_field) -> None:
        """Each people picker lists who can take that part, by name; whoever already holds
        it stays choosable, so editing an old assignment never fails on its own value.
        A crafted POST with anyone else is refused as an invalid choice."""
        for name, roles in roles_by_field.items():
            field = self.fields.get(name)
            if field is None:  # a journalist's form has no people fields
                continue
            people = members_of(*roles, keeping=getattr(self.instance, f"{name}_id", None))
            field.queryset = people
            field.label_from_instance = person_name

    def clean(self) -> dict:
        cleaned = super().clean()
        # A journalist reassigning through a crafted POST would be ignored anyway (the
        # fields are not in their form); this keeps the writer fixed for them explicitly.
        user = self.for_user
        if user is not None and not is_desk_editor(user) and self.instance._state.adding:
            self.instance.assignee = user
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tell the editor why, so they can reassign it."),
        error_messages={"required": _("Say why you decline, so the editor can reassign it.")},
    )
