"""A live server with the demo content, and Debian's Chromium for pytest-playwright."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy.pool import NullPool
from werkzeug.serving import make_server

from portal import create_app
from portal.demo.seed import seed_demo
from portal.editor.accounts import hash_password
from portal.extensions import db
from portal.models import Editor

CHROMIUM = Path("/usr/bin/chromium")
EDITOR = ("browser-editor", "a long browser password")  # an account on the live server
CHIEF = ("browser-chief", "a long chief password")  # a chief (review before publishing)


SERVED: dict = {}  # base URL → the app served there, for tests that prepare data through it


@pytest.fixture(scope="session")
def live_app(live_server):
    """The app the live server serves (its commands, its database)."""
    return SERVED[live_server]


@contextmanager
def serving(database: str, **config) -> Iterator[str]:
    """Serve a seeded app (with `config`) on 127.0.0.1 from a daemon thread; yield its base
    URL."""
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database,
            # One connection per request, opened and closed in the server thread.
            "SQLALCHEMY_ENGINE_OPTIONS": {"poolclass": NullPool},
            "SITE_URL": "https://portal.example",
            # Every browser test posts from 127.0.0.1: the readers' limit is not under test.
            "FEEDBACK_RATE_LIMIT": "1000 per minute",
            "SUBSCRIBE_RATE_LIMIT": "1000 per minute",
            **config,
        }
    )
    with app.app_context():
        seed_demo()
        db.session.add(Editor(username=EDITOR[0], password_hash=hash_password(EDITOR[1])))
        db.session.add(
            Editor(username=CHIEF[0], password_hash=hash_password(CHIEF[1]), role="chief")
        )
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    SERVED[url] = app
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(compiled_catalogs, tmp_path_factory, template, live_smtp) -> Iterator[str]:
    """The seeded site, served; its base URL. Digests are on, sending to `live_smtp`
    (tests/browser/test_digests.py reads it).

    Its database is a SQLite file, or this worker's own PostgreSQL database when the
    suite runs against TEST_DATABASE_URL."""
    with serving(
        template.copy("live", tmp_path_factory.mktemp("live")),
        SMTP_URL=f"smtp://127.0.0.1:{live_smtp.port}",
        MAIL_FROM="digest@portal.example",
    ) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(the browser tests never download a Playwright browser)",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args) -> dict:
    """An English-speaking reader, so that `/` leads to /en/."""
    return {**browser_context_args, "locale": "en-GB"}


@pytest.fixture(autouse=True)
def _stay_offline(page, base_url):
    """Abort every request the page makes to anything but the live server."""

    def route(r):
        if r.request.url.startswith(base_url + "/"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)


@pytest.fixture(scope="session")
def editor_credentials(live_server) -> tuple[str, str]:
    """(username, password) of the editor account on the live server."""
    return EDITOR


@pytest.fixture(scope="session")
def chief_credentials(live_server) -> tuple[str, str]:
    """(username, password) of the chief's account on the live server."""
    return CHIEF


@pytest.fixture
def chief_page(browser, base_url, chief_credentials) -> Iterator[Page]:
    """A second browser, logged in as the chief, who turns review on and off again after."""
    from browser.test_editor import log_in

    context = browser.new_context(base_url=base_url, locale="en-GB")
    page = context.new_page()
    log_in(page, base_url, chief_credentials)
    page.get_by_role("button", name="Turn review on").click()
    expect(page.locator(".flashes")).to_contain_text("Review before publishing is on")
    try:
        yield page
    finally:
        page.goto("/en/editor/")
        page.get_by_role("button", name="Turn review off").click()
        expect(page.locator(".flashes")).to_contain_text("Review before publishing is off")
        context.close()


# Report every Content-Security-Policy violation through the console, where the fixture
# below collects it (an init script runs before the page's own scripts, whatever the CSP).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture(autouse=True)
def csp_violations(page):
    """Every browser test fails if the page broke the Content-Security-Policy anywhere."""
    found: list[str] = []
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on(
        "console",
        lambda message: found.append(message.text) if "CSP violation" in message.text else None,
    )
    yield found
    assert found == [], found


@pytest.fixture
def unrouted_page(browser, browser_context_args) -> Iterator[Page]:
    """A new reader's page in a context of its own, without request routing: while any route
    is on, Playwright aborts every request for /favicon.ico, so only here does the browser ask
    the live server for it as a reader's would. CSP violations are reported to its console."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    yield page
    context.close()


@pytest.fixture
def console_errors(unrouted_page) -> list[tuple[str, str]]:
    """(text, address) of every error the unrouted page logs to its console, failed loads and
    CSP violations included."""
    found: list[tuple[str, str]] = []
    unrouted_page.on(
        "console",
        lambda message: (
            found.append((message.text, message.location.get("url", "")))
            if message.type == "error"
            else None
        ),
    )
    return found
