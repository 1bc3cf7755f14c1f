"""Content-Security-Policy (strict for readers, what Wagtail needs for the admin),
Permissions-Policy, and no server version (editorial/security_headers.py)."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from editorial import security_headers
from tests.factories import CreditedImageFactory, make_article, site_tree
from tests.support.redis_server import free_port

ROOT = Path(__file__).resolve().parent.parent
VIDEO = "https://www.youtube.com/watch?v=demo"


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def article(db):
    Embed.objects.create(
        url=VIDEO, hash=get_embed_hash(VIDEO), type="video", provider_name="YouTube",
        html='<iframe width="200" height="113" src="https://www.youtube.com/embed/demo" '
             'allowfullscreen title="Video"></iframe>',
        width=200, height=113, last_updated=timezone.now(),
    )  # fmt: skip
    tree = site_tree()
    photo = CreditedImageFactory()
    body = [
        ("paragraph", "<p>Đoạn văn.</p>"),
        ("image", {"image": photo, "caption": ""}),
        ("quote", {"text": "Trích dẫn", "attribution": "Đồng chí"}),
        ("fact_box", {"title": "Chương trình", "body": "<p>Năm nội dung.</p>"}),
        ("embed", VIDEO),
    ]
    return make_article(tree["hubs"][0], "Đảng bộ EVN", hero=photo, body=body, tags=["evn"])


def reader_urls(article) -> list[str]:
    return ["/", article.url, article.get_parent().url, "/tim-kiem/?q=evn", "/tim-kiem/goi-y/?q=da",
            "/rss/", "/robots.txt", "/khong-co-trang-nay/"]  # fmt: skip


def test_reader_pages_have_the_strict_policy(client, article):
    for url in reader_urls(article):
        response = client.get(url)
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert "https://www.youtube.com" in policy["frame-src"], url
        assert not any("unsafe" in source for sources in policy.values() for source in sources)


def test_reader_pages_need_nothing_inline(client, article):
    """What keeps the strict policy honest: no inline script, style element or attribute."""
    for url in ["/", article.url, article.get_parent().url, "/tim-kiem/?q=evn"]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        inline = [s for s in soup.find_all("script")
                  if not s.get("src") and s.get("type") != "application/ld+json"]  # fmt: skip
        assert inline == [], url
        assert soup.find_all("style") == [], url
        assert soup.select("[style]") == [], url
        assert not [
            tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]
    assert 'src="https://www.youtube.com/embed/demo"' in client.get(article.url).content.decode()


def test_admin_has_its_own_policy(admin_client, article):
    for url in ["/admin/", f"/admin/pages/{article.pk}/edit/", "/admin/bao-cao/bai-viet/"]:
        policy = directives(admin_client.get(url))
        assert policy["default-src"] == ["'self'"], url
        # Measured in Chromium: Wagtail 8 needs inline scripts and styles, never eval
        # nor another origin's scripts.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["frame-ancestors"] == ["'self'"], url  # the editor's live preview
        assert policy["object-src"] == ["'none'"], url
    login = directives(admin_client.get("/admin/login/"))
    assert login["form-action"] == ["'self'"]


def test_permissions_policy_everywhere(client, admin_client, article):
    for response in [client.get("/"), client.get(article.url), admin_client.get("/admin/")]:
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy


def test_media_on_another_origin_is_allowed(settings):
    settings.MEDIA_URL = "https://media.tapchicongsan.example/uploads/"
    assert "img-src 'self' data: https://media.tapchicongsan.example;" in (
        security_headers.reader_policy()
    )
    assert "https://media.tapchicongsan.example" in security_headers.admin_policy()


def test_gunicorn_sends_no_version(tmp_path):
    """`make serve`'s server: its Server header names no version (the proxy hides it too)."""
    port = free_port()
    environ = os.environ | {
        "DJANGO_SETTINGS_MODULE": "editorial.settings.production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "editorial.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1"],
        cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/robots.txt",
            headers={"X-Forwarded-Proto": "https"},  # as the TLS proxy sends it
        )
        # The master accepts as soon as it binds; the worker may still be loading Django
        # (slow on a busy machine), so the first answer gets a generous wait.
        response = urllib.request.urlopen(request, timeout=60)
        assert response.status == 200
        headers = response.headers
        assert headers["Server"] == "gunicorn"
        assert not re.search(r"\d", headers["Server"])
    finally:
        server.terminate()
        server.wait(timeout=10)
