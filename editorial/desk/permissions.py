"""Row-level rules for the newsroom desk, as Wagtail permission policies.

Model permissions (``editorial/roles.py``) say what a role may do to a kind of record;
these policies narrow that to the rows a person may touch:

- editors (who hold ``commission_assignment``) see and change every assignment;
- journalists see the assignments they write or look after, and change only their own
  proposals while still proposed;
- the photo desk (``view_photo_assignment``) sees, read-only, assignments that need photos;
- beat log entries: editors (``view_all_beatlogentry``) see all; journalists see entries
  on the beats they follow and change their own;
- exchange items: the same rule as the beat log (``view_all_exchangeitem``); the photo
  desk holds no exchange permission at all, so it sees none.

Registered for the models in ``EditorialConfig.ready()``, so every admin view, chooser
and the desk's own views ask the same policy.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from editorial.enums import AssignmentStatus, PhotoNeeds

COMMISSION = "editorial.commission_assignment"
VIEW_PHOTO = "editorial.view_photo_assignment"
VIEW_ALL_LOG = "editorial.view_all_beatlogentry"
VIEW_ALL_EXCHANGE = "editorial.view_all_exchangeitem"


def is_desk_editor(user) -> bool:
    """Editors and the editor-in-chief: they commission, reassign and cancel."""
    return bool(user.is_active and user.has_perm(COMMISSION))


class AssignmentPermissionPolicy(ModelPermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        manager = self.model._default_manager
        if not self.user_has_any_permission(user, actions):
            return manager.none()
        if is_desk_editor(user):
            return manager.all()
        rows = Q(assignee=user) | Q(staff_contact=user)
        if "view" in actions and user.has_perm(VIEW_PHOTO):
            rows |= ~Q(photo_needs=PhotoNeeds.NONE)
        return manager.filter(rows)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if is_desk_editor(user):
            return True
        if action == "view":
            return instance.is_responsible(user) or (
                user.has_perm(VIEW_PHOTO) and instance.photo_needs != PhotoNeeds.NONE
            )
        if action == "change":
            # A journalist may still reword their own proposal; after that it is the editor's.
            return (
                instance.is_responsible(user)
                and instance.article_id is None
                and instance.status == AssignmentStatus.PROPOSED
            )
        return False

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)


class BeatLogEntryPermissionPolicy(ModelPermissionPolicy):
    """Authors and the beat's followers; ``see_all`` sees and changes every row."""

    see_all = VIEW_ALL_LOG

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        from editorial.models import Beat

        manager = self.model._default_manager
        if not self.user_has_any_permission(user, actions):
            return manager.none()
        if user.has_perm(self.see_all):
            return manager.all()
        rows = Q(author=user)
        if "view" in actions:
            rows |= Q(beat__in=Beat.objects.followed_by(user))
        return manager.filter(rows)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        from editorial.models import Beat

        if not self.user_has_permission(user, action):
            return False
        if user.has_perm(self.see_all) or instance.author_id == user.pk:
            return True
        if action == "view":
            return Beat.objects.followed_by(user).filter(pk=instance.beat_id).exists()
        return False

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)


class ExchangeItemPermissionPolicy(BeatLogEntryPermissionPolicy):
    """Exchange items are filed on beats exactly as log entries are: the same rows."""

    see_all = VIEW_ALL_EXCHANGE


# --- Desk actions: who may move an assignment along --------------------------------------


def can_commission(user, assignment) -> bool:
    return is_desk_editor(user)


def can_cancel(user, assignment) -> bool:
    return is_desk_editor(user)


def can_answer(user, assignment) -> bool:
    """Accept or decline: the writer (or the external author's contact), or an editor."""
    return is_desk_editor(user) or assignment.is_responsible(user)


def can_start_draft(user, assignment) -> bool:
    return is_desk_editor(user) or assignment.is_responsible(user)


def can_log_on(user, beat, see_all: str = VIEW_ALL_LOG) -> bool:
    """Journalists log (and file exchange items) on beats they follow; editors on any."""
    from editorial.models import Beat

    if user.has_perm(see_all):
        return True
    return Beat.objects.followed_by(user).filter(pk=beat.pk).exists()
