"""What browser journeys share: the browser, viewports, screenshots, logins and axe-core.

Fixtures live in ``conftest.py`` beside this file; the plain functions and classes here
are what a journey calls while it clicks. Nothing here touches models: journeys set data
up through ``load_demo`` (the ``site`` fixture) and then act only through the browser.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

# Debian's Chromium: Playwright's own browser download cannot run on these machines.
# E2E_CHROMIUM points elsewhere (e.g. a developer's Chrome); E2E_REQUIRED=1 (set by .ci/run)
# turns a missing browser from a skip into a failure, so CI never passes without them.
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("E2E_REQUIRED", "").strip().lower() in {"1", "true", "yes", "on"}
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in CI; Chromium's sandbox refuses root
    "--disable-gpu",
    # The machine has no network beyond package registries: stop Chromium phoning home,
    # which otherwise floods refused connections and slows every start.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# Default wait for any one step. Generous for a shared 2-core CI machine; a journey that
# needs longer is doing something wrong.
STEP_TIMEOUT_MS = 30_000
EXPECT_TIMEOUT_MS = 20_000

# axe-core impact levels that fail a page.
BLOCKING_IMPACTS = frozenset({"serious", "critical"})


def browser_missing_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set E2E_CHROMIUM)"
    return None


def slug(text: str) -> str:
    """A file-system-safe name: "test_reader[phone]" -> "reader-phone"."""
    text = re.sub(r"^test_", "", text)
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


@dataclass
class Screens:
    """Numbered screenshots of one journey: test-artifacts/screenshots/<journey>/NN-name.png.

    The folder is emptied when the journey starts, so what is there is one run's story.
    """

    journey: str
    folder: Path = field(init=False)
    count: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.folder = SCREENSHOTS.joinpath(*(slug(part) for part in self.journey.split("/")))
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)

    def take(
        self, page: Page, name: str, *, full_page: bool = True, show: Locator | None = None
    ) -> Path:
        """Photograph the page; ``show`` scrolls that element into view first (Wagtail's
        admin scrolls inside its own panel, so a full-page shot is one screen there)."""
        if show is not None:
            show.scroll_into_view_if_needed()
        self.count += 1
        path = self.folder / f"{self.count:02d}-{slug(name)}.png"
        page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        return path


def sign_in(page: Page, username: str, password: str) -> Page:
    """Log in through the real /admin/login/ form, as a person types it, and land on the dashboard."""
    from django.contrib.auth import get_user_model
    from playwright.sync_api import expect

    from tests.e2e.ui import label, t

    page.goto("/admin/login/")
    page.get_by_label(label(get_user_model(), "username")).fill(username)
    # Wagtail's login form gives the password field no label of its own, so Django shows the
    # untranslated field name; accept the Vietnamese too, for when the form is localised.
    page.get_by_label(re.compile(r"Mật khẩu|Password")).fill(password)
    page.get_by_role("button", name=t("Sign in")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def accessibility_violations(page: Page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it stands now.

    axe-core comes from the axe-playwright-python wheel (pinned in the dev extra), so nothing
    third-party is vendored here and nothing is fetched at run time.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} node(s), e.g. {'; '.join(targets)}] {violation['helpUrl']}"
        )
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with a readable list when axe-core finds serious or critical violations."""
    violations = accessibility_violations(page)
    assert not violations, (
        f"axe-core: {len(violations)} serious/critical violation(s) on {page.url}:\n"
        + format_violations(violations)
    )


def one_request_at_a_time(application):
    """A WSGI app that handles one request at a time (see ``conftest.live_server_class``)."""
    import threading

    lock = threading.Lock()

    def serialized(environ, start_response):
        with lock:
            # The whole body and close() (Django's request_finished) inside the lock: a
            # response may still touch the database while it is read.
            result = application(environ, start_response)
            try:
                return list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()

    return serialized
