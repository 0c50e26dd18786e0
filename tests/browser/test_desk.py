"""The import desk in a browser: groups from several makers' feeds, a draft from a group,
a suggestion accepted with one click, dismiss and undo; axe in both languages; and the
whole flow, from a group to a draft with its suggestions accepted, submitted for review by
an editor and published by a chief (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from browser.test_editor import log_in

pytestmark = pytest.mark.browser
FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds" / "desk"
AZURE = "Introducing GPT-4o: OpenAI's new flagship multimodal model now in preview on Azure"
MAMBA = "Codestral Mamba by Mistral AI"  # with the press's article: the whole flow's story


@pytest.fixture(scope="module")
def desk_items(live_app):
    """The desk feeds imported on the live server (OpenAI's GPT-4o post is a demo update
    already, so its story is the Azure post and the press article)."""
    runner = live_app.test_cli_runner()
    for maker, name in (
        ("openai", "openai"),
        ("microsoft", "microsoft"),
        ("meta", "press"),
        ("mistral", "flow-mistral"),
        ("meta", "flow-press"),
    ):
        result = runner.invoke(args=["import-feed", str(FEEDS / f"{name}.xml"), "--maker", maker])
        assert result.exit_code == 0, result.output


def axe_clean(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_desk_has_no_axe_violations(page: Page, base_url, editor_credentials, desk_items, lang):
    log_in(page, base_url, editor_credentials, f"/{lang}/editor/desk/")
    expect(page.locator(".desk-group").first).to_be_visible()
    axe_clean(page)


def test_a_group_becomes_a_draft_and_a_suggestion_is_accepted_with_one_click(
    page: Page, base_url, editor_credentials, desk_items
):
    log_in(page, base_url, editor_credentials, "/en/editor/desk/")
    group = page.locator(".desk-group", has_text=AZURE)
    expect(group.locator(".desk-items > li")).to_have_count(2)  # Azure and the press
    group.get_by_role("button", name="Create a draft").click()
    expect(page.locator(".flashes")).to_contain_text("A draft was made from the desk.")
    expect(page.locator("#en-title")).to_have_value(AZURE)
    suggestion = page.locator("button[name=accept][value^='tag:']").first
    expect(suggestion).to_be_visible()
    value = suggestion.get_attribute("value").split(":", 1)[1]
    checkbox = page.locator(f"input[name=tags][value='{value}']")
    expect(checkbox).not_to_be_checked()  # never filled in by itself
    axe_clean(page)
    suggestion.click()
    expect(checkbox).to_be_checked()
    expect(page.locator(f"button[name=accept][value='tag:{value}']")).to_have_count(0)
    axe_clean(page)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(checkbox).to_be_checked()


def test_a_dismissed_group_comes_back_with_undo(
    page: Page, base_url, editor_credentials, desk_items
):
    log_in(page, base_url, editor_credentials, "/en/editor/desk/")
    group = page.locator(".desk-group", has_text="Phi-3")
    group.get_by_role("button", name="Dismiss").click()
    expect(page.locator(".notice")).to_contain_text("The story was dismissed.")
    expect(page.locator(".desk-group", has_text="Phi-3")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".flashes")).to_contain_text("The items are back on the desk.")
    expect(page.locator(".desk-group", has_text="Phi-3")).to_have_count(1)


def test_from_a_group_to_a_draft_to_review_to_published(
    page: Page, base_url, editor_credentials, chief_page: Page, desk_items
):
    """Review is on (the chief turned it on): the editor makes a draft of a group, accepts
    suggestions one click each, submits it for review; the chief publishes it."""
    log_in(page, base_url, editor_credentials, "/en/editor/desk/")
    group = page.locator(".desk-group", has_text=MAMBA)
    expect(group.locator(".desk-items > li")).to_have_count(2)  # Mistral's and the press's
    expect(group).to_contain_text("Mistral releases Codestral Mamba")
    group.get_by_role("button", name="Create a draft").click()
    expect(page.locator(".flashes")).to_contain_text("A draft was made from the desk.")
    expect(page.locator("#en-title")).to_have_value(MAMBA)
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)

    coding = page.get_by_role("button", name="Add tag: coding")
    tag = page.locator(f"input[name=tags][value='{coding.get_attribute('value')[4:]}']")
    expect(tag).not_to_be_checked()
    coding.click()
    expect(tag).to_be_checked()
    expect(page.get_by_role("button", name="Add tag: coding")).to_have_count(0)
    page.get_by_role("button", name="Type: Release").click()  # from the similar past update
    expect(page.locator("#type")).to_have_value("release")
    page.get_by_role("button", name="Audience: Developers").click()
    expect(page.locator("#audience")).to_have_value("developers")
    expect(page.locator("button[name=accept][value^='type:']")).to_have_count(0)
    expect(tag).to_be_checked()  # an earlier choice stays while the next is accepted

    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".flashes")).to_contain_text("Saved.")
    expect(page.locator(".meta .badge")).to_have_text("In review")

    chief_page.goto("/en/editor/")
    queue = chief_page.locator(".review-queue")
    queue.get_by_role("link", name=MAMBA).click()
    expect(chief_page.locator("#en-title")).to_have_value(MAMBA)
    expect(chief_page.locator("#type")).to_have_value("release")
    chief_page.get_by_role("button", name="Publish now").click()
    expect(chief_page.locator(".meta .badge")).to_have_text("Published")

    page.goto("/en/updates/?maker=mistral&tag=coding")
    page.get_by_role("link", name=MAMBA).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MAMBA)
    expect(page.locator("main")).to_contain_text("press.example")  # both sources listed
    expect(page.get_by_role("link", name="View original article")).to_have_attribute(
        "href", "https://mistral.ai/news/codestral-mamba/"
    )
