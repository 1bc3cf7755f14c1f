"""Publication checks: nothing uncredited, lead-less or byline-less goes live.

The article says what is missing (``get_publication_problems()``, the named interface
the page model offers); this module enforces it where Wagtail lets content go live
through a pipeline: the approve action of a pipeline's last step. The article editor's
own Publish button is guarded by the article form with the same list.

Wagtail's workflow views build the action form without the object, so the task
remembers the object it offered actions for (``get_actions`` always runs first) and the
form it hands out checks that object's latest revision.
"""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def problems_of(obj) -> list:
    """What stops ``obj`` (its latest revision) going live; [] for pages with no checks."""
    check = getattr(obj, "get_publication_problems", None)
    if check is None and hasattr(obj, "specific"):
        obj = obj.specific
        check = getattr(obj, "get_publication_problems", None)
    if check is None:
        return []
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "revisions") else obj
    return latest.get_publication_problems()


def problems_message(problems) -> str:
    """One message listing every problem, each with a link where it can be fixed."""
    items = format_html_join(
        "",
        "<li>{}</li>",
        (
            (format_html('{} <a href="{}">{}</a>', p.message, p.url, _("Fix it")),)
            if p.url
            else (p.message,)
            for p in problems
        ),
    )
    return format_html("{}<ul>{}</ul>", _("This article cannot be published yet:"), items)


def is_final_step(task, obj) -> bool:
    state = getattr(obj, "current_workflow_state", None)
    if state is None:
        return False
    current = state.current_task_state
    return bool(current and current.task_id == task.pk and state.is_at_final_task)


def with_publication_check(task, obj, actions: list) -> list:
    """At the last step approval publishes: offer one "Approve and publish" action that
    always opens the form, so a failed check is shown instead of silently dropped."""
    task._checked_object = obj
    if not is_final_step(task, obj):
        return actions
    final = [(name, label, modal) for name, label, modal in actions if name != "approve"]
    if any(name == "approve" for name, _label, _modal in actions):
        final.append(("approve", gettext_lazy("Approve and publish"), True))
    return final


def action_form_for(task, action: str, base_form):
    """The form for ``action``; approval gets one that runs the checks at the last step.

    The view asks for the form class before it asks for the actions, so which object and
    whether this is the last step are read when the form is cleaned, not now.
    """
    if action != "approve":
        return base_form
    base = base_form or forms.Form

    class PublicationCheckedForm(base):
        def clean(self):
            cleaned = super().clean()
            obj = getattr(task, "_checked_object", None)
            if obj is not None and is_final_step(task, obj):
                problems = problems_of(obj)
                if problems:
                    raise forms.ValidationError(problems_message(problems))
            return cleaned

    return PublicationCheckedForm
