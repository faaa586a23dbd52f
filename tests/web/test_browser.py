"""The dashboard in headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright):
markers on the map, filtering by family, an event's highlighted sentence, and an analyst's
correction appearing in the history. The server is uvicorn in a thread on 127.0.0.1; every
request the browser makes elsewhere is blocked and fails the test.

Skipped when Chromium is missing, except with ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn

from sahelwatch.api import create_app
from sahelwatch.settings import load_settings
from sahelwatch.store import Author, Store, open_store

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
TIMEOUT_MS = 15_000

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium", allow_module_level=True)

from playwright.sync_api import Browser, Page, Route, expect, sync_playwright  # noqa: E402


@dataclass
class Running:
    base: str
    secret: str


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, sample_loader: Callable[[Store], object]
) -> Iterator[Running]:
    """The app over the sample events in a fresh SQLite file, served on a free local port."""
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'sample.db'}"
    store = open_store(url)
    sample_loader(store)
    _, secret = store.create_key("analyst", "Amina", Author("test"))
    settings = load_settings(environ={"SAHELWATCH_DB": url, "XDG_CONFIG_HOME": str(folder)})
    app = create_app(settings, store)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", http="h11", ws="none", lifespan="on")
    serving = uvicorn.Server(config)
    thread = threading.Thread(target=serving.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not serving.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert serving.started, "uvicorn did not start"
    try:
        yield Running(f"http://127.0.0.1:{port}", secret)
    finally:
        serving.should_exit = True
        thread.join(10)
        listener.close()
        store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Tab:
    """A page and what it did: requests blocked for leaving 127.0.0.1, script errors."""

    page: Page
    base: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def assert_clean(self) -> None:
        assert self.blocked == [], "requests outside 127.0.0.1"
        assert self.errors == [], "script errors"


@pytest.fixture
def tab(browser: Browser, server: Running) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    tab = Tab(context.new_page(), server.base)

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname in {"127.0.0.1", None}:
            route.continue_()
        else:
            tab.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab.page.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    try:
        yield tab
    finally:
        context.close()


def ready(tab: Tab) -> None:
    tab.page.wait_for_selector('body[data-ready="1"]')


def test_dashboard_shows_markers_timeline_and_list(tab: Tab) -> None:
    tab.open("/")
    ready(tab)

    markers = tab.page.locator("path.ev-marker, .cluster")
    expect(markers.first).to_be_visible()
    assert markers.count() >= 3
    expect(tab.page.locator("#rows tr")).to_have_count(6)
    assert tab.page.locator("#timeline svg rect").count() >= 6
    expect(tab.page.locator("#count")).to_contain_text("6 events")
    tab.assert_clean()


def test_filter_by_family_updates_map_list_and_url(tab: Tab) -> None:
    tab.open("/")
    ready(tab)

    tab.page.select_option("select[name=family]", "health")

    expect(tab.page).to_have_url(re.compile(r"family=health"))
    expect(tab.page.locator("#rows tr")).to_have_count(1)
    expect(tab.page.locator("#rows")).to_contain_text("Disease outbreak")
    expect(tab.page.locator("path.ev-marker")).to_have_count(1)
    tab.page.reload()
    ready(tab)
    expect(tab.page.locator("select[name=family]")).to_have_value("health")
    expect(tab.page.locator("#rows tr")).to_have_count(1)
    tab.assert_clean()


def test_open_an_event_and_see_the_highlighted_sentence(tab: Tab) -> None:
    tab.open("/")
    ready(tab)

    tab.page.locator("#rows a", has_text="Attack").click()

    expect(tab.page).to_have_url(re.compile(r"/events/inekar$"))
    mark = tab.page.locator("blockquote.evidence mark")
    expect(mark).to_contain_text("Plus de 30 civils ont été tués le 12 mars")
    expect(tab.page.locator("h1")).to_contain_text("Attack")
    tab.assert_clean()


def test_analyst_logs_in_corrects_a_field_and_sees_the_history(tab: Tab, server: Running) -> None:
    tab.open("/login?next=/events/inekar")
    tab.page.fill("input[name=key]", server.secret)
    tab.page.click("button[type=submit]")
    expect(tab.page).to_have_url(re.compile(r"/events/inekar$"))

    tab.page.select_option("#correct-field", "fatalities")
    expect(tab.page.locator("#correct-value")).to_have_value("30")
    tab.page.fill("#correct-value", "34")
    tab.page.fill("#correct input[name=note]", "hospital register")
    tab.page.click("#correct button[type=submit]")

    row = tab.page.locator('#fields tr[data-field="fatalities"]')
    expect(row).to_contain_text("34")
    expect(row).to_contain_text("machine value: 30")
    history = tab.page.locator("#history")
    expect(history).to_contain_text("Amina")
    expect(history).to_contain_text("Fatalities")
    expect(history).to_contain_text("hospital register")
    tab.assert_clean()


def test_phone_layout_fits_the_screen(browser: Browser, server: Running) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server.base + "/?lang=fr")
        page.wait_for_selector('body[data-ready="1"]', timeout=TIMEOUT_MS)
        expect(page.locator("#filters-toggle")).to_be_visible()
        expect(page.locator("#filters")).to_be_hidden()
        box = page.locator("#map").bounding_box()
        assert box is not None and box["width"] <= 390
        expect(page.locator(".timeline h2")).to_have_text("Événements par semaine")
    finally:
        context.close()
