"""Wagtail's admin API (``/admin/api/main/``), narrowed to what each person may see.

Wagtail's image and document endpoints list every row to anyone who can open the admin,
with its file URL; the photo desk, with no document permission, read every document's
title and link there. These endpoints ask the models' permission policies
(``editorial.media_permissions``), the same ones the listings and choosers ask.
"""

from __future__ import annotations

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry


class PermittedRowsMixin:
    actions = ("choose", "change")

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        allowed = policy.instances_user_has_any_permission_for(self.request.user, self.actions)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class PermittedImagesAdminAPIViewSet(PermittedRowsMixin, ImagesAdminAPIViewSet):
    pass


class PermittedDocumentsAdminAPIViewSet(PermittedRowsMixin, DocumentsAdminAPIViewSet):
    pass


def narrow_admin_api(router) -> None:
    """``construct_admin_api``, after Wagtail's own (order=100): replace its endpoints."""
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)
