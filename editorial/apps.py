from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The newsroom: programme, topics, plans, people, beats, assignments, pipelines, reports."""

    name = "editorial"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from editorial import formset_limits

        # Before any admin form class is built: every inline formset bounded.
        formset_limits.install()

        from editorial import signal_handlers

        connection_created.connect(
            signal_handlers.register_vietnamese_collation,
            dispatch_uid="editorial.register_vietnamese_collation",
        )

        # The signal the database worker sends (django-tasks' own, or Django 6's).
        from django_tasks_db.compat import task_finished

        task_finished.connect(
            signal_handlers.retry_task_after_transient_error,
            dispatch_uid="editorial.retry_task_after_transient_error",
        )
        # The mail tasks register themselves when their modules load (``@mail_task``);
        # loaded here so the undelivered-mail list knows them in every process.
        from importlib import import_module

        for module in (
            "editorial.desk.notifications",
            "editorial.pipelines.notifications",
            "editorial.pipelines.go_live",
        ):
            import_module(module)

        # Names family name first wherever Django or Wagtail print an account's full name.
        from django.contrib.auth import get_user_model

        from editorial.text import family_name_first

        get_user_model().get_full_name = family_name_first

        # Row-level rules for the desk: every admin view and desk view asks these.
        from wagtail.permissions import register_permission_policy

        from editorial.desk.permissions import (
            AssignmentPermissionPolicy,
            BeatLogEntryPermissionPolicy,
            ExchangeItemPermissionPolicy,
        )
        from editorial.models import Assignment, BeatLogEntry, ExchangeItem

        register_permission_policy(Assignment, AssignmentPermissionPolicy(Assignment))
        register_permission_policy(BeatLogEntry, BeatLogEntryPermissionPolicy(BeatLogEntry))
        register_permission_policy(ExchangeItem, ExchangeItemPermissionPolicy(ExchangeItem))

        # Photos and documents: nothing live content uses is deleted, working papers
        # stay with the desk (editorial.media_permissions).
        from editorial.media_permissions import register_media_policies

        register_media_policies()

        # Every stored document file gets an unguessable name (editorial.documents).
        from editorial.documents import name_files_unguessably

        name_files_unguessably()

        # Site history and its exports: desk records only for those who may see them.
        from editorial.audit import narrow_model_log_entries

        narrow_model_log_entries()

        # Every spreadsheet export (our listings, Wagtail's site history and workflow
        # reports) keeps formula-like text as text (editorial.spreadsheets).
        from editorial.spreadsheets import guard_wagtail_exports

        guard_wagtail_exports()
