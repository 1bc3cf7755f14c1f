"""Sign-off with a time, in one action: "Approve and schedule publication".

At a pipeline's last step the reviewer may approve for publication now or at a time
picked in the same dialog. The time goes on a new revision of the article (Wagtail's
own ``go_live_at``), which ``editorial.pipelines.schedule_edits`` recognises as a
schedule-only change, so the approvals so far move to it; then the step is approved as
usual, and Wagtail's finish action publishes that revision, which, with a time in the
future, schedules it (the scheduler puts it live, ``editorial.pipelines.go_live``).
Everything else, the publication checks and the writer rule included, is the ordinary
approval's: this is that approval with one more field.

An article under embargo (``coverage.embargo``) takes the same path on its own: an
approval that would publish it, now or at a time before the embargo, schedules it for
the embargo time instead (``schedule_for_embargo``).
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import TaskState

APPROVE_AND_SCHEDULE = "approve_schedule"
# The browser's own date-and-time picker: the same in every language, keyboard-usable.
PICKER_FORMAT = "%Y-%m-%dT%H:%M"


class ScheduleApprovalForm(TaskStateCommentForm):
    go_live_at = forms.DateTimeField(
        label=_("Publish at"),
        input_formats=[PICKER_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=PICKER_FORMAT),
        help_text=_("Hà Nội time. The article goes live then, with no further approval."),
    )

    def clean_go_live_at(self) -> datetime.datetime:
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at <= timezone.now():
            raise forms.ValidationError(
                _("Pick a time in the future, or use “Approve and publish” to publish now.")
            )
        return go_live_at


def as_datetime(value) -> datetime.datetime:
    """The time as the form cleaned it, or as the page editor passes it on: the editor's
    dialog returns the cleaned data as JSON, so the time arrives as ISO text."""
    if isinstance(value, datetime.datetime):
        return value
    parsed = parse_datetime(str(value))
    if parsed is None:
        raise ValueError(f"Not a date and time: {value!r}")
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def schedule_latest_revision(task_state: TaskState, user, go_live_at) -> TaskState:
    """Save the article's latest version again with ``go_live_at`` and return the task
    state as it now stands (moved to that revision by ``schedule_edits``)."""
    workflow_state = task_state.workflow_state
    article = workflow_state.content_object.specific.get_latest_revision_as_object()
    article.go_live_at = as_datetime(go_live_at)
    article.save_revision(user=user)
    return TaskState.objects.get(pk=task_state.pk).specific


def schedule_for_embargo(task_state: TaskState, user) -> TaskState:
    """If the latest version would go live before its embargo, schedule it for the
    embargo time (as "Approve and schedule publication" would); else change nothing.
    The page says what holds it (``held_until``: editorial never imports coverage)."""
    content_object = task_state.workflow_state.content_object.specific
    latest = content_object.get_latest_revision_as_object()
    held_until = latest.held_until() if hasattr(latest, "held_until") else None
    if held_until is None:
        return task_state
    return schedule_latest_revision(task_state, user, held_until)
