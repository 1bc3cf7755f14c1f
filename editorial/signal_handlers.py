"""Signal receivers for the newsroom app; connected in ``EditorialConfig.ready()``."""

import logging

from editorial.text import VI_COLLATION, compare

logger = logging.getLogger(__name__)


def register_vietnamese_collation(sender, connection, **kwargs) -> None:
    """Teach SQLite the "vi-x-icu" collation PostgreSQL has from ICU, so queries match."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VI_COLLATION, compare)


def retry_task_after_transient_error(sender, task_result, **kwargs) -> None:
    """A database worker's task that failed on a transient error (a locked database; for
    a mail, the mail server out of reach) runs again later (``editorial.task_retries``).
    Other backends run tasks in the request (the immediate backend) and cannot."""
    from django_tasks_db.backend import DatabaseBackend

    from editorial.task_retries import retry_later

    if not (isinstance(sender, type) and issubclass(sender, DatabaseBackend)):
        return
    try:
        retry_later(task_result)
    except Exception:
        # The worker sends this signal from its own error handling: raising here would
        # stop the worker, not just this task.
        logger.exception("Could not queue task id=%s again", task_result.id)
