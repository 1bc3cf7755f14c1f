"""Searching an admin listing narrows the listing's own rows; it does not replace them.

Wagtail hands a listing's queryset, already row-filtered and sorted, to the search
backend, which refuses any filter or sort on a field the model does not declare as a
``FilterField`` (``FilterFieldError``, an HTTP 500). Our listings filter rows by the
permission policy (a journalist's assignments: ``assignee``, ``staff_contact``) and sort
by related columns (a topic's number, an annotated stage), so declaring every one of them
on the model would break again with the next column or rule.

Here the backend is asked only what it is good at: which rows of the whole model match
the words. The listing keeps its rows, filters and sort in the ORM and keeps only those
keys, so a search can never show a row the listing would not, and results come in the
listing's order (the desk's is by due date) rather than by relevance.
"""

from __future__ import annotations

from django.db.models import QuerySet


class ListingSearchMixin:
    """For a Wagtail index view: search the model's index, narrow the listing by key."""

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        if not self.is_searching:
            return queryset
        matches = super().search_queryset(self.model._default_manager.all())
        # The database backends' results are a queryset underneath: the keys stay one
        # subquery. Other backends (Elasticsearch, an empty result) give objects.
        if hasattr(matches, "get_queryset"):
            keys = matches.get_queryset().values("pk")
        else:
            keys = [match.pk for match in matches]
        return queryset.filter(pk__in=keys)
