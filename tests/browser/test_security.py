"""The Content-Security-Policy holds in a real browser: no page breaks it, htmx still works."""

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
    # The browser enforces it: an injected inline style and an inline script are refused
    # (and reported), which proves the collector hears violations.
    page.evaluate(
        """() => {
          const style = document.createElement("style");
          style.textContent = "body { color: red }";
          document.head.append(style);
        }"""
    )
    expect(page.locator("body")).not_to_have_css("color", "rgb(255, 0, 0)")
    page.wait_for_timeout(200)
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
