"""Listing behaviour shared by the programme's viewsets."""

from __future__ import annotations

from typing import ClassVar

from django.db.models import QuerySet
from django.db.models.functions import Collate
from wagtail.snippets.views.snippets import IndexView

from editorial.text import VI_COLLATION


class VietnameseIndexView(IndexView):
    """A snippet listing whose name columns sort in Vietnamese order, on any database.

    Sorting a column orders by its raw field, which puts "Đ" after "Z" on SQLite and
    depends on the database locale on PostgreSQL. ``collated_orderings`` maps a column's
    sort key to the fields to order by through the "vi-x-icu" collation instead.
    """

    collated_orderings: ClassVar[dict[str, list[str]]] = {}

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        ordering = self.ordering if isinstance(self.ordering, str) else ""
        fields = self.collated_orderings.get(ordering.removeprefix("-"))
        if not fields:
            return super().order_queryset(queryset)
        collated = [Collate(field, VI_COLLATION) for field in fields]
        if ordering.startswith("-"):
            return queryset.order_by(*(expression.desc() for expression in collated), "-pk")
        return queryset.order_by(*(expression.asc() for expression in collated), "pk")
