"""PostgreSQL text search configuration for Vietnamese: ``simple`` plus ``unaccent``.

There is no Vietnamese stemmer, so words are kept whole; ``unaccent`` folds tones,
vowel marks and đ/Đ, so "xay dung dang" matches "xây dựng Đảng". SQLite needs
nothing here: coverage.search.backend folds the text in Python.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vietnamese_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION vietnamese_unaccent (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION vietnamese_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END $$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS vietnamese_unaccent;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("coverage", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
