"""A Redis outage is a cache miss: readers and editors keep getting pages.

Against a real ``redis-server`` started for the test on a free port and killed mid-test
(``tests/support/redis_server.py``), never the machine's shared Redis.
"""

import logging

import pytest
from django.core.cache import caches

from editorial import redis_cache
from editorial.settings import env
from tests.factories import make_article, site_tree
from tests.support.redis_server import RedisServer, free_port, redis_server  # noqa: F401


def _use_redis(settings, url: str, **extra) -> None:
    """The production cache configuration (``env.get_cache``), pointed at ``url``."""
    config = env.get_cache({"REDIS_URL": url})
    config["default"].update(extra)
    settings.CACHES = config  # Django drops its cache handlers when CACHES changes


@pytest.fixture(autouse=True)
def fresh_outage_state(monkeypatch):
    # Each test starts with no back-off and no warning sent, whatever ran before.
    monkeypatch.setattr(redis_cache, "_outages", {})


@pytest.fixture
def now(monkeypatch):
    """The clock the back-off and the warning interval read, moved by hand."""
    moment = [1000.0]
    monkeypatch.setattr(redis_cache, "clock", lambda: moment[0])
    return moment


@pytest.fixture
def dead_redis(settings):
    """Configured for Redis on a port where nothing listens."""
    _use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")
    return caches["default"]


def test_production_cache_is_outage_tolerant_with_short_timeouts():
    config = env.get_cache({"REDIS_URL": "redis://127.0.0.1:6379/1"})["default"]
    assert config["BACKEND"] == "editorial.redis_cache.OutageTolerantRedisCache"
    assert config["OPTIONS"]["socket_connect_timeout"] <= 0.5
    assert config["OPTIONS"]["socket_timeout"] <= 1


@pytest.mark.django_db
def test_pages_answer_200_when_redis_dies(redis_server, settings, client, admin_client):  # noqa: F811
    _use_redis(settings, redis_server.url)
    tree = site_tree()
    article = make_article(tree["hubs"][0], "Đảng bộ EVN tổ chức đại hội")
    urls = ["/", article.url, "/tim-kiem/goi-y/?q=Dang", "/tim-kiem/?q=evn", "/rss/"]

    for url in urls:
        assert client.get(url).status_code == 200, url
    assert admin_client.get("/admin/").status_code == 200
    # The pages really went through Redis (Wagtail's site root paths, the rate limits).
    assert redis_server.client().dbsize() > 0

    redis_server.kill()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Đảng bộ EVN" in client.get("/tim-kiem/goi-y/?q=Dang").json()["results"][0]["title"]
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_search_is_not_refused_while_redis_is_down(dead_redis, client):
    """The rate limit counts in the cache; with no cache it lets readers through.

    RATELIMIT_FAIL_OPEN (settings): refusing every search with 429 for the length of
    an outage would hurt every reader to slow down a few scrapers.
    """
    site_tree()
    for _ in range(40):  # past the 30-a-minute limit, had it counted
        assert client.get("/tim-kiem/", {"q": "evn"}).status_code == 200


def test_every_call_is_a_miss_on_a_dead_redis(dead_redis):
    cache = dead_redis
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.add("k", 1) is False
    assert cache.set("k", 1) is None
    assert cache.touch("k") is False
    assert cache.delete("k") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("k") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete_many(["a", "b"]) is None
    assert cache.get_or_set("k", 5) == 5
    assert cache.clear() is False
    with pytest.raises(ValueError):
        cache.incr("k")
    with pytest.raises(ValueError):
        cache.decr("k")


def test_warning_is_rate_limited(dead_redis, now, caplog):
    caplog.set_level(logging.WARNING, logger="editorial.redis_cache")
    for _ in range(3):
        dead_redis.get("k")
        now[0] += 10  # past the back-off, so each call tries Redis again
    assert len(caplog.records) == 1
    assert "unavailable" in caplog.records[0].getMessage()

    now[0] += redis_cache.WARNING_INTERVAL
    dead_redis.get("k")
    assert len(caplog.records) == 2
    assert "2 more failures" in caplog.records[1].getMessage()


def test_backs_off_then_reconnects(settings, now):
    server = RedisServer(free_port())
    _use_redis(settings, server.url, RETRY_AFTER=5)
    cache = caches["default"]
    assert cache.get("k", "miss") == "miss"  # nothing listens yet: a failure

    server.start()
    try:
        cache.set("k", "stored")
        assert server.client().dbsize() == 0, "within the back-off nothing reaches Redis"
        now[0] += 5
        cache.set("k", "stored")
        assert cache.get("k") == "stored"
    finally:
        server.kill()
