"""`make run` for a newcomer (issue 22): a banner once the site answers, with the logins
as people are (the deputy is not "Tổng Biên tập"), and the site's own error pages in
development."""

from __future__ import annotations

import http.server
import io
import socket
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse

from editorial.settings import dev


@pytest.fixture
def site_url():
    """A stand-in site on a free port that answers /healthz."""

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@override_settings(DEMO_CONTENT_ALLOWED=True, DEMO_PASSWORD="demo-2020-2025")
def test_the_banner_names_the_site_and_every_login_once_it_answers(site_url):
    out = io.StringIO()
    call_command("announce_site", site_url, "--log", ".run/workers.log", stdout=out)
    text = out.getvalue()
    assert f"Site:  {site_url}/" in text and f"Admin: {site_url}/admin/" in text
    assert "password: demo-2020-2025" in text
    lines = {line.split()[0]: " ".join(line.split()[1:]) for line in text.splitlines()[4:12]}
    assert lines["tongbientap"] == "Tổng Biên tập"
    assert lines["photongbientap"] == "Phó Tổng Biên tập"
    assert lines["bananh"] == "Phóng viên ảnh"
    assert ".run/workers.log" in text


def test_the_banner_waits_and_then_says_the_site_did_not_answer():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(CommandError, match="did not answer"):
        call_command("announce_site", f"http://127.0.0.1:{port}", "--timeout", "1")


@pytest.mark.django_db
@override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE)
def test_development_shows_the_sites_own_error_pages(demo):
    assert "editorial.dev_errors.ReaderErrorPagesMiddleware" in dev.MIDDLEWARE
    client = Client(raise_request_exception=False)
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()
    assert "Django tried these URL patterns" not in missing.content.decode()

    client.force_login(get_user_model().objects.get(username="tongbientap"))
    crash = client.get(reverse("wagtailadmin_error_test"))
    assert crash.status_code == 500
    assert "Traceback" not in crash.content.decode()
    assert 'lang="vi"' in crash.content.decode()
