"""PostgreSQL: the ``vietnamese_unaccent`` configuration folds inside the database."""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

SEARCH_CONFIG = "vietnamese_unaccent"


class VietnamesePostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        params = {"SEARCH_CONFIG": SEARCH_CONFIG, **params}
        super().__init__(params)
        # Autocomplete must fold accents too; the unaccent config has no stemmer to avoid.
        self.autocomplete_config = self.config
