"""The permission matrix for the programme's records (editorial/roles.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from editorial.roles import PROGRAMME_MODELS

ACTIONS = ("add", "change", "delete", "view")
# username → the actions that role has on every programme record
EXPECTED = {
    "tongbientap": {"add", "change", "delete", "view"},
    "photongbientap": {"add", "change", "delete", "view"},
    "bientap": {"add", "change", "view"},
    "phongvien": {"view"},
    "bananh": {"view"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("username", list(EXPECTED))
def test_programme_rights_per_role(demo, username):
    user = get_user_model().objects.get(username=username)
    for model in PROGRAMME_MODELS:
        granted = {a for a in ACTIONS if user.has_perm(f"editorial.{a}_{model}")}
        assert granted == EXPECTED[username], model
