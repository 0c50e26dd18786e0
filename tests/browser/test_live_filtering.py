"""Live filtering in Chromium: htmx swaps the results, pushes the URL, announces the count."""

from __future__ import annotations

import re
from collections.abc import Iterator

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


# --- Back and Forward with the browser's HTTP cache ----------------------------------------


@pytest.fixture
def cached(page: Page, base_url) -> Iterator[Page]:
    """The page with Chromium's HTTP cache at work, as in a reader's browser. Playwright's
    request interception (the offline guard in conftest.py) turns that cache off, so here
    the guard watches requests instead of intercepting them."""
    page.unroute("**/*")
    elsewhere: list[str] = []
    page.on("request", lambda r: r.url.startswith(base_url + "/") or elsewhere.append(r.url))
    yield page
    assert elsewhere == []


def param(name: str, value: str) -> str:
    """A regular expression for `name=value` among a query string's parameters."""
    return rf"(.*&)?{name}={value}(&|$)"


SEARCH = r"/nl/updates/\?" + param("q", "%s")
ANTHROPIC = r"/en/updates/\?(?!.*maker=mistral)" + param("maker", "anthropic")
BOTH = r"/en/updates/\?.*maker=anthropic&maker=mistral(&|$)"
MODEL = r"/en/updates/\?" + param("tag", "model")


def travel(page: Page, step) -> None:
    """Go back or forward (`step`), then wait until the document shown is not the one left:
    a marker put in the body is gone once htmx has swapped in what it restored."""
    page.evaluate("document.body.append(Object.assign(document.createElement('i'), {id: 'left'}))")
    step()
    expect(page.locator("#left")).to_have_count(0)


def expect_whole_page(page: Page, url: str, teasers: int | None = None) -> None:
    """The address is `url` (a regular expression) and the body is the whole page, not the
    results block alone: htmx restores history by asking the server with HX-Request."""
    expect(page).to_have_url(re.compile(url))
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("form.filters")).to_have_count(1)
    expect(page.locator("#results")).to_have_count(1)
    if teasers is not None:
        expect(page.locator("#results .teasers > li")).to_have_count(teasers)


def test_back_and_forward_after_live_searches(cached: Page):
    cached.goto("/nl/updates/")
    search = cached.get_by_label("Zoeken in deze updates")
    status = cached.locator("#results-status")
    found = {}
    for query in ("Gemini", "Claude"):
        search.fill(query)
        expect(cached).to_have_url(re.compile(SEARCH % query))
        expect(status).to_have_text(re.compile(r"^\d+ updates?$"))
        found[query] = int(status.inner_text().split()[0])
        assert 0 < found[query] < 20

    travel(cached, cached.go_back)
    expect_whole_page(cached, SEARCH % "Gemini", found["Gemini"])
    expect(search).to_have_value("Gemini")
    travel(cached, cached.go_back)
    expect_whole_page(cached, r"/nl/updates/$", 20)
    expect(search).to_have_value("")
    travel(cached, cached.go_forward)
    expect_whole_page(cached, SEARCH % "Gemini", found["Gemini"])
    travel(cached, cached.go_forward)
    expect_whole_page(cached, SEARCH % "Claude", found["Claude"])
    expect(search).to_have_value("Claude")


def test_back_and_forward_after_filter_clicks(cached: Page):
    cached.goto("/en/updates/")
    open_filters(cached)
    cached.get_by_label("Anthropic").check()
    expect(cached).to_have_url(re.compile(ANTHROPIC))
    expect(cached.locator("#results .teaser .maker").first).to_have_text("Anthropic")
    cached.get_by_label("Mistral AI").check()
    expect(cached).to_have_url(re.compile(BOTH))
    expect(cached.locator("#results .teaser .maker", has_text="Mistral AI").first).to_be_visible()

    travel(cached, cached.go_back)
    expect_whole_page(cached, ANTHROPIC)
    assert set(cached.locator("#results .teaser .maker").all_inner_texts()) == {"Anthropic"}
    travel(cached, cached.go_back)
    expect_whole_page(cached, r"/en/updates/$", 20)
    travel(cached, cached.go_forward)
    expect_whole_page(cached, ANTHROPIC)
    expect(cached.get_by_label("Anthropic")).to_be_checked()
    travel(cached, cached.go_forward)
    expect_whole_page(cached, BOTH)
    expect(cached.get_by_label("Mistral AI")).to_be_checked()


def test_back_and_forward_after_more_updates(cached: Page):
    cached.goto("/en/updates/")
    teasers = cached.locator("#results .teasers > li")
    more = cached.locator("#more-link a")
    open_filters(cached)
    cached.locator("#f-tag-model").check()
    expect(cached).to_have_url(re.compile(MODEL))
    expect(cached.locator("#results-status")).to_have_text("38 updates")
    more.click()
    expect(teasers).to_have_count(38)

    travel(cached, cached.go_back)
    expect_whole_page(cached, r"/en/updates/$", 20)
    travel(cached, cached.go_forward)
    expect_whole_page(cached, MODEL, 20)
    more.click()  # the restored page works as before
    expect(teasers).to_have_count(38)
    cached.locator("#results .teaser-title a").last.click()  # a page of its own
    expect(cached.locator("#update-title")).to_have_count(1)
    travel(cached, cached.go_back)
    expect_whole_page(cached, MODEL)


def test_the_address_bar_shows_the_canonical_address_of_a_live_search(page: Page, base_url):
    """The form sends every field, empty or at its default; the address bar shows only what
    narrows the results, in one order, the same address as a bookmark or a shared link."""
    page.goto("/en/updates/")
    page.evaluate("window.__sameDocument = true")
    status = page.locator("#results-status")
    page.get_by_label("Search in these updates").press_sequentially("Code of Practice", delay=40)
    expect(page).to_have_url(base_url + "/en/updates/?q=Code+of+Practice")
    expect(status).to_have_text(re.compile(r"^\d+ updates?$"))
    open_filters(page)
    page.get_by_label("OpenAI").check()
    expect(page).to_have_url(base_url + "/en/updates/?maker=openai&q=Code+of+Practice")
    page.get_by_label("Sort").select_option("important")
    expect(page).to_have_url(
        base_url + "/en/updates/?maker=openai&q=Code+of+Practice&sort=important"
    )
    page.get_by_label("Sort").select_option("newest")  # the default: not in the address
    expect(page).to_have_url(base_url + "/en/updates/?maker=openai&q=Code+of+Practice")
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    expect(page.locator("#results .teaser-title").first).to_contain_text("Code of Practice")
