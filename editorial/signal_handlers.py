"""Signal receivers for the newsroom app; connected in ``EditorialConfig.ready()``."""

from editorial.text import VI_COLLATION, compare


def register_vietnamese_collation(sender, connection, **kwargs) -> None:
    """Teach SQLite the "vi-x-icu" collation PostgreSQL has from ICU, so queries match."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VI_COLLATION, compare)
