"""Browser journeys: a live server on 127.0.0.1, one Chromium for all of them, a fresh
browser context per test, real logins, screenshots and axe-core.

Adding a journey: see tests/e2e/README.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e import harness, story

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

E2E_DIR = Path(__file__).resolve().parent
# Set on a journey whose test body failed, so its pages are photographed before closing.
_FAILED = pytest.StashKey[bool]()


def _is_e2e(item: pytest.Item) -> bool:
    return E2E_DIR in Path(item.path).parents


def pytest_configure(config: pytest.Config) -> None:
    # pytest-django's live server would listen on "localhost"; the issue asks for 127.0.0.1
    # (and IPv6 "localhost" can differ from what Chromium resolves).
    if not config.getoption("liveserver", default=None):
        config.option.liveserver = "127.0.0.1"


class BrowserTestsSkipped(pytest.Item):
    """Stands in for every browser journey on a machine without a browser: one skip, one line."""

    def __init__(self, *, reason: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.reason = reason

    def runtest(self) -> None:
        pytest.skip(self.reason)

    def reportinfo(self):
        return E2E_DIR, None, self.name


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Without a browser, replace every browser journey by one skip with one line.

    (They run last anyway: ``tests/conftest.py`` groups tests by database state.)
    """
    journeys = [item for item in items if _is_e2e(item)]
    if not journeys:
        return
    reason = harness.browser_missing_reason()
    if reason is None or harness.REQUIRED:
        # With E2E_REQUIRED (CI) they stay, and the `browser` fixture fails them loudly.
        return
    items[:] = [item for item in items if not _is_e2e(item)]
    config.hook.pytest_deselected(items=journeys)
    items.append(
        BrowserTestsSkipped.from_parent(
            session,
            name="tests/e2e",
            reason=f"{len(journeys)} browser tests skipped: {reason}",
        )
    )


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every journey in this package (starting it costs ~1 s)."""
    reason = harness.browser_missing_reason()
    if reason:
        pytest.fail(f"browser tests cannot run (E2E_REQUIRED is set): {reason}")

    from django.db import connections
    from playwright.sync_api import expect, sync_playwright

    # expect() waits 5 s by default; CI shares two cores with the live server and Chromium.
    expect.set_options(timeout=harness.EXPECT_TIMEOUT_MS)

    # Playwright's sync API parks a "running" asyncio loop on this thread (it switches to it
    # with greenlets). Django then takes the thread for async code, which breaks two things:
    # 1. its async-safety guard refuses every ORM call (data setup, the flush between
    #    tests). Nothing runs on that loop while our code runs, so the guard is lifted for
    #    as long as the browser lives, and restored after;
    # 2. `connections` switches to per-context storage and would open a second connection
    #    in this thread, one without the serialized rollback data and not the one shared
    #    with the live server's thread on in-memory SQLite. So we pin the connections this
    #    thread already had.
    pinned = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    for alias, connection in pinned.items():
        connections[alias] = connection
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(harness.CHROMIUM), args=harness.CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def live_server_class() -> Iterator[None]:
    """On in-memory SQLite, the live server's request threads share the test's one
    database connection. Two requests at once (the page editor autosaves or pings its
    editing session while a person submits) then interleave their transactions on it
    and one fails. Serve one request at a time there; a file or server database keeps
    Django's threaded server as it is."""
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.test.testcases import LiveServerThread

    class SharedConnectionServer(ThreadedWSGIServer):
        def set_app(self, application):
            if self.connections_override:  # only set for in-memory SQLite
                application = harness.one_request_at_a_time(application)
            super().set_app(application)

    previous = LiveServerThread.server_class
    LiveServerThread.server_class = SharedConnectionServer
    yield
    LiveServerThread.server_class = previous


@pytest.fixture
def site(live_server_class, live_server, demo) -> str:
    """The demo newsroom (``load_demo``) served live; returns its base URL.

    ``live_server`` makes the test transactional (the server's threads must see committed
    data): the demo state is restored from its snapshot before each journey.
    """
    return live_server.url


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[_FAILED] = True
    return report


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> harness.Screens:
    """Numbered screenshots under test-artifacts/screenshots/<journey>/[<param>/].

    The journey is the test's ``@pytest.mark.journey("name")``, else the test's own name;
    a parametrized test gets one subfolder per parameter (e.g. ``reader-home/phone``).
    """
    marker = request.node.get_closest_marker("journey")
    journey = marker.args[0] if marker else request.node.originalname
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None:
        journey = f"{journey}/{callspec.id}"
    return harness.Screens(journey)


@pytest.fixture
def open_page(
    browser: Browser, site: str, shots: harness.Screens, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Page]]:
    """``open_page(viewport=harness.PHONE)``: a page in a fresh context (own cookies, own
    login), Vietnamese locale and Hà Nội time, relative URLs resolved against the live site.
    A failing journey leaves a screenshot of every page it had open."""
    contexts: list[BrowserContext] = []

    def _open(viewport: dict[str, int] = harness.DESKTOP) -> Page:
        context = browser.new_context(
            base_url=site,
            viewport=viewport,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
        )
        context.set_default_timeout(harness.STEP_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield _open

    failed = request.node.stash.get(_FAILED, False)
    for index, context in enumerate(contexts):
        if failed:
            for page in context.pages:
                path = shots.folder / f"failure-{index}.png"
                page.screenshot(path=str(path), full_page=True)
        context.close()


@pytest.fixture
def page(open_page) -> Page:
    """A desktop-sized page on the live site, nobody logged in."""
    return open_page()


@pytest.fixture
def sign_in(demo_password: str) -> Callable[[Page, str], Page]:
    """``sign_in(page, "bananh")``: log in through the admin's login form."""

    def _sign_in(page: Page, username: str) -> Page:
        return harness.sign_in(page, username, demo_password)

    return _sign_in


# --- The story the role journeys tell (tests/e2e/story.py) ------------------------------
# Each fixture is the previous journey's outcome, built with model-level actions on top
# of the demo, so a journey starts where the last one ended without replaying it.


@pytest.fixture
def commissioned(site) -> story.Filed:
    """The briefing's assignment, commissioned to the journalist (after journey 1)."""
    return story.commissioned()


@pytest.fixture
def submitted(site, request: pytest.FixtureRequest) -> story.Filed:
    """The written article, submitted to its topic's pipeline (after journey 2).

    Parametrize it indirectly with a ``story.Commission`` for another topic's route.
    """
    return story.submitted(getattr(request, "param", story.STORY))


@pytest.fixture
def published(site) -> story.Filed:
    """The article, live under its topic's hub with its credited photo (after journey 3)."""
    return story.published()


@pytest.fixture
def awaiting_sign_off(site) -> story.Filed:
    """The article approved by its named editor, waiting for the editor-in-chief."""
    return story.awaiting_sign_off()
