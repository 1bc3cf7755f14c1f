"""Environment parsing and the production settings' refusal to start without secrets."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

from editorial.settings import env

ROOT = Path(__file__).resolve().parent.parent


def test_bool_accepts_common_words():
    assert env.get_bool("X", False, {"X": "yes"}) is True
    assert env.get_bool("X", True, {"X": "0"}) is False
    assert env.get_bool("X", True, {}) is True


def test_bool_rejects_nonsense_with_the_variable_name():
    with pytest.raises(env.ConfigurationError, match="SECURE_SSL_REDIRECT"):
        env.get_bool("SECURE_SSL_REDIRECT", True, {"SECURE_SSL_REDIRECT": "maybe"})


def test_int_rejects_words():
    with pytest.raises(env.ConfigurationError, match="EMAIL_PORT"):
        env.get_int("EMAIL_PORT", 25, {"EMAIL_PORT": "twenty"})
    assert env.get_int("EMAIL_PORT", 25, {"EMAIL_PORT": "587"}) == 587


def test_list_splits_on_commas_and_drops_blanks():
    assert env.get_list("H", [], {"H": "a.vn, b.vn,,"}) == ["a.vn", "b.vn"]
    assert env.get_list("H", ["x"], {}) == ["x"]


def test_database_defaults_to_sqlite_file_in_project():
    config = env.get_database({})
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(config["NAME"]) == ROOT / "db.sqlite3"
    assert config["CONN_MAX_AGE"] == 0


def test_sqlite_waits_for_locks_and_writes_ahead():
    # The default file and any SQLite URL alike: `make run` shares one file between the
    # site, the worker and the scheduler.
    for environ in ({}, {"DATABASE_URL": "sqlite:////srv/newsroom.sqlite3"}):
        options = env.get_database(environ)["OPTIONS"]
        assert options["timeout"] == 20
        assert options["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in options["init_command"]


@pytest.fixture
def sqlite_file_connection(tmp_path, django_db_blocker):
    """A Django connection opened with the settings' SQLite configuration, on a temp file
    (not the test database: pytest-django's blocker is lifted for it alone)."""
    config = env.get_database({"DATABASE_URL": f"sqlite:///{tmp_path / 'newsroom.sqlite3'}"})
    connection = ConnectionHandler({"default": config})["default"]
    with django_db_blocker.unblock():
        yield connection
        connection.close()


def _pragma(connection, name: str):
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


def test_sqlite_connection_is_in_wal_with_a_busy_timeout(sqlite_file_connection):
    assert _pragma(sqlite_file_connection, "journal_mode") == "wal"
    assert _pragma(sqlite_file_connection, "busy_timeout") == 20_000
    assert _pragma(sqlite_file_connection, "synchronous") == 1  # NORMAL: safe in WAL


def test_sqlite_transactions_take_the_write_lock_when_they_begin(sqlite_file_connection):
    """A deferred transaction that reads, then writes, fails at once ("database is locked")
    when another process wrote in between, whatever the timeout; BEGIN IMMEDIATE waits
    for the lock instead, so the busy timeout applies."""
    connection = sqlite_file_connection
    connection.ensure_connection()
    # What transaction.atomic() does on entry (it only knows the project's connections).
    connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        connection.rollback()
        connection.set_autocommit(True)


def test_postgres_url_turns_on_health_checks():
    config = env.get_database({"DATABASE_URL": "postgres://u:p@db.internal:5433/news"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "news")
    assert config["CONN_HEALTH_CHECKS"] is True
    # SQLite's options would be rejected by psycopg as connection parameters.
    assert config.get("OPTIONS", {}) == {}


def test_bad_database_url_is_a_configuration_error():
    with pytest.raises(env.ConfigurationError, match="DATABASE_URL"):
        env.get_database({"DATABASE_URL": "nosuchdb://x"})


def test_redis_url_selects_shared_cache():
    assert env.get_cache({"REDIS_URL": "redis://127.0.0.1:6379/1"})["default"]["BACKEND"] == (
        "editorial.redis_cache.OutageTolerantRedisCache"
    )
    assert "LocMemCache" in env.get_cache({})["default"]["BACKEND"]


def _manage(*args, **extra_env):
    environ = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environ.update(DJANGO_SETTINGS_MODULE="editorial.settings.production", **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_fails_with_one_line():
    result = _manage("check", ALLOWED_HOSTS="example.vn")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: SECRET_KEY is not set; production refuses to start without it."
    ]


def test_production_settings_pass_deploy_checks():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-production-test-key-0123456789-abcdefghij",
        ALLOWED_HOSTS="tapchicongsan.example",
    )
    assert result.returncode == 0, result.stderr


def test_production_ssl_redirect_can_be_left_to_the_proxy():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-production-test-key-0123456789-abcdefghij",
        ALLOWED_HOSTS="tapchicongsan.example",
        SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("secret", "hosts", "message"),
    [
        ("short-key-" * 4, "tapchicongsan.example", "SECRET_KEY is too weak"),
        ("django-insecure-" + "x" * 50, "tapchicongsan.example", "SECRET_KEY is too weak"),
        ("k" * 60, "*", "wildcard"),
        ("k" * 60, "tapchicongsan.example,*", "wildcard"),
    ],
)
def test_production_refuses_weak_secret_or_wildcard_host(secret, hosts, message):
    result = _manage("check", SECRET_KEY=secret, ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Configuration error:") and message in lines[0]


def test_configuration_errors_are_improperly_configured():
    from django.core.exceptions import ImproperlyConfigured

    assert issubclass(env.ConfigurationError, ImproperlyConfigured)


def test_production_cookies_are_host_prefixed():
    """``__Host-`` cookies: Secure, Path=/ and no Domain, or the browser drops them."""
    script = (
        "import json; from django.conf import settings as s; print(json.dumps([getattr(s, n) "
        "for n in ('SESSION_COOKIE_NAME', 'CSRF_COOKIE_NAME', 'SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_PATH', 'CSRF_COOKIE_PATH', "
        "'SESSION_COOKIE_DOMAIN', 'CSRF_COOKIE_DOMAIN')]))"
    )
    result = _manage(
        "shell",
        "-c",
        script,
        SECRET_KEY="k" * 20 + "-production-test-key-0123456789-abcdefghij",
        ALLOWED_HOSTS="tapchicongsan.example",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == ["__Host-sessionid", "__Host-csrftoken", True, True, "/", "/", None, None]
