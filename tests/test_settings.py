"""Environment parsing and the production settings' refusal to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_postgres_url_turns_on_health_checks():
    config = env.get_database({"DATABASE_URL": "postgres://u:p@db.internal:5433/news"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "news")
    assert config["CONN_HEALTH_CHECKS"] is True


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
