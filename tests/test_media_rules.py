"""Photos and documents (issue 14): working papers reach only the desk that may see them,
by download, listing or the admin API; what live content uses cannot be deleted; delete
is given as the role table gives it."""

import json

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from editorial.models import BeatLogAttachment
from tests.factories import BeatAssignmentFactory, BeatFactory, BeatLogEntryFactory
from tests.support.pipelines import user

pytestmark = pytest.mark.django_db

SECRET = b"Bien ban giao ban MAT: noi dung chi danh cho ban bien tap."


def document(title="Biên bản giao ban MẬT", content=SECRET):
    doc = get_document_model()(title=title)
    doc.file.save("bien-ban-mat.txt", ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.fixture
def attachment(demo):
    """A confidential note filed on a beat that phongvien follows and phongvien2 does not."""
    beat = BeatFactory(name="Địa bàn thử nghiệm")
    BeatAssignmentFactory(beat=beat, person=user("phongvien"))
    entry = BeatLogEntryFactory(beat=beat, author=user("phongvien"))
    doc = document()
    BeatLogAttachment.objects.create(entry=entry, document=doc)
    return doc


def signed_in(username) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def download(client, doc):
    return client.get(doc.url)


def test_a_confidential_attachment_never_downloads_without_a_login(attachment):
    response = download(Client(), attachment)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    assert SECRET not in response.content


def test_only_people_who_may_see_the_entry_download_its_attachment(attachment):
    assert download(signed_in("phongvien2"), attachment).status_code == 404
    assert download(signed_in("bananh"), attachment).status_code == 404

    for username in ("phongvien", "bientap"):
        response = download(signed_in(username), attachment)
        assert response.status_code == 200, username
        assert response.content == SECRET
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Robots-Tag"].startswith("noindex")
        assert "no-store" in response["Cache-Control"]


def test_a_document_address_cannot_be_guessed_from_its_key_and_name(attachment):
    """The stored name carries a random token: the key and the uploaded name, all a
    colleague could guess, are not the address (Wagtail answers 404 to a wrong name)."""
    assert attachment.filename.startswith("bien-ban-mat.")
    assert attachment.filename.endswith(".txt")
    token = attachment.filename.removeprefix("bien-ban-mat.").removesuffix(".txt")
    assert len(token) >= 16
    guessed = f"/documents/{attachment.pk}/bien-ban-mat.txt"
    for client in (Client(), signed_in("phongvien")):
        assert client.get(guessed).status_code == 404
    assert download(signed_in("phongvien"), attachment).content == SECRET
    # Two uploads of one name get two addresses; saving a document again keeps its own.
    other = document()
    assert other.filename != attachment.filename
    name = attachment.file.name
    attachment.title = "Biên bản giao ban (sửa)"
    attachment.save()
    attachment.refresh_from_db()
    assert attachment.file.name == name


def test_a_long_document_name_keeps_its_token(demo):
    doc = document()
    long = get_document_model()(title="Dài")
    long.file.save("b" * 150 + ".pdf", ContentFile(b"%PDF-1.4"), save=False)
    long.save()
    assert len(long.file.name) <= 100
    stem, token, extension = long.filename.rsplit(".", 2)
    assert (stem, len(token), extension) == ("b" * 50, 16, "pdf")
    assert doc.filename != long.filename


def test_a_document_that_live_content_uses_is_public(demo):
    from coverage.models import ArticlePage

    doc = document("Nghị quyết công khai", b"Noi dung cong khai.")
    article = ArticlePage.objects.live().first()
    ReferenceIndex.objects.create(
        base_content_type=ReferenceIndex._get_base_content_type(article),
        content_type=ReferenceIndex._get_base_content_type(article),
        object_id=str(article.pk),
        to_content_type=ReferenceIndex._get_base_content_type(doc),
        to_object_id=str(doc.pk),
        model_path="body",
        content_path="body.0",
        content_path_hash=ReferenceIndex._get_content_path_hash("body.0"),
    )
    assert download(Client(), doc).status_code == 200
    unused = document("Dự thảo chưa dùng", b"Du thao.")
    assert download(Client(), unused).status_code == 302


def test_document_listings_and_the_admin_api_hide_what_a_person_may_not_see(attachment):
    api = reverse("wagtailadmin_api:documents:listing")
    titles = lambda client: [row["title"] for row in json.loads(client.get(api).content)["items"]]  # noqa: E731
    assert attachment.title not in titles(signed_in("phongvien2"))
    assert titles(signed_in("bananh")) == []  # the photo desk has no document permission
    assert attachment.title in titles(signed_in("bientap"))

    listing = signed_in("phongvien2").get(reverse("wagtaildocs:index"))
    assert attachment.title not in listing.content.decode()
    detail = reverse("wagtailadmin_api:documents:detail", args=[attachment.pk])
    assert signed_in("phongvien2").get(detail).status_code == 404


def test_the_admin_api_lists_images_only_to_people_who_may_choose_them(demo):
    api = reverse("wagtailadmin_api:images:listing")
    rows = json.loads(signed_in("bientap").get(api).content)["items"]
    assert rows  # editors choose photos for articles


def test_nobody_deletes_a_photo_a_live_article_uses(demo):
    from coverage.models import ArticlePage

    article = ArticlePage.objects.live().exclude(hero_image=None).first()
    hero = article.hero_image
    for username in ("bientap", "tongbientap", "bananh"):
        url = reverse("wagtailimages:delete", args=[hero.pk])
        response = signed_in(username).post(url)
        assert response.status_code in (302, 403), username
        assert get_image_model().objects.filter(pk=hero.pk).exists(), username


def test_editors_do_not_delete_photos_the_role_table_keeps_from_them(demo):
    unused = get_image_model().objects.create(
        title="Ảnh chưa dùng", file=get_image_model().objects.first().file,
        uploaded_by_user=user("bananh"),
    )  # fmt: skip
    url = reverse("wagtailimages:delete", args=[unused.pk])
    signed_in("bientap").post(url)
    assert get_image_model().objects.filter(pk=unused.pk).exists()
    signed_in("bananh").post(url)  # the photo desk holds delete_image
    assert not get_image_model().objects.filter(pk=unused.pk).exists()


def test_a_photo_only_a_restricted_live_article_uses_is_kept_on_every_path(demo):
    """The listing's subquery and the one-by-one delete give the same answer: a live page
    behind a password still shows the photo to those who have the password."""
    from wagtail.models import PageViewRestriction
    from wagtail.permissions import policy_registry

    from coverage.models import ArticlePage

    article = ArticlePage.objects.live().exclude(hero_image=None).first()
    hero = article.hero_image
    others = ArticlePage.objects.exclude(pk=article.pk).filter(hero_image=hero)
    others.update(hero_image=None)  # the restricted article is its only user
    for other in ArticlePage.objects.exclude(pk=article.pk):
        ReferenceIndex.create_or_update_for_object(other)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mật-khẩu"
    )
    chief = user("tongbientap")
    policy = policy_registry.get_by_type(get_image_model())
    assert not policy.user_has_permission_for_instance(chief, "delete", hero)
    assert hero not in policy.instances_user_has_permission_for(chief, "delete")
    signed_in("tongbientap").post(reverse("wagtailimages:delete", args=[hero.pk]))
    assert get_image_model().objects.filter(pk=hero.pk).exists()
