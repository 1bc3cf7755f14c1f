"""A frontend-cache backend that records what it was asked to purge (tests/test_page_cache.py)."""

from __future__ import annotations

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED: list[str] = []

RECORDING = {"recording": {"BACKEND": "tests.support.page_cache.RecordingBackend"}}


class RecordingBackend(BaseBackend):
    def purge(self, url: str) -> None:
        PURGED.append(url)
