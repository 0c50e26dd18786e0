"""Live filtering in Chromium: htmx swaps the results, pushes the URL, announces the count."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_filters(page: Page) -> None:
    page.locator("details.filter-box summary").click()


def test_ticking_a_filter_swaps_results_without_reload(page: Page):
    page.goto("/nl/updates/")
    page.evaluate("window.__sameDocument = true")
    open_filters(page)
    page.get_by_label("Anthropic").check()
    expect(page).to_have_url(re.compile(r"/nl/updates/\?.*maker=anthropic"))
    expect(page.locator("#results-status")).to_have_text(re.compile(r"^\d+ updates?$"))
    makers = page.locator("#results .teaser .maker")  # the URL is pushed before the swap
    expect(makers.first).to_have_text("Anthropic")
    expect(makers.filter(has_not_text="Anthropic")).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    expect(page.get_by_label("Anthropic")).to_be_checked()

    page.go_back()
    expect(page).to_have_url(re.compile(r"/nl/updates/$"))
    expect(page.locator("#results .teaser .maker").filter(has_text="OpenAI").first).to_be_visible()


def test_filters_work_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/en/updates/")
    open_filters(page)
    page.get_by_label("Mistral AI").check()
    page.get_by_role("button", name="Show updates").click()
    expect(page).to_have_url(re.compile(r"maker=mistral"))
    makers = page.locator("#results .teaser .maker")  # the new page may still be loading
    expect(makers.first).to_have_text("Mistral AI")
    expect(makers.filter(has_not_text="Mistral AI")).to_have_count(0)
    context.close()


def test_more_updates_appends_in_place_and_keeps_focus(page: Page):
    page.goto("/en/updates/")
    teasers = page.locator("#results .teasers > li")
    expect(teasers).to_have_count(20)
    more = page.locator("#more-link a")
    more.focus()
    page.keyboard.press("Enter")
    expect(teasers).to_have_count(40)
    expect(page).to_have_url(re.compile(r"/en/updates/$"))
    expect(teasers.nth(20).locator("h3 a")).to_be_focused()  # the first new teaser


def test_typing_a_search_updates_results_and_back_restores_them(page: Page):
    page.goto("/nl/updates/")
    page.evaluate("window.__sameDocument = true")
    teasers = page.locator("#results .teasers > li")
    expect(teasers).to_have_count(20)

    page.get_by_label("Zoeken in deze updates").press_sequentially("Gemini", delay=40)
    expect(page).to_have_url(re.compile(r"/nl/updates/\?.*q=Gemini"))
    status = page.locator("#results-status")
    expect(status).to_have_text(re.compile(r"^([1-9]|1[0-9]) updates?$"))  # 1 to 19
    found = int(status.inner_text().split()[0])
    expect(teasers).to_have_count(found)
    expect(page.locator("#results .teaser-title").filter(has_text="Gemini").first).to_be_visible()
    expect(page.locator("#results mark").first).to_be_visible()  # the matched words
    assert page.evaluate("window.__sameDocument") is True  # no reload happened

    page.go_back()
    expect(page).to_have_url(re.compile(r"/nl/updates/$"))
    expect(teasers).to_have_count(20)
    expect(page.locator("#results mark")).to_have_count(0)
    expect(page.get_by_label("Zoeken in deze updates")).to_have_value("")


def test_a_failing_fragment_falls_back_to_loading_the_page(page: Page):
    """A 5xx on a live swap must not leave the reader with nothing: the page loads instead."""

    def fail_fragments(route):
        if route.request.headers.get("hx-request") == "true":
            route.fulfill(status=503, body="unavailable", content_type="text/plain")
        else:
            route.continue_()

    page.route("**/updates/?*", fail_fragments)
    page.goto("/nl/updates/")
    open_filters(page)
    page.get_by_label("Anthropic").check()
    expect(page).to_have_url(re.compile(r"/nl/updates/\?.*maker=anthropic"))
    makers = page.locator("#results .teaser .maker")
    expect(makers.first).to_have_text("Anthropic")
    expect(makers.filter(has_not_text="Anthropic")).to_have_count(0)
