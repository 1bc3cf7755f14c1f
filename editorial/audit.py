"""Wagtail's audit log, narrowed to the rows each person may see.

Wagtail shows a log entry (site history, its filters and its CSV/XLSX export) to anyone
holding any permission on the entry's model, and an entry carries the row's label: an
assignment's headline, the first line of a beat-log entry. The desk's policies
(``editorial.desk.permissions``) let a journalist see only some assignments and entries, so
site history showed them the rest by their headlines, proposals included.

Every reader of the log asks ``ModelLogEntry.objects.viewable_by_user(user)``, so the
rule is applied there, once, at start-up: entries about desk records drop out unless
the record's own policy lets the user view it.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.permissions import policy_registry


def desk_models() -> list:
    """Models whose permission policy narrows rows (editorial.desk.permissions)."""
    from editorial.models import Assignment, BeatLogEntry, ExchangeItem

    return [Assignment, BeatLogEntry, ExchangeItem]


def hide_unseen_rows(entries, user):
    """``entries`` without those about desk records ``user`` may not view."""
    if user.is_superuser:
        return entries
    for model in desk_models():
        visible = (
            policy_registry.get_by_type(model)
            .instances_user_has_permission_for(user, "view")
            .annotate(key=Cast("pk", output_field=CharField()))
            .values("key")
        )
        content_type = ContentType.objects.get_for_model(model)
        hidden = ModelLogEntry.objects.filter(content_type=content_type).exclude(
            object_id__in=visible
        )
        entries = entries.exclude(pk__in=hidden.values("pk"))
    return entries


def narrow_model_log_entries() -> None:
    """Wrap Wagtail's ``viewable_by_user`` once (called from ``EditorialConfig.ready``)."""
    original = ModelLogEntryManager.viewable_by_user
    if getattr(original, "narrowed_by_editorial", False):
        return

    def viewable_by_user(self, user):
        return hide_unseen_rows(original(self, user), user)

    viewable_by_user.narrowed_by_editorial = True
    ModelLogEntryManager.viewable_by_user = viewable_by_user
