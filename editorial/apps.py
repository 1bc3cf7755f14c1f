from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The newsroom: programme, topics, plans, people, beats, assignments, pipelines, reports."""

    name = "editorial"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from editorial import signal_handlers

        connection_created.connect(
            signal_handlers.register_vietnamese_collation,
            dispatch_uid="editorial.register_vietnamese_collation",
        )

        # Row-level rules for the desk: every admin view and desk view asks these.
        from wagtail.permissions import register_permission_policy

        from editorial.models import Assignment, BeatLogEntry
        from editorial.permissions import AssignmentPermissionPolicy, BeatLogEntryPermissionPolicy

        register_permission_policy(Assignment, AssignmentPermissionPolicy(Assignment))
        register_permission_policy(BeatLogEntry, BeatLogEntryPermissionPolicy(BeatLogEntry))

        # Photos and documents: "delete" needs the delete permission (Wagtail's own
        # policy treats it as "change", which editors hold to fix credits).
        from editorial import collection_permissions

        collection_permissions.register()
