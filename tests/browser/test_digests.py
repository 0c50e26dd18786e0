"""The weekly briefing and a digest subscription in Chromium: subscribe → the confirmation
link read from the SMTP server → confirm → manage → unsubscribe, in both languages; axe-core
on every page on the way."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TEXT = {
    "en": {
        "email": "Email address",
        "subscribe": "Subscribe",
        "sent": "Check your inbox",
        "confirm": "Confirm my subscription",
        "confirmed": "Your subscription is confirmed",
        "daily": "Daily",
        "save": "Save changes",
        "saved": "Your changes are saved.",
        "unsubscribe": "Unsubscribe",
        "done": "You are unsubscribed",
        "email_me": "Email me these updates",
    },
    "nl": {
        "email": "E-mailadres",
        "subscribe": "Aanmelden",
        "sent": "Kijk in je inbox",
        "confirm": "Mijn aanmelding bevestigen",
        "confirmed": "Je aanmelding is bevestigd",
        "daily": "Dagelijks",
        "save": "Wijzigingen opslaan",
        "saved": "Je wijzigingen zijn opgeslagen.",
        "unsubscribe": "Afmelden",
        "done": "Je bent afgemeld",
        "email_me": "Mail me deze updates",
    },
}


def no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}:\n{results.generate_report()}"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_briefing_pages_have_no_axe_violations(page: Page, lang):
    for url, shown in (
        (f"/{lang}/briefing/", "ol.briefing article"),
        (f"/{lang}/briefing/2025-W28/?maker=openai", "ol.briefing article"),
        (f"/{lang}/briefing/2025-W29/", ".briefing-changes article"),  # what changes, when
    ):
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator(shown).first).to_be_visible()
        no_axe_violations(page)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_subscribe_confirm_manage_unsubscribe(page: Page, base_url, live_smtp, lang):
    text, address = TEXT[lang], f"browser-{lang}@example.org"
    page.goto(f"/{lang}/updates/?maker=openai")
    page.get_by_role("link", name=text["email_me"]).click()
    expect(page).to_have_url(re.compile(rf"/{lang}/digests/\?maker=openai$"))
    no_axe_violations(page)

    page.get_by_label(text["email"]).fill(address)
    page.get_by_role("button", name=text["subscribe"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["sent"])
    no_axe_violations(page)

    [mail] = live_smtp.to(address)  # sent before the page answered
    confirm = re.search(r"https://portal\.example(/\S+/confirm/\S+/)", live_smtp.parts(mail)[0])
    page.goto(base_url + confirm[1])
    no_axe_violations(page)
    page.get_by_role("button", name=text["confirm"]).click()
    expect(page.locator("p.thanks")).to_contain_text(text["confirmed"])
    expect(page.get_by_label("OpenAI")).to_be_checked()
    no_axe_violations(page)

    page.get_by_label(text["daily"]).check()
    page.get_by_role("button", name=text["save"]).click()
    expect(page.locator("p.thanks")).to_have_text(text["saved"])
    expect(page.get_by_label(text["daily"])).to_be_checked()

    page.locator("main").get_by_role("link", name=text["unsubscribe"]).click()
    no_axe_violations(page)
    page.get_by_role("button", name=text["unsubscribe"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["done"])
    no_axe_violations(page)
