"""Wagtail's own words, as our catalogue renders them (editorial.admin_terms)."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_admin_breadcrumbs_say_trang_chu(demo, client):
    from tests.support.pipelines import user

    client.force_login(user("bientap"))
    content = client.get(reverse("desk_assignment:index")).content.decode()
    assert "Trang chủ" in content
    assert "Trang Chủ" not in content
