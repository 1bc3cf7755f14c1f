"""SQLite: fold index entries and queries in Python, as FTS5 cannot fold Vietnamese.

Imported only on SQLite: modelsearch's SQLite models do not exist on PostgreSQL.
"""

from __future__ import annotations

import re

from django.db.models import CharField, IntegerField, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
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


_FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# Whether this row's headline holds a word: the headlines holding it, found once per
# statement through the FTS index (SQLite runs an uncorrelated IN subquery once). The
# inner table is unaliased, so inside the subquery its name is the inner table.
# Only our own table name is formatted in; the query word is a parameter.
_HEADLINE_HAS = (
    f'CASE WHEN "{_FTS_TABLE}"."rowid" IN (SELECT rowid FROM "{_FTS_TABLE}" '  # noqa: S608
    f'WHERE "{_FTS_TABLE}" MATCH %s) THEN 1 ELSE 0 END'
)


def _headline_words(words: list[str]):
    """How many of ``words`` (folded query words) the matched entry's headline holds."""
    if not words:
        return Value(0)
    # Only word characters are left in a folded query word: quoted, it is one FTS term.
    # The word goes in as a parameter, never into the SQL text.
    tests = [
        RawSQL(_HEADLINE_HAS, [f'{{title}} : "{word}"'], IntegerField())  # noqa: S611
        for word in words
    ]
    return sum(tests[1:], tests[0])


class FoldingSQLiteIndex(SQLiteIndex):
    """Stores folded text in the FTS index, so matching ignores tones, marks and đ.

    Written rather than inherited: modelsearch's ``add_items`` writes the raw text, and
    folding afterwards cost one UPDATE per entry (most of ``load_demo``'s time). Here the
    text is folded before it is written: new entries in one INSERT, existing ones in one
    bulk UPDATE; the FTS table follows through modelsearch's SQL triggers.
    """

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        folded = {}
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            folded[indexer.id] = {
                "title": fold(indexer.title or ""),
                "autocomplete": fold(indexer.autocomplete or ""),
                "body": fold(indexer.body or ""),
            }
        if not folded:
            return
        content_type_id = get_content_type_pk(model)
        existing = list(
            self.entries.filter(content_type_id=content_type_id, object_id__in=folded).only(
                "id", "object_id"
            )
        )
        for entry in existing:
            for field, value in folded.pop(entry.object_id).items():
                setattr(entry, field, value)
        if existing:
            self.entries.bulk_update(existing, ["title", "autocomplete", "body"])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_id, object_id=object_id, **values)
            for object_id, values in folded.items()
        )
        self._refresh_title_norms()


class NoResults(EmptySearchResults):
    """No results, of a known model, as a search with results would say."""

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


class FoldingSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(
            query_compiler_class, fold_query(query), model_or_queryset, **kwargs
        )
        if isinstance(results, EmptySearchResults):
            # Folding can leave nothing of a query ("%", "--"), and modelsearch's empty
            # results name no model, which Wagtail's listings read (a 500 in the admin).
            model = getattr(model_or_queryset, "model", model_or_queryset)
            return NoResults(model)
        return results

    def ranked_pks(
        self, query: str, queryset: QuerySet, *, operator: str, limit: int, narrow: bool = False
    ) -> list[int]:
        """Keys of the best ``limit`` matches: most query words in the headline, then rank.

        The contract of the PostgreSQL backend's ``ranked_pks`` (``narrow`` is a hint
        for PostgreSQL's plans only). The match and the bm25 score are the ones
        ``search()`` builds, but ``search()`` orders by a subquery that runs the FTS
        match again for every matching page: 3.8 s for "xay dung dang" in 2,000
        articles. Here one statement matches, scores, counts the query words in each
        match's (folded) headline and keeps the best ``limit``: each word's headline
        test is one FTS lookup of the headlines holding it, run once for the statement,
        so no headline is read back, or folded, in Python (that cost 1.5 s for a common
        query in 20,000 articles, issue #16).

        One statement reads the index, so every page ranked has its score even while the
        worker writes the index (right after ``make run``, after each publication).
        Entries whose page is gone or no longer live are not pages of ``queryset``; a
        page not yet indexed is found once it is.
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
        pages = queryset.annotate(_text_key=Cast("pk", CharField())).values("_text_key")
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
                index_entry__object_id__in=pages,
            )
            .annotate(score=score, headline=_headline_words(sorted(query_terms(query))))
            .order_by("-headline", "score", "-pk")  # bm25 is negative: lower is better
            .values_list("index_entry__object_id", flat=True)
        )
        return [int(key) for key in entries[:limit]]

    def autocomplete_pks(self, prefix: str, queryset: QuerySet, *, limit: int) -> list[int]:
        """Keys of up to ``limit`` pages of ``queryset`` whose headline has the words typed.

        Every word but the last whole, the last as a prefix ("khoi th" finds "Khơi
        thông"), as Wagtail's autocomplete reads them, in the folded headlines of the
        FTS table: one query, best bm25 first, then newest. Wagtail's own autocomplete
        ordered every match by a subquery that ran the FTS match again per match (17 s
        for "da" in 20,000 articles, issue #16).
        """
        words = fold_query_string(prefix).split()
        if not words:
            return []
        # FTS5 syntax: each word quoted (only word characters are left), "*" a prefix.
        terms = [f'"{word}"' for word in words[:-1]] + [f'"{words[-1]}" *']
        match = MatchExpression(["title"], Value(" AND ".join(terms)))
        pages = queryset.annotate(_text_key=Cast("pk", CharField())).values("_text_key")
        keys = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
                index_entry__object_id__in=pages,
            )
            .annotate(score=BM25())
            .order_by("score", "-pk")
            .values_list("index_entry__object_id", flat=True)[:limit]
        )
        return [int(key) for key in keys]
