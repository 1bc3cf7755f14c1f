"""Let modelcluster sort models whose ``Meta.ordering`` uses ``Collate`` expressions.

editorial.Organisation and editorial.Author order by ``Collate("name", "vi-x-icu")`` so
lists sort in Vietnamese on both databases. modelcluster sorts in-memory relations
(``ParentalManyToManyField.set()`` with two or more objects, revisions, previews) with
``sort_by_fields``, which only understands field-name strings and raises ``TypeError``
on an expression. Without this, saving an article that mentions two organisations fails.

``install()`` (called from ``CoverageConfig.ready``) wraps ``sort_by_fields``: a
``Collate(F(field))`` key (optionally descending) sorts with ``editorial.text.sort_key``,
the same order the collation gives; every other key goes to modelcluster unchanged.
Remove it if those models move their collated ordering out of ``Meta``.
"""

from __future__ import annotations

from django.db.models import F, OrderBy
from django.db.models.functions import Collate

from editorial.text import sort_key

_INSTALLED_ATTR = "_coverage_collate_aware"


def _collated_field(key) -> tuple[str, bool] | None:
    """("name", descending) for Collate(F("name")) or its OrderBy; None for anything else."""
    descending = False
    if isinstance(key, OrderBy):
        descending = key.descending
        key = key.expression
    if isinstance(key, Collate):
        source = key.get_source_expressions()[0]
        if isinstance(source, F):
            return source.name, descending
    return None


def collate_aware(original):
    def sort_by_fields(items, fields):
        # Stable sorts applied from the last key to the first give the combined order.
        for key in reversed(list(fields)):
            collated = _collated_field(key)
            if collated is None:
                original(items, [key])
            else:
                name, descending = collated
                items.sort(
                    key=lambda item: sort_key(getattr(item, name, "") or ""), reverse=descending
                )

    setattr(sort_by_fields, _INSTALLED_ATTR, True)
    return sort_by_fields


def install() -> None:
    from modelcluster import fields, queryset, utils

    if getattr(utils.sort_by_fields, _INSTALLED_ATTR, False):
        return
    patched = collate_aware(utils.sort_by_fields)
    for module in (utils, fields, queryset):
        module.sort_by_fields = patched
