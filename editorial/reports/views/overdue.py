"""Overdue (trễ hạn): assignments past their due date and review steps past their time
allowance, listed, and counted per person and reviewing group."""

from __future__ import annotations

from typing import ClassVar

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.reports import links
from editorial.reports.charts import Chart, Series
from editorial.reports.filters import OverdueFilterSet
from editorial.reports.queries import overdue
from editorial.reports.tables import (
    DATE,
    DATETIME,
    DURATION,
    NUMBER,
    Column,
    LazyRows,
    ReportTable,
    Row,
)
from editorial.reports.views.base import ProgrammeReportView


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


class OverdueReportView(ProgrammeReportView):
    page_title = gettext_lazy("Overdue")
    header_icon = "warning"
    export_name = "tre-han"
    url_name = "report_overdue:index"
    filterset_class = OverdueFilterSet
    breakdowns: ClassVar[dict] = {
        "person": gettext_lazy("By person"),
        "assignments": gettext_lazy("Assignments"),
        "steps": gettext_lazy("Review steps"),
    }

    @cached_property
    def now(self):
        return timezone.now()

    def table_assignments(self) -> ReportTable:
        today = self.today

        def to_row(assignment) -> Row:
            return Row(
                {
                    "label": assignment.headline,
                    "stage": assignment.get_stage_display(),
                    "writer": assignment.writer_display,
                    "editor": _person(assignment.editor),
                    "topic": assignment.topic.name,
                    "due_date": assignment.due_date,
                    "days_late": (today - assignment.due_date).days,
                },
                {"label": links.assignment(assignment.pk)},
                classname="overdue",
            )

        return ReportTable(
            caption=_("Assignments past their due date"),
            columns=[
                Column("label", _("Assignment"), is_label=True),
                Column("stage", _("Stage")),
                Column("writer", _("Writer")),
                Column("editor", _("Commissioning editor")),
                Column("topic", _("Topic")),
                Column("due_date", _("Due"), DATE),
                Column("days_late", _("Days late"), NUMBER),
            ],
            rows=LazyRows(
                overdue.overdue_assignments(self.params).order_by("due_date", "pk"), to_row
            ),
            note=_(
                "Open assignments (not published, scheduled, declined or cancelled) due before today."
            ),
        )

    def table_steps(self) -> ReportTable:
        now = self.now
        groups: dict[int, list[str]] = {}

        def prepare(steps) -> None:
            groups.update(overdue.step_groups(step.task_id for step in steps))

        def to_row(step) -> Row:
            named = getattr(step, "namedreviewertaskstate", None)
            reviewer = _person(named.reviewer) if named is not None and named.reviewer else ""
            return Row(
                {
                    "label": step.page_title or "",
                    "step": step.task.name,
                    "pipeline": step.workflow_state.workflow.name,
                    "reviewer": reviewer or ", ".join(groups.get(step.task_id, [])),
                    "started_at": step.started_at,
                    "due_at": step.due_at,
                    "late": now - step.due_at,
                },
                {"label": links.page_edit(step.page_id)},
                classname="overdue",
            )

        return ReportTable(
            caption=_("Review steps past their time allowance"),
            columns=[
                Column("label", _("Article"), is_label=True),
                Column("step", _("Step")),
                Column("pipeline", _("Pipeline")),
                Column("reviewer", _("Reviewer")),
                Column("started_at", _("Started"), DATETIME),
                Column("due_at", _("Was due"), DATETIME),
                Column("late", _("Late by"), DURATION),
            ],
            rows=LazyRows(overdue.overdue_steps(self.params, self.hubs, now), to_row, prepare),
            note=_(
                "Steps in progress longer than the time their pipeline allows; the reviewer "
                "is the named editor, or the groups that review the step."
            ),
        )

    def table_person(self) -> ReportTable:
        topic = self.params.topic_id
        rows = []
        for entry in overdue.by_person(self.params, self.hubs, self.now):
            user, group = entry["user"], entry["group"]
            if user is not None:
                label = _person(user)
                row_links = {
                    "assignments": links.assignments(person=user.pk, overdue="true", topic=topic),
                    "steps": links.report(
                        "report_overdue:index", by="steps", person=user.pk, topic=topic
                    ),
                }
            else:
                label = _("%(group)s (group)") % {"group": group.name}
                row_links = {
                    "steps": links.report(
                        "report_overdue:index", by="steps", group=group.pk, topic=topic
                    )
                }
            rows.append(
                Row(
                    {
                        "label": label,
                        "assignments": entry["assignments"],
                        "steps": entry["steps"],
                        "total": entry["assignments"] + entry["steps"],
                    },
                    row_links,
                )
            )
        chart = Chart(
            title=_("Overdue work per person"),
            description=_(
                "Horizontal bars for each person or reviewing group: overdue assignments and "
                "overdue review steps. The numbers are in the table below."
            ),
            categories=[row.values["label"] for row in rows],
            series=[
                Series(_("Assignments"), [row.values["assignments"] for row in rows]),
                Series(_("Review steps"), [row.values["steps"] for row in rows]),
            ],
        )
        return ReportTable(
            caption=_("Overdue work per person"),
            columns=[
                Column("label", _("Person or group"), is_label=True),
                Column("assignments", _("Overdue assignments"), NUMBER),
                Column("steps", _("Overdue review steps"), NUMBER),
                Column("total", _("Total"), NUMBER),
            ],
            rows=rows,
            chart=chart if rows else None,
            note=_(
                "Assignments count for the journalist writing them (or the staff contact of an "
                "external author); review steps for the named reviewer, or for each group "
                "reviewing a group step."
            ),
        )
