"""The calendar of changes in Chromium: live filtering with htmx, and the same without
JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_ticking_a_kind_filters_the_calendar_live(page: Page):
    page.goto("/en/calendar/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Price change", exact=True).check()
    expect(page).to_have_url(re.compile(r"/en/calendar/\?kind=price$"))
    expect(page.locator("#results-status")).to_have_text(re.compile(r"^\d+ changes?$"))
    kinds = page.locator("#results .badge-kind")
    expect(kinds.first).to_have_text("Price change")
    expect(kinds.filter(has_not_text="Price change")).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True  # no reload happened


def test_the_calendar_filters_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/nl/calendar/")
    page.get_by_label("Anthropic", exact=True).check()
    page.get_by_label("Van").fill("2025-01-01")
    page.get_by_label("Tot").fill("2025-12-31")
    page.get_by_role("button", name="Wijzigingen tonen").click()
    expect(page).to_have_url(re.compile(r"maker=anthropic"))
    makers = page.locator("#results .change-maker")  # the new page may still be loading
    expect(makers.first).to_have_text("(Anthropic)")
    expect(makers.filter(has_not_text="Anthropic")).to_have_count(0)
    expect(page.locator("#results .change-products").first).to_contain_text("Claude")
    context.close()
