from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipelinesConfig(AppConfig):
    """Wires the pipelines into Wagtail's signals. Listed after ``wagtail.admin`` in
    INSTALLED_APPS: it must run after Wagtail connects its moderation mail receivers,
    to replace them (see ``editorial.pipelines.notifications``). It has no models."""

    name = "editorial.pipelines"
    label = "editorial_pipelines"
    verbose_name = _("Publication pipelines")

    def ready(self) -> None:
        from django.core.checks import Tags, register
        from django.db.models.signals import post_save
        from wagtail.models import Revision, TaskState, WorkflowState
        from wagtail.signals import (
            task_submitted,
            workflow_approved,
            workflow_rejected,
            workflow_submitted,
        )

        from editorial.pipelines import notifications, routing, schedule_edits

        # Wagtail's receivers (wagtail/admin/signal_handlers.py), replaced by ours.
        task_submitted.disconnect(
            sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
        )
        for signal, uid in (
            (workflow_submitted, "workflow_state_submitted_email_notification"),
            (workflow_rejected, "workflow_state_rejected_email_notification"),
            (workflow_approved, "workflow_state_approved_email_notification"),
        ):
            signal.disconnect(sender=WorkflowState, dispatch_uid=uid)

        # Any task state class: named-reviewer steps send with their own subclass.
        task_submitted.connect(
            notifications.on_task_submitted, dispatch_uid="pipelines.task_submitted"
        )
        workflow_approved.connect(
            notifications.on_workflow_approved,
            sender=WorkflowState,
            dispatch_uid="pipelines.workflow_approved",
        )
        workflow_rejected.connect(
            notifications.on_workflow_rejected,
            sender=WorkflowState,
            dispatch_uid="pipelines.workflow_rejected",
        )

        register(routing.check_hub_pipelines, Tags.database)

        # Saving only the schedule keeps the approvals (editorial.pipelines.schedule_edits).
        post_save.connect(
            schedule_edits.revision_saved, sender=Revision, dispatch_uid="pipelines.schedule"
        )
