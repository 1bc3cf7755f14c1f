"""Index in one pass at the end of a bulk load, instead of one task per save.

Every save of a searchable model enqueues a search-index task, and every save of a model
Wagtail tracks enqueues a reference-index task. Loading the demo saves a few hundred
objects several times each (page, revision, publish): with the immediate task backend
that is thousands of small writes inside the load, and with the database backend a queue
of ~600 tasks that leaves search empty until a worker has run them. ``deferred_indexing``
remembers what was saved and indexes each object once when the block ends, so the
indexes are complete when the load returns, whatever task backend runs.

Used by ``manage.py load_demo`` and the benchmark seeders; any bulk import should use it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def deferred_indexing() -> Iterator[None]:
    """Suspend per-save index updates in the block; index what it saved when it ends.

    Not for request code: it disconnects receivers process-wide for the block's duration.
    On an exception nothing is indexed (the caller's transaction rolls the saves back).
    """
    saved: dict[type[Model], set] = defaultdict(set)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[type(instance)].add(instance.pk)

    searchable = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in searchable:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="deferred_indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="deferred_indexing")
        for model in searchable:
            post_save.connect(post_save_signal_handler, sender=model)
    index_objects(saved)


def index_objects(pks_by_model: dict[type[Model], set]) -> None:
    """Bring the search and reference indexes up to date for these objects, in bulk."""
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in pks_by_model.items():
        if ReferenceIndex.is_indexed(model):
            for instance in model._default_manager.filter(pk__in=pks).order_by("pk"):
                ReferenceIndex.create_or_update_for_object(instance)
        if search_index.class_is_indexed(model) and model in search_index.get_indexed_models():
            objects = model.get_indexed_objects().filter(pk__in=pks)
            for backend in backends:
                backend.add_bulk(model, list(objects))
