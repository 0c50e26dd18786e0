"""The Content-Security-Policy holds in a real browser: no page breaks it, htmx still works;
a first visit logs no console error (the icon included)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGES = [
    "/{lang}/",
    "/{lang}/updates/",
    "/{lang}/updates/?type=video",
    "/{lang}/makers/",
    "/{lang}/makers/openai/",
    "/{lang}/tags/model/",
    "/{lang}/no-such-page/",
    "/{lang}/editor/login",
]


def test_the_policy_is_sent_and_checked_by_the_browser(page: Page, csp_violations):
    response = page.goto("/en/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The browser enforces it: an injected inline style is refused and reported, which
    # proves the collector hears violations.
    with page.expect_console_message(lambda message: "CSP violation: style-src" in message.text):
        page.evaluate(
            """() => {
              const style = document.createElement("style");
              style.textContent = "body { color: red }";
              document.head.append(style);
            }"""
        )
    expect(page.locator("body")).not_to_have_css("color", "rgb(255, 0, 0)")
    assert any("style-src" in text for text in csp_violations)
    csp_violations.clear()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_page_type_breaks_the_policy(page: Page, lang, csp_violations):
    for path in PAGES:
        page.goto(path.format(lang=lang))
        expect(page.locator("main")).to_be_visible()
    # An update page, reached by a link, with its feedback form.
    page.goto(f"/{lang}/updates/")
    page.locator(".teasers h3 a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert csp_violations == []


def test_live_search_works_under_the_policy(page: Page, csp_violations):
    page.goto("/en/updates/")
    page.locator("#filter-q").fill("model")
    expect(page).to_have_url(re.compile(r"q=model"))
    expect(page.locator("#results")).to_contain_text("model", ignore_case=True)
    assert csp_violations == []


ICON = re.compile(r"/static/favicon\.[0-9a-f]{12}\.svg$")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_first_visit_logs_no_console_error(unrouted_page: Page, console_errors, lang):
    """A new reader's browser loads the icon the head links (no 404 for /favicon.ico), and
    no page type logs an error; the 404 page logs only its own status."""
    page = unrouted_page
    with page.expect_response(ICON) as icon:
        page.goto(f"/{lang}/")
    assert icon.value.status == 200
    assert icon.value.headers["content-type"].startswith("image/svg+xml")
    for path in PAGES:
        page.goto(path.format(lang=lang))
        expect(page.locator("head link[rel=icon]")).to_have_attribute("href", ICON)
        page.wait_for_load_state("networkidle")
    assert [(text, at) for text, at in console_errors if not at.endswith("/no-such-page/")] == []


def test_favicon_ico_is_an_image(unrouted_page: Page):
    """What a browser asks on its own for a page without an icon link (a feed, an image)."""
    unrouted_page.goto("/favicon.ico")
    expect(unrouted_page.locator(":root")).to_have_js_property("tagName", "svg")
