"""Photos and documents: deleting one needs the delete permission.

Wagtail's policy for collection objects (``CollectionOwnershipPermissionPolicy``) treats
"delete" as "change", so the change permission editors hold to fix a photo's credit let
them delete the photo too, and the delete permissions of ``editorial/roles.py`` (the photo
desk's and the editor-in-chief's) meant nothing. This policy keeps Wagtail's rules for
every other action, and for "delete" asks for the delete permission on the object's
collection, or the upload being the user's own (Wagtail's owner rule: who may add may
remove what they added).

Registered for the image and document models in ``EditorialConfig.ready()`` with
``exact_class=True``, so it wins over the policy Wagtail's apps register after ours; every
admin view, bulk action and chooser asks the registry.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

DELETE = "delete"


class DeleteNeedsPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def _owns(self, user, instance) -> bool:
        return getattr(instance, f"{self.owner_field_name}_id") == user.pk

    def _may_delete(self, user, instance) -> bool:
        collection = instance.collection
        return self._check_perm(user, [DELETE], collection=collection) or (
            self._owns(user, instance) and self._check_perm(user, ["add"], collection=collection)
        )

    def _deletable(self, user) -> Q:
        return Q(collection__in=self._collections_with_perm(user, [DELETE])) | (
            Q(collection__in=self._collections_with_perm(user, ["add"]))
            & Q(**{self.owner_field_name: user})
        )

    def user_has_permission(self, user, action):
        if action == DELETE:
            # "add" means they may have uploads of their own to delete.
            return self._check_perm(user, ["add", DELETE])
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = set(actions) - {DELETE}
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        return DELETE in actions and self._may_delete(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        others = set(actions) - {DELETE}
        manager = self.model._default_manager
        found = super().instances_user_has_any_permission_for(user, others) if others else None
        if DELETE not in actions:
            return found
        if user.is_active and user.is_superuser:
            return manager.all()
        if not user.is_authenticated:
            return found if found is not None else manager.none()
        deletable = self._deletable(user)
        if found is not None:
            deletable |= Q(pk__in=found.values("pk"))
        return manager.filter(deletable)

    def users_with_any_permission(self, actions):
        others = set(actions) - {DELETE}
        users = super().users_with_any_permission(others) if others else None
        if DELETE not in actions:
            return users
        deleters = self._users_with_perm([DELETE, "add"])
        if users is None:
            return deleters
        return get_user_model().objects.filter(Q(pk__in=users) | Q(pk__in=deleters))

    def users_with_any_permission_for_instance(self, actions, instance):
        others = set(actions) - {DELETE}
        users = super().users_with_any_permission_for_instance(others, instance) if others else None
        if DELETE not in actions:
            return users
        deleters = Q(pk__in=self._users_with_perm([DELETE], collection=instance.collection))
        owner = getattr(instance, self.owner_field_name)
        if owner is not None and self._check_perm(owner, ["add"], collection=instance.collection):
            deleters |= Q(pk=owner.pk)
        if users is not None:
            deleters |= Q(pk__in=users)
        return get_user_model().objects.filter(deleters).distinct()


def register() -> None:
    """Install the policy for Wagtail's image and document models (see the docstring)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = DeleteNeedsPermissionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
