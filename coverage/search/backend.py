"""Wagtail's database search backend, taught Vietnamese (DESIGN.md, section 7).

Readers type without diacritics: "xay dung dang" must find "xây dựng Đảng".

- PostgreSQL: the text search configuration ``vietnamese_unaccent`` (``simple`` plus
  ``unaccent``, created by a coverage migration) folds tones, vowel marks and đ/Đ inside the
  database, for full-text search and for autocomplete alike (Wagtail hard-codes ``simple``
  for autocomplete; we override it).
- SQLite: FTS5's ``unicode61`` tokenizer strips only single diacritics ("ự" keeps its marks)
  and never maps đ to d, so the index entries and the query are folded in Python with the
  same ``editorial.text.fold``.

Configure with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "coverage.search.backend",
"SEARCH_CONFIG": "vietnamese_unaccent"}}``.
"""

from django.db import connection


def SearchBackend(params):
    """Pick the backend for the default database, as Wagtail's own database backend does."""
    if connection.vendor == "postgresql":
        from coverage.search.postgres import VietnamesePostgresSearchBackend

        return VietnamesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from coverage.search.sqlite import FoldingSQLiteSearchBackend

        return FoldingSQLiteSearchBackend(params)
    raise NotImplementedError(f"No Vietnamese search backend for {connection.vendor}.")
