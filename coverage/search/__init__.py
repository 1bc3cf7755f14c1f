"""Vietnamese-aware search: the backend, the reader search page and autocomplete."""
