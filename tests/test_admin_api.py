"""The admin API's documents and images: only what the user may choose (editorial.admin_api)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.factories import CreditedImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(desk):
    document = get_document_model()(title="Văn bản chương trình", uploaded_by_user=desk.journalist)
    document.file.save("van-ban.txt", ContentFile(b"Chuong trinh"), save=False)
    document.save()
    return document


def api(name, *args):
    return reverse(f"wagtailadmin_api:{name}", args=args)


@pytest.mark.parametrize(
    ("role", "sees"), [("editor", True), ("journalist", True), ("photo", False)]
)
def test_documents_are_served_to_those_who_may_choose_them(desk, as_user, document, role, sees):
    client = as_user(getattr(desk, role))
    listing = client.get(api("documents:listing")).json()
    assert [item["id"] for item in listing["items"]] == ([document.pk] if sees else [])
    assert client.get(api("documents:detail", document.pk)).status_code == (200 if sees else 404)
    found = client.get(api("documents:find") + f"?id={document.pk}")
    assert found.status_code == (302 if sees else 404)


def test_every_role_still_gets_the_photos(desk, as_user):
    image = CreditedImageFactory()
    for role in ("chief", "editor", "journalist", "photo"):
        response = as_user(getattr(desk, role)).get(api("images:detail", image.pk))
        assert response.status_code == 200, role
