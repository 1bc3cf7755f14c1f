"""The demo command: idempotent, refused in production, roles with the intended rights."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Site

from coverage.models import HomePage
from editorial.enums import Role


def _snapshot():
    return {
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "pages": Page.objects.count(),
        "page_perms": GroupPagePermission.objects.count(),
        "memberships": get_user_model().groups.through.objects.count(),
    }


@pytest.mark.django_db
def test_running_twice_changes_nothing(demo):
    before = _snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert _snapshot() == before


@pytest.mark.django_db
def test_site_root_is_the_home_page(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome").exists()


@pytest.mark.django_db
@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_refused_under_production_settings():
    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_each_role_has_its_demo_user(demo):
    for username, role in [
        ("tongbientap", Role.EDITOR_IN_CHIEF),
        ("bientap", Role.EDITOR),
        ("phongvien", Role.JOURNALIST),
        ("bananh", Role.PHOTO_DESK),
    ]:
        user = get_user_model().objects.get(username=username)
        groups = set(user.groups.values_list("name", flat=True))
        # The editorial board is a duty, not a job: the editor-in-chief sits on it.
        assert groups - {Role.EDITORIAL_BOARD.label} == {role.label}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "can_publish", "can_edit_any", "can_add"),
    [
        ("tongbientap", True, True, True),
        ("bientap", False, True, True),
        ("phongvien", False, False, True),
        ("bananh", False, False, False),
    ],
)
def test_page_rights_per_role(demo, username, can_publish, can_edit_any, can_add):
    user = get_user_model().objects.get(username=username)
    home = HomePage.objects.get()
    perms = home.permissions_for_user(user)
    assert perms.can_publish() is can_publish
    assert perms.can_edit() is can_edit_any
    assert ("add" in perms.permissions) is can_add


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "can_change_images"),
    [("bananh", True), ("bientap", True), ("phongvien", False)],
)
def test_image_rights_per_role(demo, username, can_change_images):
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())
    user = get_user_model().objects.get(username=username)
    someone_elses = get_image_model().objects.create(
        title="Lễ ký kết", file=get_test_image_file(), source_agency="VGP"
    )
    assert permission_policy.user_has_permission(user, "add")
    # Journalists may fix their own uploads only; the photo desk and editors any photo.
    assert (
        permission_policy.user_has_permission_for_instance(user, "change", someone_elses)
        is can_change_images
    )


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["tongbientap", "bientap", "phongvien", "bananh"])
def test_every_role_reaches_the_admin(demo, login, username):
    response = login(username).get("/admin/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_admin_login_page_is_vietnamese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()
