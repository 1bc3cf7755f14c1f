"""The admin API's document and image endpoints (``/admin/api/main/documents/``,
``…/images/``) answer only what the user may choose.

Wagtail's admin API serves every document and image outside private collections to
anyone with admin access, whatever their permissions: the photo desk, which holds no
document permission (``editorial/roles.py``), could read every document's title and
download address there. Here each endpoint lists, opens and finds only what the model's
permission policy lets the user choose, as the choosers do.
"""

from __future__ import annotations

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry


class ChoosableOnlyMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_any_permission_for(self.request.user, ["choose"])
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableDocumentsAPIViewSet(ChoosableOnlyMixin, DocumentsAdminAPIViewSet):
    pass


class ChoosableImagesAPIViewSet(ChoosableOnlyMixin, ImagesAdminAPIViewSet):
    pass


def replace_endpoints(router) -> None:
    """``construct_admin_api``, run after Wagtail's own hooks have registered theirs."""
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
