"""A third language in a real browser (LANGUAGES=en,nl,de): the switcher, German pages and
the three-language update form, each checked with axe-core."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from browser.conftest import EDITOR, serving

pytestmark = pytest.mark.browser

ENGLISH_ONLY = "/updates/chatgpt-enterprise-targets-the-corporate-desk/"


@pytest.fixture(scope="module")
def trilingual(compiled_catalogs, tmp_path_factory, template) -> Iterator[str]:
    """The seeded site in English, Dutch and German (the demo has no German text)."""
    database = template.copy("live_de", tmp_path_factory.mktemp("live_de"))
    with serving(database, LANGUAGES="en,nl,de") as url:
        yield url


@pytest.fixture
def site(page: Page, trilingual) -> str:
    """The page may reach the three-language server too; its base URL."""
    page.route(trilingual + "/**", lambda route: route.continue_())
    return trilingual


def no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_reader_switches_to_german_and_is_never_left_at_a_dead_end(page: Page, site):
    page.goto(site + "/en" + ENGLISH_ONLY)
    switcher = page.locator("nav.lang-switch")
    expect(switcher.get_by_role("link")).to_have_text(["English", "Nederlands", "Deutsch"])
    switcher.get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(site + "/de" + ENGLISH_ONLY)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dieses Update ist noch nicht übersetzt"
    )
    page.get_by_role("link", name="ChatGPT Enterprise targets the corporate desk").click()
    expect(page).to_have_url(site + "/en" + ENGLISH_ONLY)


@pytest.mark.parametrize(
    "path", ["/de/", "/de/updates/?q=Modelle", "/de" + ENGLISH_ONLY, "/de/no-such-page/"]
)
def test_german_pages_have_no_axe_violations(page: Page, site, path):
    page.goto(site + path)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    no_axe_violations(page)


def log_in(page: Page, site: str) -> None:
    page.goto(site + "/de/editor/login")
    page.locator("#username").fill(EDITOR[0])
    page.locator("#password").fill(EDITOR[1])
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(site + "/de/editor/")


def test_an_editor_chooses_a_pair_writes_german_and_saves_all_three(page: Page, site):
    log_in(page, site)
    page.goto(site + "/de/editor/updates/new")
    expect(page.locator(".languages > fieldset.language").first).to_have_attribute("lang", "en")
    no_axe_violations(page)  # English and Dutch side by side, German folded below

    page.get_by_label("Links").select_option(label="Deutsch")
    page.get_by_label("Rechts").select_option(label="Niederländisch")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page).to_have_url(site + "/de/editor/updates/new?pair=de&pair=nl")
    sides = page.locator(".languages > fieldset.language")
    expect(sides).to_have_count(2)
    expect(sides.first).to_have_attribute("lang", "de")
    expect(page.locator("details.language-more summary")).to_have_text(
        "Englisch (nicht nebeneinander)"
    )
    no_axe_violations(page)

    page.get_by_label("KI-Anbieter").select_option(label="Anthropic")
    page.get_by_label("Quell-URL").fill("https://www.anthropic.com/news/modelle")
    page.locator("#de-title").fill("Neue Sprachmodelle für Teams")
    page.locator("#de-body").fill("Die **Modelle** sind heute verfügbar.")
    expect(page.locator("#de-preview strong")).to_have_text("Modelle")
    page.locator("details.language-more summary").click()
    page.locator("#en-title").fill("New language models for teams")
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(page.locator(".flashes")).to_contain_text("Gespeichert.")
    expect(page).to_have_url(f"{site}/de/editor/updates/{page.url.split('/')[-2]}/?pair=de&pair=nl")
    expect(page.locator("#en-title")).to_have_value("New language models for teams")

    page.goto(site + "/de/updates/?q=Modell")
    page.get_by_role("link", name="Neue Sprachmodelle für Teams").click()
    expect(page.locator(".prose strong")).to_have_text("Modelle")


def test_a_refused_form_opens_the_folded_language_with_the_error(page: Page, site):
    log_in(page, site)
    page.goto(site + "/de/editor/updates/new?pair=de&pair=nl")
    page.locator("details.language-more summary").click()
    page.locator("#en-title").fill("A title")
    page.locator("#en-slug").fill("Not A Slug")
    page.get_by_role("button", name="Als Entwurf speichern").click()
    expect(page.locator("#en-slug")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("details.language-more")).to_have_attribute("open", "")
    no_axe_violations(page)
