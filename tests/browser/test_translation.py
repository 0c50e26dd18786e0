"""An editor turns an English-only update into a saved Dutch draft with machine
translation (a local DeepL stand-in), and the translation pages pass axe."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from translation_fakes import Fake

from browser.test_editor import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def deepl(live_app):
    fake = Fake("deepl", key="browser-key:fx")
    live_app.config.update(DEEPL_API_KEY="browser-key:fx", DEEPL_API_URL=fake.url)
    yield fake
    live_app.config.update(DEEPL_API_KEY="", DEEPL_API_URL="")
    fake.close()


def no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_an_editor_saves_a_machine_translated_dutch_draft(
    page: Page, base_url, editor_credentials, deepl
):
    log_in(page, base_url, editor_credentials, "/en/editor/updates/new")
    page.get_by_label("AI maker").select_option(label="Anthropic")
    page.get_by_label("Source URL").fill("https://www.anthropic.com/news/quillfeather")
    page.locator("#en-title").fill("Quillfeather model writes code")
    page.locator("#en-lede").fill("Fast and safe.")
    page.locator("#en-body").fill(
        "The **new** model writes code; read [the post](https://example.com/new)."
    )
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator("#nl-title")).to_have_value("")

    page.get_by_role("button", name="Translate from English", exact=True).click()
    expect(page.locator("#nl-translation [role=status]")).to_contain_text(
        "Machine-translated drafts from English are in the form"
    )
    expect(page.locator("#nl-title")).to_have_value("Quillfeather model schrijft code")
    expect(page.locator("#nl-body")).to_have_value(
        "De **nieuwe** model schrijft code; lees [de bericht](https://example.com/new)."
    )
    no_axe_violations(page)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator("#nl-title")).to_have_value("Quillfeather model schrijft code")
    expect(page.locator("#nl-translation .field-state").first).to_contain_text("machine-translated")
    no_axe_violations(page)

    # The English changes: the Dutch title is marked outdated, with what changed.
    page.locator("#en-title").fill("Quillfeather model writes safe code")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator("#nl-translation .field-outdated ins")).to_have_text("safe")
    no_axe_violations(page)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("where", ["translations/", "glossary/"])
def test_translation_pages_have_no_axe_violations(
    page: Page, base_url, editor_credentials, lang, where
):
    log_in(page, base_url, editor_credentials, f"/{lang}/editor/{where}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    no_axe_violations(page)
