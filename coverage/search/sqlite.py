"""SQLite: fold index entries and queries in Python, as FTS5 cannot fold Vietnamese.

Imported only on SQLite: modelsearch's SQLite models do not exist on PostgreSQL.
"""

from __future__ import annotations

import re

from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

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
