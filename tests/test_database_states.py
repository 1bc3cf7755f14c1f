"""The suite's two database states (tests/support/databases.py): a test never sees another
test's writes, in whatever order pytest-randomly runs them, transactional tests included."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from coverage.models import ArticlePage
from editorial.models import Organisation
from tests.factories import OrganisationFactory

# The demo's organisations (editorial/demo/organisations.py): the two parties, VGP and
# the Bloc's enterprises.
DEMO_ORGANISATIONS = 14
RENAMED = "Tên đã đổi trong một phép thử"


@pytest.mark.django_db
def test_the_empty_state_holds_only_what_migrations_made():
    assert not get_user_model().objects.exists()
    assert not Organisation.objects.exists()
    assert not ArticlePage.objects.exists()
    site = Site.objects.get()
    assert site.root_page.title.startswith("Welcome")
    assert Page.objects.count() == 2  # the tree's root and Wagtail's welcome page


@pytest.mark.django_db
def test_a_write_in_the_empty_state_is_rolled_back():
    OrganisationFactory(short_name="EVN")
    assert Organisation.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_in_the_empty_state_is_gone_for_the_next_test():
    OrganisationFactory(short_name="PVN")
    get_user_model().objects.create_user("committed")
    assert Organisation.objects.count() == 1


def test_the_demo_state_holds_the_demo(demo):
    assert Organisation.objects.count() == DEMO_ORGANISATIONS
    assert not Organisation.objects.filter(name=RENAMED).exists()
    assert Organisation.objects.filter(short_name="EVN").exists()
    assert ArticlePage.objects.live().count() >= 10
    assert get_user_model().objects.filter(username="tongbientap").exists()


def test_a_write_in_the_demo_state_is_rolled_back(demo):
    Organisation.objects.update(name=RENAMED)
    ArticlePage.objects.all().delete()
    assert not ArticlePage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_in_the_demo_state_is_gone_for_the_next_test(demo):
    Organisation.objects.filter(short_name="EVN").update(short_name="EVN-2", name=RENAMED)
    assert not Organisation.objects.filter(short_name="EVN").exists()
