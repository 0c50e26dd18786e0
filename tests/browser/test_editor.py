"""An editor writes and publishes an update in both languages; a reader then finds it."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TITLE = {
    "en": "Zephyrine agents reach general availability",
    "nl": "Zephyrine-agenten algemeen beschikbaar",
}


def log_in(page: Page, base_url: str, account, target: str = "/en/editor/") -> None:
    page.goto(target)
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"/\w\w/editor/login\?next="))
    page.locator("#username").fill(account[0])
    page.locator("#password").fill(account[1])
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(base_url + target)


def test_an_editor_publishes_in_both_languages_and_a_reader_finds_it(
    page: Page, base_url, browser, editor_credentials
):
    log_in(page, base_url, editor_credentials)
    page.get_by_role("link", name="New update").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New update")
    page.get_by_label("AI maker").select_option(label="Anthropic")
    page.get_by_label("Source URL").fill("https://www.anthropic.com/news/zephyrine")
    texts = {
        "en": ("Zephyrine agents are **generally available** today.", "Worth a look for teams."),
        "nl": ("Zephyrine-agenten zijn vandaag **algemeen beschikbaar**.", "Het bekijken waard."),
    }
    for lang, (body, impact) in texts.items():
        page.locator(f"#{lang}-title").fill(TITLE[lang])
        page.locator(f"#{lang}-lede").fill(TITLE[lang] + ".")
        page.locator(f"#{lang}-body").fill(body)
        page.locator(f"#{lang}-impact").fill(impact)
        page.locator(f"#{lang}-takeaways").fill("One\nTwo\nThree")
    # The live preview shows the Markdown as readers will see it.
    expect(page.locator("#en-preview strong")).to_have_text("generally available")
    expect(page.locator("#nl-preview strong")).to_have_text("algemeen beschikbaar")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator(".meta .badge")).to_have_text("Published")

    reader = browser.new_context(base_url=base_url, locale="nl-NL")
    try:
        reading = reader.new_page()
        reading.goto("/nl/updates/?q=Zephyrine")
        reading.get_by_role("link", name=TITLE["nl"]).first.click()
        expect(reading.get_by_role("heading", level=1)).to_have_text(TITLE["nl"])
        expect(reading.locator(".prose strong")).to_have_text("algemeen beschikbaar")
        reading.locator("nav.lang-switch").get_by_role("link", name="English").click()
        expect(reading.get_by_role("heading", level=1)).to_have_text(TITLE["en"])
        assert not [c for c in reader.cookies() if c["name"] == "session"]
    finally:
        reader.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("where", ["login", "dashboard", "new", "new-with-errors", "products"])
def test_editor_pages_have_no_axe_violations(page: Page, base_url, editor_credentials, lang, where):
    if where == "login":
        page.goto(f"/{lang}/editor/login")
    else:
        log_in(page, base_url, editor_credentials, f"/{lang}/editor/")
    if where.startswith("new"):
        page.goto(f"/{lang}/editor/updates/new")
    if where == "products":
        page.goto(f"/{lang}/editor/products/")
    if where == "new-with-errors":
        page.locator("#source_url").fill("not a url")
        page.locator("button[value=publish]").click()
        expect(page.locator("#source_url")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_two_editors_one_update_then_delete_and_restore(page: Page, base_url, editor_credentials):
    """A save from a form opened before another save shows both versions; delete is undone."""
    log_in(page, base_url, editor_credentials)
    page.goto("/en/editor/updates/new")
    page.get_by_label("AI maker").select_option(label="Anthropic")
    page.get_by_label("Source URL").fill("https://www.anthropic.com/news/two-editors")
    page.locator("#en-title").fill("Two editors at work")
    page.locator("#en-lede").fill("The first lede.")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    edit_url = page.url

    other = page.context.new_page()  # a second editor's tab, same update
    other.goto(edit_url)
    other.locator("#en-lede").fill("The other editor's lede.")
    other.get_by_role("button", name="Save as draft").click()
    expect(other.locator(".flashes")).to_contain_text("Saved.")
    other.close()

    page.locator("#en-title").fill("Two editors at work, merged")
    page.get_by_role("button", name="Save as draft").click()
    expect(
        page.get_by_role("heading", name="This update changed after you opened it")
    ).to_be_visible()
    expect(page.locator("#en-title")).to_have_value("Two editors at work, merged")
    row = page.locator(".conflict tr", has_text="Lede (English)")
    expect(row).to_contain_text("The other editor's lede.")
    expect(row).to_contain_text("The first lede.")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.locator("#en-lede").fill("The other editor's lede.")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator("#en-title")).to_have_value("Two editors at work, merged")

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("checkbox").first).not_to_be_checked()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.goto(edit_url)
    page.get_by_role("link", name="Delete", exact=True).click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.locator(".flashes")).to_contain_text("The update was deleted.")
    page.get_by_role("link", name="Deleted updates").click()
    restore = page.get_by_role("button", name="Restore as a draft (Two editors at work, merged)")
    expect(restore).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    restore.click()
    expect(page.locator(".flashes")).to_contain_text("The update is back, as a draft.")
    expect(page.locator(".meta .badge")).to_have_text("Draft")
