"""Redis as a cache that may go away: while Redis is down, every cache call is a miss.

Django's ``RedisCache`` raises on a dead server, and the cache sits under every request:
Wagtail looks the site's root paths up in it, django-ratelimit counts searches in it.
So an outage of a *cache* answered 500 on every page, feed, search and admin view. With
this backend (``env.get_cache`` picks it when ``REDIS_URL`` is set) a read returns the
default, a write is dropped, ``incr`` says the key is missing; the site does the work the
cache would have saved, and the database carries the load until Redis is back.

Two things keep a dead Redis cheap: short socket timeouts in the settings (milliseconds,
not the client's unbounded default), and a short back-off here. After a failure the
process skips Redis for ``RETRY_AFTER`` seconds (a cache option), so a Redis that drops
packets costs one connect timeout per process every few seconds, not one per cache call.
The warning is logged at most once a minute per process, so an outage does not flood logs.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What an unreachable or overloaded Redis raises; anything else (a bad key, a pickling
# error) is a bug and still raises.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
DEFAULT_RETRY_AFTER = 5.0
WARNING_INTERVAL = 60.0

# Replaced in tests; monotonic so a wall-clock jump neither ends nor prolongs a back-off.
clock = time.monotonic


class _Outage:
    """One Redis location's state in this process (Django makes a cache per thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.last_warning: float | None = None
        self.suppressed = 0

    def skipping(self) -> bool:
        return clock() < self.down_until

    def record(self, location: str, operation: str, error: Exception, retry_after: float) -> None:
        now = clock()
        with self.lock:
            self.down_until = now + retry_after
            if self.last_warning is not None and now - self.last_warning < WARNING_INTERVAL:
                self.suppressed += 1
                return
            suppressed, self.suppressed, self.last_warning = self.suppressed, 0, now
        logger.warning(
            "Redis cache at %s unavailable (%s: %s); serving without the cache, "
            "retrying in %.0f s (%d more failures since the last warning).",
            location,
            operation,
            type(error).__name__,
            retry_after,
            suppressed,
        )


_MISSING = object()
_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


class OutageTolerantRedisCache(RedisCache):
    """``RedisCache`` whose every call degrades to a miss while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = ",".join(self._servers)
        self._retry_after = float(params.get("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        self._outage = _outage_for(self._location)

    def _call(self, operation: str, miss, *args):
        """``RedisCache.<operation>(*args)``, or ``miss`` while Redis is unreachable."""
        if self._outage.skipping():
            return miss
        try:
            return getattr(super(), operation)(*args)
        except OUTAGE_ERRORS as error:
            self._outage.record(self._location, operation, error, self._retry_after)
            return miss

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._call("incr", _MISSING, key, delta, version)
        if value is _MISSING:
            # What Django's API says of a key that is not there; its callers handle that.
            raise ValueError(f"Key {key!r} not found (Redis cache unavailable).")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that were not stored.
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
