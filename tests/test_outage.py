"""A lost database answers 503 with Retry-After (editorial.outage); other crashes 500."""

import pytest
from django.db import OperationalError
from wagtail.models import Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def crashing(client, monkeypatch):
    """Make Wagtail's site lookup, which every reader page passes, raise ``error``."""
    client.raise_request_exception = False

    def crash_with(error):
        def lookup(*args, **kwargs):
            raise error

        monkeypatch.setattr(Site, "find_for_request", lookup)
        return client

    return crash_with


def test_a_lost_database_is_a_503_to_try_again(crashing):
    response = crashing(OperationalError("server closed the connection unexpectedly")).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    page = response.content.decode()
    assert "Hệ thống tạm gián đoạn" in page
    assert "server closed" not in page  # nothing of the error reaches the reader


def test_any_other_crash_keeps_the_500_page(crashing):
    response = crashing(ValueError("bug")).get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Đã có lỗi xảy ra" in response.content.decode()


def test_development_shows_the_same_503(rf):
    from editorial.dev_errors import ReaderErrorPagesMiddleware

    middleware = ReaderErrorPagesMiddleware(lambda request: None)
    response = middleware.process_exception(rf.get("/"), OperationalError("database is locked"))
    assert response.status_code == 503
    assert "Hệ thống tạm gián đoạn" in response.content.decode()
