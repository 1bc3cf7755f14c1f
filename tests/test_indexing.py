"""Bulk loads leave the search and reference indexes complete when they return, with no
index task left waiting for a worker (``editorial.indexing``)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from modelsearch.index import get_indexed_models
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from coverage.models import ArticlePage
from coverage.search.service import search_articles
from editorial.indexing import deferred_indexing
from editorial.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def search(query: str):
    return get_search_backend().search(query, Organisation)


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def index_entry_counts() -> dict[str, tuple[int, int]]:
    """Per concrete indexed model: (objects it indexes, index entries of its type)."""
    counts = {}
    for model in get_indexed_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        objects = model.get_indexed_objects()
        if hasattr(objects, "exact_type"):
            # Pages: each type indexes its own rows; the tree's root (made by a migration,
            # never saved since) is never indexed, nor searched.
            objects = objects.exact_type(model).filter(depth__gt=1)
        content_type = ContentType.objects.get_for_model(model)
        entries = IndexEntry.objects.filter(content_type=content_type).count()
        counts[model._meta.label] = (objects.count(), entries)
    return counts


def test_the_demo_is_fully_indexed_when_load_demo_returns(demo):
    counts = index_entry_counts()
    missing = {label: c for label, c in counts.items() if c[0] != c[1]}
    assert not missing, f"objects vs index entries: {missing}"
    assert counts["coverage.ArticlePage"][0] >= 10
    # Readers find the demo by its words, accents or not.
    outcome = search_articles("xay dung dang")
    assert outcome.results and not outcome.broadened
    # Every live article's hero photo is known to be used by it (Wagtail's usage counts).
    article = ArticlePage.objects.live().filter(hero_image__isnull=False).first()
    usage = ReferenceIndex.get_references_to(article.hero_image)
    assert any(ref.object_id == str(article.pk) for ref in usage)


@override_settings(TASKS=DATABASE_TASKS)
def test_load_demo_leaves_no_index_task_for_a_worker(demo):
    call_command("load_demo", stdout=io.StringIO())
    waiting = DBTaskResult.objects.filter(task_path__contains="index")
    assert list(waiting.values_list("task_path", flat=True)) == []


@override_settings(TASKS=DATABASE_TASKS)
def test_deferred_indexing_indexes_each_saved_object_once_at_the_end(db):
    with deferred_indexing():
        organisation = OrganisationFactory(name="Tập đoàn Dầu khí Việt Nam", short_name="PVN")
        organisation.save()
        # Nothing is indexed, and nothing queued, inside the block.
        assert not list(search("dau khi"))
    assert not DBTaskResult.objects.exists()
    assert list(search("dau khi")) == [organisation]


def test_deferred_indexing_indexes_nothing_when_the_load_fails(db):
    with pytest.raises(RuntimeError), deferred_indexing():
        OrganisationFactory(name="Tập đoàn Hóa chất Việt Nam", short_name="VINACHEM")
        raise RuntimeError("the load failed")
    assert not list(search("hoa chat"))
