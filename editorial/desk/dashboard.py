"""The "My desk" panel on the admin dashboard: my assignments by due date, my beats,
my follow-ups due, with late work marked (a class for colour and the word for everyone)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from editorial.models import Assignment, Beat, BeatLogEntry
from editorial.models.assignments import OPEN_STAGES

FOLLOW_UP_HORIZON = datetime.timedelta(days=7)
MAX_ROWS = 10


class MyDeskPanel(Component):
    name = "my_desk"
    template_name = "editorial/desk/my_desk_panel.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        today = timezone.localdate()
        mine = (
            Assignment.objects.with_stage(today)
            .filter(Q(assignee=user) | Q(staff_contact=user) | Q(editor=user))
            .filter(stage__in=[stage.value for stage in OPEN_STAGES])
            .select_related("topic", "assignee", "external_author")
            .order_by("due_date", "priority", "pk")
        )
        beats = (
            Beat.objects.followed_by(user, today)
            .select_related("topic")
            .prefetch_related("beat_assignments__person")
        )
        follow_ups = (
            BeatLogEntry.objects.filter(author=user)
            .follow_ups_due(today + FOLLOW_UP_HORIZON)
            .select_related("beat")
            .order_by("follow_up_by")
        )
        return {
            "assignments": list(mine[:MAX_ROWS]),
            "beats": list(beats),
            "follow_ups": list(follow_ups[:MAX_ROWS]),
            "today": today,
            "request": self.request,
        }
