"""Reading the portal in a real browser: navigation, language switch, axe-core, keyboard."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EU_SLUG = "the-eu-code-of-practice-and-future-of-ai-in-europe"
EU_TITLE = "The EU Code of Practice and future of AI in Europe"
LANGS = ["en", "nl"]
# Seeded updates that exist in one language only: in the other one they show
# the "not translated yet" page.
UNTRANSLATED = {
    "en": "/en/updates/gemini-komt-eraan/",
    "nl": "/nl/updates/chatgpt-enterprise-targets-the-corporate-desk/",
}
GPT41_SLUG = "gpt-4-1-arrives-for-developers-with-a-million-token-window"  # records changes
PAGES = {
    "front": "/{lang}/",
    "listing": "/{lang}/updates/",
    "update": "/{lang}/updates/" + EU_SLUG + "/",
    "update-feedback-sent": "/{lang}/updates/" + EU_SLUG + "/?feedback=sent",
    "update-feedback-voted": "/{lang}/updates/" + EU_SLUG + "/?feedback=voted",
    "update-feedback-errors": "/{lang}/updates/" + EU_SLUG + "/",
    "untranslated": None,
    "makers": "/{lang}/makers/",
    "maker": "/{lang}/makers/openai/",
    "maker-feedback-sent": "/{lang}/makers/openai/?feedback=sent",
    "tag": "/{lang}/tags/model/",
    "404": "/{lang}/no-such-page/",
    "calendar": "/{lang}/calendar/",
    "calendar-filtered": "/{lang}/calendar/?from=2025-01-01&to=2025-12-31&kind=price",
    "products": "/{lang}/products/",
    "product": "/{lang}/products/gemini-1-5-pro/",
    "update-with-changes": "/{lang}/updates/" + GPT41_SLUG + "/",
}


def test_read_an_update_then_switch_to_dutch(page: Page, base_url):
    page.goto("/")
    expect(page).to_have_url(f"{base_url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("main").get_by_role("link", name=EU_TITLE).first.click()
    expect(page).to_have_url(f"{base_url}/en/updates/{EU_SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(EU_TITLE)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    signal = page.locator("section.signal")
    expect(signal).to_be_visible()
    expect(signal.get_by_role("heading", name="Why it matters")).to_be_visible()

    switch = page.locator("nav.lang-switch")
    expect(switch.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")
    switch.get_by_role("link", name="Nederlands").click()

    expect(page).to_have_url(re.compile(re.escape(base_url) + r"/nl/updates/[^/]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(switch.get_by_role("link", name="Nederlands")).to_have_attribute("aria-current", "true")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(
        page.locator("section.signal").get_by_role("heading", name="Waarom dit telt")
    ).to_be_visible()


@pytest.mark.parametrize("kind", list(PAGES))
@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violations(page: Page, lang, kind):
    url = UNTRANSLATED[lang] if kind == "untranslated" else PAGES[kind].format(lang=lang)
    response = page.goto(url)
    assert response is not None
    assert response.status == (404 if kind == "404" else 200), url
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if kind == "update-feedback-errors":  # a message too short: the form with its error
        page.locator("#feedback-message").fill("ab")
        page.locator("#feedback-form button[type=submit]").click()
        expect(page.locator("#feedback-message")).to_have_attribute("aria-invalid", "true")

    results = Axe().run(page)
    if results.violations_count:
        print(f"axe-core on {url}:\n{results.generate_report()}")
    assert results.violations_count == 0, f"{url}:\n{results.generate_report()}"


def test_skip_link_is_first_and_moves_focus_to_main(page: Page):
    page.goto(f"/en/updates/{EU_SLUG}/")

    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    expect(skip).to_have_attribute("href", "#main")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    main = page.locator("main")
    expect(main).to_be_focused()  # main has tabindex="-1": the link moves focus there
    # The next Tab lands on the first link inside main, not in the header.
    page.keyboard.press("Tab")
    expect(main.get_by_role("link").first).to_be_focused()
