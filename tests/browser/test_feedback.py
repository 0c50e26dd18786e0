"""Sending feedback in Chromium: htmx swaps in the thank-you and focuses it; no JS works too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EU_SLUG = "the-eu-code-of-practice-and-future-of-ai-in-europe"
THANKS = {"en": "Thank you! Every message is read", "nl": "Bedankt! We lezen elk bericht"}
SEND = {"en": "Send feedback", "nl": "Feedback versturen"}
LABEL = {"en": "What should we cover next?", "nl": "Wat moeten we hierna volgen?"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_feedback_is_thanked_in_place_with_focus_on_the_thank_you(page: Page, lang):
    page.goto(f"/{lang}/updates/{EU_SLUG}/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_label(LABEL[lang]).fill("More about open-weight models, please.")
    page.get_by_role("button", name=SEND[lang]).click()

    thanks = page.locator("#feedback-form-thanks")
    expect(thanks).to_contain_text(THANKS[lang])
    expect(thanks).to_have_attribute("role", "status")  # announced by screen readers
    expect(thanks).to_be_focused()
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    expect(page).to_have_url(re.compile(rf"/{lang}/updates/{EU_SLUG}/$"))


def test_invalid_feedback_keeps_the_text_and_focuses_the_field(page: Page):
    page.goto(f"/en/updates/{EU_SLUG}/")
    page.evaluate("window.__sameDocument = true")
    field = page.get_by_label(LABEL["en"])
    field.fill("  no")
    page.get_by_role("button", name=SEND["en"]).click()

    expect(page.locator("#feedback-message-error")).to_have_text(
        "Please write at least 3 characters."
    )
    expect(field).to_have_value("no")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    assert page.evaluate("window.__sameDocument") is True

    field.fill("Now it is long enough.")
    page.get_by_role("button", name=SEND["en"]).click()
    expect(page.locator("#feedback-form-thanks")).to_be_focused()


def test_one_click_vote_is_thanked_in_place(page: Page):
    page.goto(f"/nl/updates/{EU_SLUG}/")
    page.locator("#useful").get_by_role("button", name="Ja").click()
    thanks = page.locator("#useful-thanks")
    expect(thanks).to_have_text("Bedankt voor je reactie.")
    expect(thanks).to_be_focused()


def test_feedback_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url, locale="en-GB")
    page = context.new_page()
    page.goto("/en/makers/openai/")
    field = page.get_by_label(LABEL["en"])
    field.fill("x")
    page.get_by_role("button", name=SEND["en"]).click()
    expect(page.locator("#feedback-message-error")).to_be_visible()
    expect(field).to_have_value("x")  # the page again, with what the reader typed

    field.fill("Please cover their pricing changes.")
    page.get_by_role("button", name=SEND["en"]).click()
    expect(page).to_have_url(re.compile(r"/en/makers/openai/\?feedback=sent#feedback$"))
    expect(page.locator("#feedback-form-thanks")).to_contain_text(THANKS["en"])

    page.goto(f"/en/updates/{EU_SLUG}/")
    page.locator("#useful").get_by_role("button", name="No").click()
    expect(page).to_have_url(re.compile(r"\?feedback=voted#useful$"))
    expect(page.locator("#useful-thanks")).to_be_visible()
    context.close()
