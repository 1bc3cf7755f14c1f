"""Behaviour shared by the programme's viewsets: search within the listing, Vietnamese
sorting, safe deletion. (Downloads are formula-safe everywhere: ``editorial.spreadsheets``.)"""

from __future__ import annotations

from typing import ClassVar

from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError, QuerySet, RestrictedError
from django.db.models.functions import Collate
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import DeleteView, IndexView, SnippetViewSet

from editorial.listings.search import ListingSearchMixin
from editorial.text import VI_COLLATION


class ProgrammeIndexView(ListingSearchMixin, IndexView):
    """A programme listing, searched within its own rows and sort (``viewsets.search``)."""


class VietnameseIndexView(ProgrammeIndexView):
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


class ProtectedDeleteView(DeleteView):
    """Deletion that explains, instead of failing, when other records still need the object.

    The programme's links are protected on purpose (a plan item keeps its topic and lead),
    so deleting, say, a topic that plan items use must be refused with a message.
    """

    def form_valid(self, form) -> HttpResponse:
        try:
            # Roll back the log entry Wagtail writes before deleting, too.
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError) as error:
            blockers = getattr(error, "protected_objects", None) or error.restricted_objects
            examples = sorted({str(blocker) for blocker in blockers})
            messages.error(
                self.request,
                _(
                    "“%(object)s” was not deleted: %(count)s other records still use it, "
                    "e.g. %(examples)s. Change or remove those first."
                )
                % {
                    "object": self.object,
                    "count": len(examples),
                    "examples": "; ".join(examples[:3]),
                },
            )
            return redirect(reverse(self.index_url_name))


class ProgrammeSnippetViewSet(SnippetViewSet):
    """Defaults for the programme's viewsets.

    The inspect view is on so that roles with only the "view" permission (journalists,
    the photo desk) can open a record; Wagtail registers "view" only when it is.
    """

    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ProgrammeIndexView
    delete_view_class = ProtectedDeleteView
    #: Relations the listing's columns show, fetched in the same query.
    list_select_related: ClassVar[tuple[str, ...]] = ()

    def get_queryset(self, request) -> QuerySet | None:
        if not self.list_select_related:
            return None
        return self.model._default_manager.select_related(*self.list_select_related)
