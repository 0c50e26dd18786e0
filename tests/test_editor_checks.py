"""Checks before publishing: warnings shown in the form, in the editor's language; errors
(an image without alt text, a source that is not a web address) refuse publishing,
scheduling and submitting for review with a 422 and save nothing, while a draft saves."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from test_editor_updates import create, edit, form

from portal.extensions import db
from portal.models import Update
from portal.models.content import utcnow

LONG_BODY = " ".join(["word"] * 90)
GOOD = {"body": LONG_BODY, "impact": "Short.", "takeaways": "One\nTwo\nThree"}
GOOD_NL = {"body": " ".join(["woord"] * 90), "impact": "Kort.", "takeaways": "Een\nTwee\nDrie"}


@pytest.fixture
def maker_id(app, make_maker):
    with app.app_context():
        return db.session.merge(make_maker("openai", "OpenAI")).id


def checks_of(page: str) -> str:
    """The text of the form's "checks before publishing" section."""
    start = page.index('class="publish-checks"')
    return html.unescape(re.sub(r"<[^>]+>", "", page[start : page.index("</section>", start)]))


def new_page(editor, data, lang="en"):
    return editor.post(f"/{lang}/editor/updates/new", data=data)


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Update))


def test_a_clean_update_passes_every_check(editor, maker_id):
    update_id = create(editor, maker_id, "publish", en=GOOD, nl=GOOD_NL)
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert "Everything checked is in order." in checks_of(page)


@pytest.mark.parametrize(
    ("en", "expected"),
    [
        ({"impact": "x" * 201}, "The impact sentence has 201 characters; keep it to 200."),
        ({"takeaways": "One\nTwo"}, "There are 2 takeaways; give exactly three."),
        ({"takeaways": "One\nTwo\nThree\nFour"}, "There are 4 takeaways; give exactly three."),
        ({"body": "Only a few words here."}, "The body has 5 words; aim for 80 at least."),
        (
            {"body": LONG_BODY + " [Click here](https://openai.com/a)."},
            "A link’s text says nothing about where it leads: “Click here”.",
        ),
        (
            {"body": LONG_BODY + " [read more](https://openai.com/a)"},
            "A link’s text says nothing about where it leads: “read more”.",
        ),
        (
            {"body": LONG_BODY + " <https://openai.com/a>"},
            "A link’s text says nothing about where it leads: “https://openai.com/a”.",
        ),
        (
            {"body": LONG_BODY + " [https://openai.com/a](https://openai.com/a)"},
            "A link’s text says nothing about where it leads: “https://openai.com/a”.",
        ),
    ],
)
def test_warnings_show_and_do_not_block_publishing(app, editor, maker_id, en, expected):
    response = new_page(editor, form(editor, maker_id, "publish", en=GOOD | en, nl=GOOD_NL))
    assert response.status_code == 303  # published anyway
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    found = checks_of(page)
    assert f"Warning (English): {expected}" in found
    assert "Error" not in found and "Dutch" not in found
    with app.app_context():
        assert db.session.scalars(select(Update.status)).one() == "published"


def test_a_link_that_says_where_it_leads_is_no_warning(editor, maker_id):
    body = LONG_BODY + " See [the pricing page](https://openai.com/api/pricing/)."
    update_id = create(editor, maker_id, "draft", en=GOOD | {"body": body}, nl=GOOD_NL)
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert "Everything checked is in order." in checks_of(page)


def test_a_missing_translation_is_a_warning(editor, maker_id):
    blank = dict.fromkeys(["title", "slug", "lede", "body", "impact", "takeaways"], "")
    update_id = create(editor, maker_id, "publish", en=GOOD, nl=blank)
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert "Warning (Dutch): There is no text in this language." in checks_of(page)


def test_checks_speak_the_editors_language(editor, maker_id):
    data = form(editor, maker_id, "draft", en=GOOD, nl=GOOD_NL | {"body": "[hier](https://a.nl/)"})
    response = new_page(editor, data, lang="nl")
    page = editor.get(response.headers["Location"].replace("/en/", "/nl/")).get_data(as_text=True)
    found = checks_of(page)
    assert "Controles voor publicatie" in page
    assert "Waarschuwing (Nederlands): De tekst heeft 1 woord; mik op minstens 80." in found
    assert "De tekst van een link zegt niet waar die heen gaat: ‘hier’." in found


ERRORS = [
    (
        {"en": GOOD | {"body": LONG_BODY + "\n\n![](https://openai.com/chart.png)"}},
        "Error (English): An image has no alt text; describe what it shows.",
    ),
    (
        {"en": GOOD | {"body": LONG_BODY + '\n\n<img src="https://openai.com/c.png" alt=" ">'}},
        "Error (English): An image has no alt text",
    ),
    (
        {"source_url": "ftp://openai.com/files/codex.pdf"},
        "Error: The source URL must start with https:// or http://.",
    ),
]


@pytest.mark.parametrize(("change", "expected"), ERRORS)
@pytest.mark.parametrize("action", ["publish", "schedule"])
def test_errors_refuse_publishing_and_save_nothing(app, editor, maker_id, change, expected, action):
    later = (utcnow() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    data = form(editor, maker_id, action, nl=GOOD_NL, published_at=later, **({"en": GOOD} | change))
    response = new_page(editor, data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert expected in checks_of(page)
    assert "Nothing was saved" in page
    assert count(app) == 0


@pytest.mark.parametrize(("change", "expected"), ERRORS)
def test_errors_still_let_a_draft_be_saved(app, editor, maker_id, change, expected):
    data = form(editor, maker_id, "draft", nl=GOOD_NL, **({"en": GOOD} | change))
    response = new_page(editor, data)
    assert response.status_code == 303
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert expected in checks_of(page)
    with app.app_context():
        assert db.session.scalars(select(Update.status)).one() == "draft"


def test_an_error_keeps_a_published_update_as_it_was(app, editor, maker_id):
    update_id = create(editor, maker_id, "publish", en=GOOD, nl=GOOD_NL)
    bad = GOOD | {"title": "Changed", "body": LONG_BODY + "\n\n![](https://openai.com/c.png)"}
    response = edit(editor, update_id, form(editor, maker_id, "publish", en=bad, nl=GOOD_NL))
    assert response.status_code == 422
    assert "An image has no alt text" in checks_of(response.get_data(as_text=True))
    with app.app_context():
        update = db.session.get(Update, update_id)
        assert update.status == "published"
        assert update.translation("en").title != "Changed"


def test_a_draft_with_another_scheme_shows_no_source_link_in_its_preview(editor, maker_id):
    update_id = create(editor, maker_id, "draft", source_url="ftp://openai.com/f.pdf")
    response = editor.post(
        f"/en/editor/updates/{update_id}/preview-link", data={"csrf_token": editor.csrf}
    )
    page = response.get_data(as_text=True)
    start = page.index("https://portal.example/en/preview/")
    link = page[start : page.index('"', start)].removeprefix("https://portal.example")
    preview = editor.get(link).get_data(as_text=True)
    assert "ftp://" not in preview and "View original article" not in preview
