"""Review before publishing in a browser: a chief turns it on, an editor submits an
update, the chief publishes it; axe on every new state of the form and dashboard."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from browser.test_editor import log_in

pytestmark = pytest.mark.browser

TITLE = "Quillwort models learn to cite their sources"
BODY = "Quillwort now cites the pages it read. " + " ".join(["More detail follows."] * 30)


def no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_an_editor_submits_for_review_and_a_chief_publishes(
    page: Page, base_url, editor_credentials, chief_page: Page
):
    log_in(page, base_url, editor_credentials, "/en/editor/updates/new")
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)
    page.get_by_label("AI maker").select_option(label="Anthropic")
    page.get_by_label("Source URL").fill("https://www.anthropic.com/news/quillwort")
    page.locator("#en-title").fill(TITLE)
    page.locator("#en-body").fill(BODY)
    page.locator("#en-impact").fill("Easier to check what it says.")
    page.locator("#en-takeaways").fill("One\nTwo\nThree")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator(".meta .badge")).to_have_text("In review")
    no_axe_violations(page)

    chief_page.goto("/en/editor/")
    queue = chief_page.locator(".review-queue")
    expect(queue).to_contain_text("Waiting for your review (1)")
    no_axe_violations(chief_page)
    queue.get_by_role("link", name=TITLE).click()
    expect(chief_page.get_by_label("Comment for the editor")).to_be_visible()
    no_axe_violations(chief_page)
    chief_page.get_by_role("button", name="Publish now").click()
    expect(chief_page.locator(".meta .badge")).to_have_text("Published")

    page.goto("/en/updates/?q=Quillwort")
    expect(page.get_by_role("link", name=TITLE).first).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_review_and_checks_states_have_no_axe_violations(
    page: Page, base_url, editor_credentials, chief_page: Page, lang
):
    log_in(page, base_url, editor_credentials, f"/{lang}/editor/updates/new")
    page.get_by_label({"en": "AI maker", "nl": "AI-maker"}[lang]).select_option(label="Google")
    page.locator("#source_url").fill("ftp://example.com/paper.pdf")
    page.locator("#en-title").fill("An image without alt text")
    page.locator("#en-body").fill("![](https://example.com/c.png) [click here](https://a.nl/)")
    page.locator("button[value=review]").click()
    expect(page.locator("#checks-problem")).to_be_visible()
    expect(page.locator(".check-error")).to_have_count(2)
    no_axe_violations(page)
    page.goto(f"/{lang}/editor/")
    expect(page.locator(".review-queue")).to_be_visible()
    no_axe_violations(page)
