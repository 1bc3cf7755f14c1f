"""Row-level rules for photos and documents, as the Wagtail permission policies of the
image and document models: every admin listing, chooser, edit and delete view, bulk
action and our admin API endpoints ask these (``policy_registry``).

- Delete is its own permission, as the role table gives it (``delete_image`` for the
  editor-in-chief and the photo desk; Wagtail would let anyone who may change an image
  delete it), or the uploader's own upload. And nothing that live content uses can be
  deleted, whoever asks: a reader would meet a broken article. Replace the photo or
  document in the article first.
- A beat-log attachment (the desk's working papers) is visible only to people who may
  see one of the log entries it is filed with (``editorial.desk.permissions``), in every
  document listing and chooser, on top of Wagtail's collection permissions.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from editorial.desk.articles import held_back_articles


def used_by_live_content(obj) -> bool:
    """Does a live page that anyone may read reference ``obj`` (Wagtail's reference index:
    heroes, body blocks, rich-text links)? What makes a document public to readers; the
    delete rule asks ``kept_by_live_content`` instead, where restricted pages count too."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    page_ids = [int(pk) for pk in ids if str(pk).isdigit()]
    public = Page.objects.live().public().exclude(pk__in=held_back_articles().values("pk"))
    return bool(page_ids) and public.filter(pk__in=page_ids).exists()


def keys_used_by_live_content(model):
    """A subquery of the ``model`` keys (as text) that live pages reference. Live pages
    behind a view restriction count too: deleting what they show breaks them as well.
    One subquery, no query of its own, so listings and the dashboard's counts stay flat."""
    live_pages = (
        Page.objects.filter(live=True).annotate(key=Cast("pk", output_field=CharField()))
    ).values("key")
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=live_pages,
    ).values("to_object_id")


def kept_by_live_content(obj) -> bool:
    """Does any live page, restricted ones included, use ``obj``? The delete rule for one
    object, asked of the same subquery the listings exclude, so that a photo a listing
    withholds from bulk delete cannot be deleted one by one either."""
    return keys_used_by_live_content(type(obj)).filter(to_object_id=str(obj.pk)).exists()


class KeepsLiveContentWhole(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection rules, with delete as described in the module docstring.
    (Wagtail's ``user_has_permission_for_instance`` asks this method.)"""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = [action for action in actions if action != "delete"]
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        return "delete" in actions and self.may_delete(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        others = [action for action in actions if action != "delete"]
        rows = (
            super().instances_user_has_any_permission_for(user, others)
            if others
            else self.model.objects.none()
        )
        return rows | self.deletable(user) if "delete" in actions else rows

    def deletable(self, user):
        """What ``user`` may delete, as a queryset (bulk delete, listings' menus)."""
        if not (user.is_active and user.is_authenticated):
            return self.model.objects.none()
        rows = self.model.objects.all()
        if not user.is_superuser:
            own = Q(**{self.owner_field_name: user}) & Q(
                collection__in=self._collections_with_perm(user, ["add"])
            )
            rows = rows.filter(
                Q(collection__in=self._collections_with_perm(user, ["delete"])) | own
            )
        # Compared as keys, not as a text cast of ``pk``: the admin's search backend
        # can filter search results on ``id`` only (an annotation made it a 500).
        used = keys_used_by_live_content(self.model).annotate(
            used_pk=Cast("to_object_id", output_field=IntegerField())
        )
        return rows.exclude(pk__in=used.values("used_pk"))

    def users_with_any_permission_for_instance(self, actions, instance):
        others = [action for action in actions if action != "delete"]
        users = (
            super().users_with_any_permission_for_instance(others, instance)
            if others
            else get_user_model().objects.none()
        )
        if "delete" in actions and not kept_by_live_content(instance):
            users = users | self._users_with_perm(["delete"], collection=instance.collection)
            owner_id = getattr(instance, f"{self.owner_field_name}_id", None)
            if owner_id:
                adders = self._users_with_perm(["add"], collection=instance.collection)
                users = users | adders.filter(pk=owner_id)
        return users.distinct()

    def may_delete(self, user, instance) -> bool:
        if kept_by_live_content(instance):
            return False
        if getattr(instance, self.owner_field_name) == user:
            return self._check_perm(user, ["add"], collection=instance.collection)
        return self._check_perm(user, ["delete"], collection=instance.collection)


class ImagePolicy(KeepsLiveContentWhole):
    pass


def hidden_attachments(user):
    """Ids of documents filed with beat-log entries ``user`` may not see."""
    from wagtail.permissions import policy_registry

    from editorial.models import BeatLogAttachment, BeatLogEntry

    visible = policy_registry.get_by_type(BeatLogEntry).instances_user_has_permission_for(
        user, "view"
    )
    seen = BeatLogAttachment.objects.filter(entry__in=visible).values("document_id")
    return BeatLogAttachment.objects.exclude(document_id__in=seen).values("document_id")


class DocumentPolicy(KeepsLiveContentWhole):
    def instances_user_has_any_permission_for(self, user, actions):
        rows = super().instances_user_has_any_permission_for(user, actions)
        return rows.exclude(pk__in=hidden_attachments(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if instance.pk and hidden_attachments(user).filter(document_id=instance.pk).exists():
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_media_policies() -> None:
    """Called from ``EditorialConfig.ready()``; exact-class registrations win over the
    ones Wagtail's own apps make for the same models."""
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    register_permission_policy(
        get_image_model(),
        ImagePolicy(get_image_model(), auth_model="wagtailimages.Image",
                    owner_field_name="uploaded_by_user"),
        exact_class=True,
    )  # fmt: skip
    register_permission_policy(
        get_document_model(),
        DocumentPolicy(get_document_model_string(), auth_model="wagtaildocs.Document",
                       owner_field_name="uploaded_by_user"),
        exact_class=True,
    )  # fmt: skip
