"""Per-field translation status: which field of a translation is outdated, the diff of its
source, "translation checked", the dashboard's matrix, and honest `updated` times."""

from __future__ import annotations

import re

import pytest
from test_editor_updates import create, edit, form

from portal.extensions import db
from portal.models import FieldStatus, Update

NEW_LEDE = "Codex now reviews code in every repository."


@pytest.fixture
def maker_id(app, make_maker):
    with app.app_context():
        return db.session.merge(make_maker("openai", "OpenAI")).id


def page(editor, update_id) -> str:
    return editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)


def outdated_marks(html: str) -> list[str]:
    """The fields the form marks outdated, as `lang.field` from their check boxes."""
    return re.findall(
        r'field-state field-outdated">.*?name="translation-checked" value="([^"]+)"', html, re.S
    )


def test_a_changed_source_field_marks_only_that_field_of_the_translation(editor, maker_id):
    update_id = create(editor, maker_id)
    assert outdated_marks(page(editor, update_id)) == []
    response = edit(editor, update_id, form(editor, maker_id, en={"lede": NEW_LEDE}))
    assert response.status_code == 303
    html = page(editor, update_id)
    assert outdated_marks(html) == ["nl.lede"]
    # The word-level diff of what changed in English since the Dutch lede was written.
    diff = re.search(r'class="source-diff" lang="en">(.*?)</p>', html, re.S)[1]
    assert diff == "Codex now reviews <del>code.</del><ins>code in every repository.</ins>"


def test_translation_checked_clears_the_mark_without_changing_the_text(editor, app, maker_id):
    update_id = create(editor, maker_id)
    edit(editor, update_id, form(editor, maker_id, en={"lede": NEW_LEDE}))
    data = form(editor, maker_id, en={"lede": NEW_LEDE}) | {"translation-checked": "nl.lede"}
    assert edit(editor, update_id, data).status_code == 303
    assert outdated_marks(page(editor, update_id)) == []
    with app.app_context():
        assert db.session.get(Update, update_id).translation("nl").lede == (
            "Codex beoordeelt nu code."
        )


def test_rewriting_the_translated_field_brings_it_up_to_date(editor, maker_id):
    update_id = create(editor, maker_id)
    edit(editor, update_id, form(editor, maker_id, en={"lede": NEW_LEDE}))
    data = form(editor, maker_id, en={"lede": NEW_LEDE}, nl={"lede": "Codex overal."})
    edit(editor, update_id, data)
    assert outdated_marks(page(editor, update_id)) == []


def test_the_source_is_the_language_written_first(editor, app, maker_id):
    """A Dutch-first update: English is the translation, outdated when Dutch changes."""
    data = form(editor, maker_id)
    data = {k: v for k, v in data.items() if not k.startswith("en-")}
    response = editor.post("/en/editor/updates/new", data=data)
    update_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    both = form(editor, maker_id)
    edit(editor, update_id, both)  # English added later, against the Dutch
    edit(editor, update_id, form(editor, maker_id, nl={"title": "Codex beoordeelt alles"}))
    assert outdated_marks(page(editor, update_id)) == ["en.title"]
    edit(
        editor,
        update_id,
        form(
            editor,
            maker_id,
            en={"title": "Codex reviews it all"},
            nl={"title": "Codex beoordeelt alles"},
        ),
    )
    assert outdated_marks(page(editor, update_id)) == []


def test_a_text_saved_before_field_status_gets_its_record_on_the_first_save(editor, app, maker_id):
    update_id = create(editor, maker_id)
    with app.app_context():
        db.session.query(FieldStatus).delete()
        db.session.commit()
    edit(editor, update_id, form(editor, maker_id, en={"lede": NEW_LEDE}))
    assert outdated_marks(page(editor, update_id)) == ["nl.lede"]


def test_the_matrix_counts_and_filters_complete_outdated_and_missing(editor, app, maker_id):
    complete = create(editor, maker_id)
    stale = create(editor, maker_id, en={"title": "Stale one"}, nl={"title": "Oud"})
    edit(
        editor,
        stale,
        form(
            editor, maker_id, en={"title": "Stale one", "impact": "Changed."}, nl={"title": "Oud"}
        ),
    )
    english_only = form(editor, maker_id, en={"title": "Only English"})
    english_only = {k: v for k, v in english_only.items() if not k.startswith("nl-")}
    assert editor.post("/en/editor/updates/new", data=english_only).status_code == 303
    html = editor.get("/en/editor/translations/").get_data(as_text=True)
    totals = re.search(r"<caption>Totals</caption>.*?</table>", html, re.S)[0]
    rows = {
        lang: re.findall(r">(\d+)</a>", row)
        for lang, row in re.findall(r'<th scope="row">(\w+)</th>(.*?)</tr>', totals)
    }
    assert rows == {"English": ["3", "0", "0"], "Dutch": ["1", "1", "1"]}
    matrix = editor.get("/en/editor/translations/?lang=nl&state=outdated").get_data(as_text=True)
    assert "Stale one" in matrix and "Only English" not in matrix
    assert re.search(r'translation-outdated">\s*outdated: Impact\s*</td>', matrix)
    missing = editor.get("/en/editor/translations/?lang=nl&state=missing").get_data(as_text=True)
    assert "Only English" in missing and "Stale one" not in missing
    done = editor.get("/en/editor/translations/?lang=nl&state=complete").get_data(as_text=True)
    assert f"/en/editor/updates/{complete}/" in done and "Stale one" not in done
    dashboard = editor.get("/en/editor/").get_data(as_text=True)
    assert "outdated (Impact)" in dashboard
    dutch = editor.get("/nl/editor/translations/?lang=nl&state=outdated").get_data(as_text=True)
    assert "verouderd: Impact" in dutch


def test_checking_or_outdating_a_translation_keeps_its_feed_time(editor, app, client, maker_id):
    update_id = create(editor, maker_id, "publish")

    def dutch_updated() -> str:
        feed = client.get("/nl/feed.xml").get_data(as_text=True)
        return re.search(r"<entry.*?<updated>([^<]+)</updated>", feed, re.S)[1]

    with app.app_context():  # as if written an hour before
        for text in db.session.get(Update, update_id).translations:
            text.updated_at = text.updated_at.replace(year=2025)
        db.session.commit()
    before = dutch_updated()
    edit(editor, update_id, form(editor, maker_id, "publish", en={"lede": NEW_LEDE}))
    assert dutch_updated() == before  # outdated, still the same published Dutch text
    data = form(editor, maker_id, "publish", en={"lede": NEW_LEDE})
    edit(editor, update_id, data | {"translation-checked": "nl.lede"})
    assert outdated_marks(page(editor, update_id)) == []
    assert dutch_updated() == before  # checked, not rewritten


def test_removing_a_language_removes_its_field_records(editor, app, maker_id):
    update_id = create(editor, maker_id)
    edit(editor, update_id, form(editor, maker_id, en={"lede": NEW_LEDE}))
    english_only = form(editor, maker_id, en={"lede": NEW_LEDE})
    english_only = {k: v for k, v in english_only.items() if not k.startswith("nl-")}
    assert edit(editor, update_id, english_only).status_code == 303
    with app.app_context():
        assert db.session.query(FieldStatus).filter_by(update_id=update_id).count() == 0
    # Written again, the Dutch starts out up to date.
    edit(editor, update_id, form(editor, maker_id, en={"lede": NEW_LEDE}))
    assert outdated_marks(page(editor, update_id)) == []
