"""Every environment variable the project reads, parsed in one place.

Settings modules import from here; nothing else calls ``os.environ``.
The README's configuration table mirrors this file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigurationError(ImproperlyConfigured):
    """A required or malformed environment variable; raised before Django starts."""


def get_bool(name: str, default: bool, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ConfigurationError(f"{name} must be one of true/false/1/0/yes/no, not {raw!r}.")


def get_int(name: str, default: int, environ: Mapping[str, str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}.") from None


def get_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """A comma-separated list; blanks dropped."""
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def get_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get(name, default)


def get_database(environ: Mapping[str, str] | None = None) -> dict:
    """DATABASE_URL, or a SQLite file beside manage.py so a fresh machine needs no server."""
    environ = os.environ if environ is None else environ
    default = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    url = environ.get("DATABASE_URL", "").strip() or default
    try:
        config = dj_database_url.parse(url, conn_max_age=get_int("CONN_MAX_AGE", 60, environ))
    except ValueError as error:
        raise ConfigurationError(
            f"DATABASE_URL is not a database URL we understand: {error}"
        ) from None
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A pooled connection that died between requests is replaced, not reused.
        config["CONN_HEALTH_CHECKS"] = True
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite: persistent connections buy nothing and hold file locks.
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


# `make run` shares one SQLite file between the threaded site, the task worker and the
# scheduler. With SQLite's defaults one in three writes failed ("database is locked"):
# - WAL lets readers go on while one process writes (the default journal blocks them);
#   synchronous=NORMAL is durable enough in WAL (a power cut may lose the last commit,
#   never corrupt the file) and spares an fsync per commit.
# - a transaction that reads, then writes, is refused at once when another connection
#   wrote in between, whatever the timeout; BEGIN IMMEDIATE takes the write lock first,
#   so a second writer waits for it instead of failing.
# - the wait is bounded: 20 s, far above any write here, below a browser giving up.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def get_cache(environ: Mapping[str, str] | None = None) -> dict:
    """Redis when REDIS_URL is set (shared by several app servers), else per-process memory."""
    environ = os.environ if environ is None else environ
    redis_url = environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {
            "default": {
                # A Redis outage is a cache miss, not a 500 (see editorial/redis_cache.py).
                "BACKEND": "editorial.redis_cache.OutageTolerantRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "coverage",
                "TIMEOUT": 600,
                # Seconds a process skips Redis after a failure before trying again.
                "RETRY_AFTER": 5,
                "OPTIONS": {
                    # Redis beside the app answers in well under a millisecond; without
                    # these a dead or unroutable Redis held each request for the OS's
                    # TCP timeout (tens of seconds) before the cache call failed.
                    "socket_connect_timeout": 0.25,
                    "socket_timeout": 0.5,
                },
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "coverage-desk",
        }
    }


def get_page_cache(environ: Mapping[str, str] | None = None) -> tuple[str | None, dict]:
    """The anonymous page cache: (Django cache alias or None, ``WAGTAILFRONTENDCACHE``).

    With ``VARNISH_PURGE_URL`` (e.g. ``http://127.0.0.1:6081``) Varnish caches and is
    purged over HTTP; without it the app caches pages itself in the default cache
    (coverage.page_cache). ``PAGE_CACHE=off`` turns the server-side cache off.
    """
    environ = os.environ if environ is None else environ
    varnish = environ.get("VARNISH_PURGE_URL", "").strip()
    if varnish:
        backends = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": varnish,
            }
        }
        return None, backends
    if not get_bool("PAGE_CACHE", True, environ):
        return None, {}
    return "default", {"pages": {"BACKEND": "coverage.page_cache.PageCacheBackend"}}
