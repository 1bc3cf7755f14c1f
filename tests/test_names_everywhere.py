"""Names family name first on Wagtail's own screens too (issue 22): Django's
``get_full_name()`` reads "Huấn Đoàn Minh" for Vietnamese accounts; every screen that
prints an account's name goes through it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.admin.utils import get_user_display_name

pytestmark = pytest.mark.django_db


def test_every_account_reads_family_name_first(demo):
    chief = get_user_model().objects.get(username="tongbientap")
    assert chief.get_full_name() == "Đoàn Minh Huấn"
    assert get_user_display_name(chief) == "Đoàn Minh Huấn"


def test_wagtails_user_list_prints_names_family_name_first(demo):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("quantri", password="x"))
    response = client.get("/admin/users/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Phạm Văn Dũng" in content
    assert "Dũng Phạm Văn" not in content
