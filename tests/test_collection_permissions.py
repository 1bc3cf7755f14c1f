"""Deleting a photo or a document needs the delete permission (editorial/roles.py), not
the change permission editors hold to fix credits (editorial.media_permissions)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from tests.factories import CreditedImageFactory

pytestmark = pytest.mark.django_db


def a_document(uploaded_by=None):
    document = get_document_model()(title="Văn bản chương trình", uploaded_by_user=uploaded_by)
    document.file.save("van-ban.txt", ContentFile(b"Chuong trinh"), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("role", "deletes"),
    [("chief", True), ("photo", True), ("editor", False), ("journalist", False)],
)
def test_who_deletes_a_photo(desk, as_user, role, deletes):
    image = CreditedImageFactory()
    client = as_user(getattr(desk, role))
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert get_image_model().objects.filter(pk=image.pk).exists() is not deletes


def test_an_editor_still_fixes_a_credit_but_is_not_offered_the_delete(desk, as_user):
    image = CreditedImageFactory(photographer="")
    policy = policy_registry.get_by_type(get_image_model())
    assert policy.user_has_permission_for_instance(desk.editor, "change", image)
    assert not policy.user_has_permission_for_instance(desk.editor, "delete", image)
    assert image not in policy.instances_user_has_any_permission_for(desk.editor, ["delete"])
    assert image in policy.instances_user_has_any_permission_for(desk.editor, ["change"])
    assert desk.editor not in policy.users_with_any_permission_for_instance(["delete"], image)
    assert desk.photo in policy.users_with_any_permission_for_instance(["delete"], image)
    response = as_user(desk.editor).get(reverse("wagtailimages:delete", args=[image.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_whoever_uploads_may_delete_their_own(desk, as_user):
    mine = CreditedImageFactory(uploaded_by_user=desk.journalist)
    theirs = CreditedImageFactory(uploaded_by_user=desk.journalist2)
    client = as_user(desk.journalist)
    client.post(reverse("wagtailimages:delete", args=[theirs.pk]))
    client.post(reverse("wagtailimages:delete", args=[mine.pk]))
    assert list(get_image_model().objects.values_list("pk", flat=True)) == [theirs.pk]


@pytest.mark.parametrize(
    ("role", "deletes"),
    [("chief", True), ("editor", False), ("journalist", True), ("journalist2", False)],
)
def test_who_deletes_a_document(desk, as_user, role, deletes):
    document = a_document(uploaded_by=desk.journalist)
    as_user(getattr(desk, role)).post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert get_document_model().objects.filter(pk=document.pk).exists() is not deletes
