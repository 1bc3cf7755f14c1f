"""PostgreSQL: a GIN index on the very expression Wagtail's search filters on.

Wagtail's database backend (modelsearch) matches a search with
``("title" || "body") @@ to_tsquery(...)`` on ``wagtailsearch_indexentry``. The table has
one GIN index per column, and PostgreSQL cannot use an index on a column for an
expression over two columns, so every reader search read and concatenated every index
entry: with 20,000 articles, EXPLAIN ANALYZE showed a filter over all rows and no index
(the same gap as wagtail/wagtail#6546; modelsearch's model still only promises this index
in a comment). An expression index matches the query text exactly, so the planner finds
the matching entries through it. SQLite uses its FTS5 table and needs nothing.

The table is small enough (tens of thousands of rows) to index inside the migration's
transaction; a much larger site would build it with CREATE INDEX CONCURRENTLY first,
under the same name, and this migration then does nothing.
"""

from django.db import migrations

INDEX = "coverage_search_title_body_gin"
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(
            apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("coverage", "0005_article_requested_reviewer"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
