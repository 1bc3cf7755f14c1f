"""Vietnamese order from the columns themselves (``db_collation``), on both databases.

Organisation names and people's names carry the "vi-x-icu" collation (ICU on
PostgreSQL, ``editorial.text.compare`` registered on SQLite connections), so a plain
``order_by("name")``, the models' ``Meta.ordering`` and modelcluster's in-memory
relations all work without expressions in ``Meta`` (and without patching modelcluster).
"""

from __future__ import annotations

import pytest

from editorial.models import Author, Organisation
from editorial.text import sort_key
from tests.factories.coverage import make_article, publish, site_tree
from tests.factories.editorial import AuthorFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

NAMES = ["Điện lực", "Dầu khí", "Ân Thi", "An Bình", "Bảo Việt", "Ăn uống", "Zeta"]


def test_organisations_list_in_vietnamese_order_by_default():
    for index, name in enumerate(NAMES):
        OrganisationFactory(name=name, short_name=f"O{index}")
    expected = sorted(NAMES, key=sort_key)
    assert expected[:4] == ["An Bình", "Ăn uống", "Ân Thi", "Bảo Việt"]  # a < ă < â < b
    assert list(Organisation.objects.values_list("name", flat=True)) == expected
    assert (
        list(Organisation.objects.order_by("-name").values_list("name", flat=True))
        == (expected[::-1])
    )


def test_authors_list_by_given_name_in_vietnamese_order():
    for full_name in ["Trần Văn Đức", "Nguyễn Thị Dung", "Lê Ánh", "Phạm Anh"]:
        AuthorFactory(full_name=full_name)
    assert list(Author.objects.values_list("given_name", flat=True)) == [
        "Anh",
        "Ánh",
        "Dung",
        "Đức",
    ]


def test_an_article_with_several_organisations_saves_and_publishes():
    """modelcluster sorts the in-memory relation by Meta.ordering: plain names now."""
    tree = site_tree(topic_count=1)
    organisations = [
        OrganisationFactory(name=name, short_name=f"S{index}")
        for index, name in enumerate(["Điện lực", "Agribank", "Dầu khí"])
    ]
    article = make_article(tree["hubs"][0], live=False, organisations=organisations)
    article.organisations = organisations[::-1]
    revision = article.save_revision()
    publish(article)
    as_saved = revision.as_object()
    assert sorted(o.pk for o in as_saved.organisations.all()) == sorted(o.pk for o in organisations)
    article.refresh_from_db()
    assert list(article.organisations.values_list("name", flat=True)) == [
        "Agribank",
        "Dầu khí",
        "Điện lực",
    ]
