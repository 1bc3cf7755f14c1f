"""Dashboard panel: the review steps waiting on me that are past their time allowance.

It sits above Wagtail's "Awaiting your review" panel (which lists every step, overdue or
not) and reads the same question Wagtail asks, ``TaskState.objects.reviewable_by()``,
narrowed to overdue steps by the database.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from editorial.pipelines.deadlines import overdue_task_states

MAX_ROWS = 10


class OverdueStepsPanel(Component):
    name = "overdue_steps"
    template_name = "editorial/pipelines/overdue_steps_panel.html"
    order = 60  # after "My desk", before Wagtail's moderation panels

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        mine = TaskState.objects.reviewable_by(self.request.user)
        states = list(
            overdue_task_states(queryset=mine)
            .filter(workflow_state__base_content_type=ContentType.objects.get_for_model(Page))
            .select_related("task", "workflow_state")[:MAX_ROWS]
        )
        pages = Page.objects.in_bulk([int(s.workflow_state.object_id) for s in states])
        rows = [
            {"state": state, "page": pages.get(int(state.workflow_state.object_id))}
            for state in states
        ]
        return {"rows": [row for row in rows if row["page"] is not None]}
