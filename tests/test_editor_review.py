"""Review before publishing: roles, the site's setting, submitting, publishing as a chief,
sending back with a comment, and what the dashboard shows to whom."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select
from test_editor_checks import GOOD, GOOD_NL, LONG_BODY
from test_editor_updates import EN_SLUG, create, edit, form

from portal.extensions import db
from portal.models import Editor, Revision, SiteState, Update

CHIEF, CHIEF_PASSWORD = "chris", "another long password"


@pytest.fixture
def maker_id(app, make_maker):
    with app.app_context():
        return db.session.merge(make_maker("openai", "OpenAI")).id


@pytest.fixture
def chief(app, editor, login, csrf):
    """A second browser, logged in as chris, a chief (eva, `editor`, is an editor)."""
    from portal.editor.accounts import hash_password

    with app.app_context():
        db.session.add(
            Editor(username=CHIEF, password_hash=hash_password(CHIEF_PASSWORD), role="chief")
        )
        db.session.commit()
    client = app.test_client()
    assert login(client, CHIEF, CHIEF_PASSWORD).status_code == 303
    client.csrf = csrf(client.get("/en/editor/updates/new"))
    return client


def set_review(client, value: str):
    return client.post(
        "/en/editor/review-setting", data={"csrf_token": client.csrf, "required": value}
    )


@pytest.fixture
def review_on(chief):
    assert set_review(chief, "on").status_code == 303


def review_required(app) -> bool:
    with app.app_context():
        return db.session.get(SiteState, 1).review_required


def stored(app, update_id) -> Update:
    with app.app_context():
        update = db.session.get(Update, update_id)
        db.session.expunge(update)
        return update


def steps(app, update_id) -> list[tuple[str, str, str]]:
    """(who, last line of what changed, comment) of every revision, oldest first."""
    with app.app_context():
        rows = db.session.scalars(
            select(Revision).where(Revision.update_id == update_id).order_by(Revision.id)
        )
        return [(r.editor_name, r.changed_fields[-1], r.comment) for r in rows]


def text(response) -> str:
    return response.get_data(as_text=True)


def good(editor, maker_id, action, **kwargs) -> dict:
    return form(editor, maker_id, action, en=GOOD, nl=GOOD_NL, **kwargs)


# --- roles and the setting ------------------------------------------------------------------


def test_create_editor_takes_a_role_and_defaults_to_editor(app):
    runner = app.test_cli_runner()
    for args in (["ann", "--role", "chief"], ["bob"]):
        result = runner.invoke(args=["create-editor", *args, "--password-stdin"], input="p" * 20)
        assert result.exit_code == 0, result.output
    assert runner.invoke(args=["create-editor", "cy", "--role", "boss"]).exit_code == 2
    with app.app_context():
        roles = dict(db.session.execute(select(Editor.username, Editor.role)).all())
    assert roles == {"ann": "chief", "bob": "editor"}
    result = runner.invoke(
        args=["create-editor", "bob", "--reset", "--role", "chief", "--password-stdin"],
        input="q" * 20,
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(Editor.role).where(Editor.username == "bob")) == "chief"


def test_review_is_off_by_default_and_editors_publish(app, editor, maker_id):
    assert review_required(app) is False
    page = text(editor.get("/en/editor/updates/new"))
    assert "Publish now" in page and "Submit for review" not in page
    update_id = create(editor, maker_id, "publish", en=GOOD, nl=GOOD_NL)
    assert stored(app, update_id).status == "published"
    assert editor.get(f"/en/updates/{EN_SLUG}/").status_code == 200


def test_a_chief_turns_review_on_and_off(app, chief):
    page = text(chief.get("/en/editor/"))
    assert "Off: every editor publishes and schedules." in page and "Turn review on" in page
    assert set_review(chief, "on").status_code == 303
    assert review_required(app) is True
    page = text(chief.get("/nl/editor/"))
    assert "Beoordeling uitzetten" in page
    assert set_review(chief, "off").status_code == 303
    assert review_required(app) is False
    assert set_review(chief, "maybe").status_code == 400


def test_an_editor_cannot_change_the_setting(app, editor, chief):
    assert "Turn review on" not in text(editor.get("/en/editor/"))
    refused = editor.post(
        "/nl/editor/review-setting", data={"csrf_token": editor.csrf, "required": "on"}
    )
    assert refused.status_code == 403
    assert "Niet toegestaan" in text(refused)
    assert review_required(app) is False


# --- with review on -------------------------------------------------------------------------


def test_an_editor_submits_instead_of_publishing(app, editor, maker_id, review_on):
    page = text(editor.get("/en/editor/updates/new"))
    assert "Submit for review" in page and "Publish now" not in page and "Schedule<" not in page
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    assert stored(app, update_id).status == "in_review"
    assert steps(app, update_id) == [("eva", "submitted for review", "")]
    # hidden from readers, like a draft
    assert editor.get(f"/en/updates/{EN_SLUG}/").status_code == 404
    assert EN_SLUG not in text(editor.get("/en/updates/"))
    assert EN_SLUG not in text(editor.get("/en/feed.xml"))
    page = text(editor.get(f"/en/editor/updates/{update_id}/"))
    assert "This update waits for a chief’s review" in page
    dashboard = text(editor.get("/en/editor/"))
    assert "Waiting for a chief’s review (1)" in dashboard
    assert "Waiting for your review" not in dashboard
    assert "In review" in text(editor.get("/en/editor/?status=in_review"))


@pytest.mark.parametrize("action", ["publish", "schedule"])
def test_an_editor_posting_publish_anyway_is_refused(app, editor, maker_id, review_on, action):
    later = "2999-01-01T10:00"
    response = editor.post(
        "/en/editor/updates/new", data=good(editor, maker_id, action, published_at=later)
    )
    assert response.status_code == 422
    assert "only a chief publishes, schedules or sends back" in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Update)) == 0
    update_id = create(editor, maker_id, "draft", en=GOOD, nl=GOOD_NL)
    response = edit(editor, update_id, good(editor, maker_id, action, published_at=later))
    assert response.status_code == 422
    assert stored(app, update_id).status == "draft"
    assert len(steps(app, update_id)) == 1


def test_an_editor_cannot_send_back(app, editor, maker_id, review_on):
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    data = good(editor, maker_id, "send_back", review_comment="mine")
    assert edit(editor, update_id, data).status_code == 422
    assert stored(app, update_id).status == "in_review"


def test_checks_refuse_submitting_with_an_error(app, editor, maker_id, review_on):
    bad = GOOD | {"body": LONG_BODY + "\n\n![](https://openai.com/c.png)"}
    data = form(editor, maker_id, "review", en=bad, nl=GOOD_NL)
    response = editor.post("/en/editor/updates/new", data=data)
    assert response.status_code == 422
    assert "An image has no alt text" in text(response)


def test_a_chief_publishes_what_an_editor_submitted(app, editor, chief, maker_id, review_on):
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    dashboard = text(chief.get("/en/editor/"))
    assert "Waiting for your review (1)" in dashboard and "submitted by eva" in dashboard
    page = text(chief.get(f"/en/editor/updates/{update_id}/"))
    assert "Publish now" in page and "Send back to the editor" in page
    assert edit(chief, update_id, good(chief, maker_id, "publish")).status_code == 303
    assert stored(app, update_id).status == "published"
    assert chief.get(f"/en/updates/{EN_SLUG}/").status_code == 200
    assert steps(app, update_id)[-1] == ("chris", "approved", "")
    assert "Waiting for your review" not in text(chief.get("/en/editor/"))


def test_a_chief_schedules_it(app, editor, chief, maker_id, review_on):
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    data = good(chief, maker_id, "schedule", published_at="2999-01-01T10:00")
    assert edit(chief, update_id, data).status_code == 303
    assert stored(app, update_id).status == "published"
    assert chief.get(f"/en/updates/{EN_SLUG}/").status_code == 404  # not yet
    assert steps(app, update_id)[-1] == ("chris", "approved", "")


def test_a_chief_sends_it_back_with_a_comment_the_editor_sees(
    app, editor, chief, maker_id, review_on
):
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    empty = edit(chief, update_id, good(chief, maker_id, "send_back", review_comment="  "))
    assert empty.status_code == 422
    assert "Say what should change before it can be published." in text(empty)
    comment = "The impact sentence needs a number."
    data = good(chief, maker_id, "send_back", review_comment=comment)
    assert edit(chief, update_id, data).status_code == 303
    update = stored(app, update_id)
    assert (update.status, update.review_comment) == ("draft", comment)
    assert steps(app, update_id)[-1] == ("chris", "sent back", comment)
    dashboard = text(editor.get("/en/editor/"))
    assert "Sent back to you (1)" in dashboard and comment in dashboard
    assert comment in text(editor.get(f"/en/editor/updates/{update_id}/"))
    assert comment in text(editor.get(f"/en/editor/updates/{update_id}/history"))
    assert "Sent back to you" not in text(chief.get("/en/editor/"))
    # submitted again: the comment is done with
    assert edit(editor, update_id, good(editor, maker_id, "review")).status_code == 303
    update = stored(app, update_id)
    assert (update.status, update.review_comment) == ("in_review", "")
    assert "Sent back to you" not in text(editor.get("/en/editor/"))


def test_an_editor_cannot_restore_a_published_status(app, editor, chief, maker_id):
    update_id = create(editor, maker_id, "publish", en=GOOD, nl=GOOD_NL)
    edit(editor, update_id, good(editor, maker_id, "draft"))
    assert set_review(chief, "on").status_code == 303
    with app.app_context():
        first = db.session.scalars(
            select(Revision.id).where(Revision.update_id == update_id)
        ).first()
    url = f"/en/editor/updates/{update_id}/history/{first}/restore"
    response = editor.post(url, data={"csrf_token": editor.csrf, "with_status": "y"})
    assert response.status_code == 303
    assert "only a chief can restore a public status" in text(
        editor.get(response.headers["Location"])
    )
    assert stored(app, update_id).status == "draft"
    chief.post(url, data={"csrf_token": chief.csrf, "with_status": "y"})
    assert stored(app, update_id).status == "published"


def test_the_review_form_states_speak_dutch(app, editor, chief, maker_id, review_on):
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    assert "Ter beoordeling indienen" in text(editor.get("/nl/editor/updates/new"))
    page = text(chief.get(f"/nl/editor/updates/{update_id}/"))
    assert "Terugsturen naar de redacteur" in page and "Opmerking voor de redacteur" in page


def test_an_update_in_review_is_kept_by_a_backup(app, editor, maker_id, review_on, tmp_path):
    update_id = create(editor, maker_id, "review", en=GOOD, nl=GOOD_NL)
    path = tmp_path / "site.json"
    runner = app.test_cli_runner()
    assert runner.invoke(args=["export-json", str(path)]).exit_code == 0
    data = json.loads(path.read_text())
    assert [u["status"] for u in data["updates"] if u["id"] == update_id] == ["in_review"]


def test_existing_editors_become_editors_and_review_starts_off(fresh_database):
    """The migration: editors of before keep working as `editor`s, the setting is off."""
    from flask_migrate import upgrade

    from portal import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": fresh_database("before")})
    with app.app_context():
        upgrade(revision="9f158666db66")
        with db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO editors (username, password_hash, created_at, session_version)"
                    " VALUES ('old', 'x', '2025-07-11 09:30:00', 0)"
                )
            )
        upgrade(revision="v7a1c3e5b9d2")
        assert db.session.scalar(select(Editor.role).where(Editor.username == "old")) == "editor"
        assert db.session.get(SiteState, 1).review_required is False
        db.session.remove()
        db.engine.dispose()
