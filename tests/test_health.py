"""/healthz answers the load balancer in JSON."""

from unittest import mock

from django.db import OperationalError


def test_healthy(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_database_down_gives_503_without_details(client, db):
    with mock.patch(
        "editorial.health.connection.cursor",
        side_effect=OperationalError("connection to 10.0.0.5 refused, password=hunter2"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
    assert b"hunter2" not in response.content


def test_post_not_allowed(client, db):
    assert client.post("/healthz").status_code == 405
