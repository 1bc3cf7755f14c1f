"""SQLite: fold index entries and queries in Python, as FTS5 cannot fold Vietnamese.

Imported only on SQLite: modelsearch's SQLite models do not exist on PostgreSQL.
"""

from __future__ import annotations

import re

from django.db.models import QuerySet
from modelsearch.backends.database.sqlite.query import MatchExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from coverage.search.text import query_terms
from editorial.text import fold

# FTS5 reads punctuation in MATCH as its own query syntax ("&", quotes, "*", ":"),
# and Wagtail passes words through unescaped: keep only word characters.
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def fold_query_string(text: str) -> str:
    """Fold like the index and drop FTS5 syntax: "XÂY DỰNG & Đảng!" → "xay dung dang"."""
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", fold(text))).strip()


def fold_query(query):
    """Fold a query string (or a PlainText query) the way the SQLite index is folded."""
    if isinstance(query, str):
        return fold_query_string(query)
    if isinstance(query, PlainText):
        return PlainText(fold_query_string(query.query_string), operator=query.operator)
    return query


class FoldingSQLiteIndex(SQLiteIndex):
    """Stores folded text in the FTS index, so matching ignores tones, marks and đ."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        if not objs:
            return
        entries = self.entries.filter(
            content_type_id=get_content_type_pk(model),
            object_id__in=[str(obj.pk) for obj in objs],
        )
        # The FTS table is kept in step with these rows by modelsearch's SQL triggers.
        for entry in entries.only("id", "title", "body", "autocomplete"):
            entries.filter(pk=entry.pk).update(
                title=fold(entry.title or ""),
                body=fold(entry.body or ""),
                autocomplete=fold(entry.autocomplete or ""),
            )


class FoldingSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, fold_query(query), model_or_queryset, **kwargs)

    def ranked_pks(
        self, query: str, queryset: QuerySet, *, operator: str, limit: int, narrow: bool = False
    ) -> list[int]:
        """Keys of the best ``limit`` matches: most query words in the headline, then rank.

        The contract of the PostgreSQL backend's ``ranked_pks`` (``narrow`` is a hint
        for PostgreSQL's plans only). The match and the bm25 score are the ones
        ``search()`` builds, but ``search()`` orders by a subquery that runs the FTS
        match again for every matching page: 3.8 s for "xay dung dang" in 2,000
        articles. Here one FTS query scores every match, the pages are filtered by key
        and the headline words counted in Python, folded as ``_rerank`` folds.
        """
        folded = fold_query_string(query)
        if not folded:
            return []
        compiler = self.query_compiler_class(queryset, PlainText(folded, operator=operator))
        match = MatchExpression(
            compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(compiler.query, config=self.config),
        )
        score = sum(
            compiler.build_tsrank(vector, compiler.query, config=self.config) * boost
            for vector, boost in compiler.get_index_vectors()
        )
        entries = SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(queryset.model)
        )
        scores = dict(entries.annotate(score=score).values_list("index_entry__object_id", "score"))
        pages = queryset.filter(pk__in=entries.values("index_entry__object_id"))
        words = query_terms(query)

        def best_first(row):  # bm25 is negative: lower is better, as search() orders it
            pk, title = row
            return (-len(words & query_terms(title)), scores[str(pk)], -pk)

        ranked = sorted(pages.values_list("pk", "title"), key=best_first)
        return [pk for pk, _title in ranked[:limit]]
