"""Writing updates: create, validate, publish, schedule, revise, restore, delete, with the
reader's side (listings, the page, search, feeds) checked after every step."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Revision, SiteState, Tag, Update, UpdateTranslation
from portal.models.content import utcnow

EN = {"title": "Codex learns to review pull requests", "slug": ""}
NL = {"title": "Codex leert pull requests beoordelen", "slug": ""}
EN_SLUG, NL_SLUG = "codex-learns-to-review-pull-requests", "codex-leert-pull-requests-beoordelen"


@pytest.fixture
def maker_id(app, make_maker):
    with app.app_context():
        return db.session.merge(make_maker("openai", "OpenAI")).id


def form(editor, maker_id, action="draft", en=None, nl=None, **shared) -> dict:
    """A full update form as the browser sends it."""
    data = {
        "csrf_token": editor.csrf,
        "maker": maker_id,
        "type": "release",
        "audience": "developers",
        "level": "intermediate",
        "importance": "4",
        "source_url": "https://openai.com/index/codex-review/",
        "author": "OpenAI",
        "published_at": "",
        "action": action,
    } | shared
    texts = {
        "en": {
            "lede": "Codex now reviews code.",
            "body": "**Reviews** in GitHub.",
            "impact": "Worth trying if you review code.",
            "takeaways": "One\nTwo\n\nThree",
        }
        | EN
        | (en or {}),
        "nl": {
            "lede": "Codex beoordeelt nu code.",
            "body": "**Beoordelingen** in GitHub.",
            "impact": "Het proberen waard.",
            "takeaways": "Een\nTwee\nDrie",
        }
        | NL
        | (nl or {}),
    }
    for lang, text in texts.items():
        data |= {f"{lang}-{name}": value for name, value in text.items()}
    return data


def create(editor, maker_id, action="draft", **kwargs) -> int:
    response = editor.post("/en/editor/updates/new", data=form(editor, maker_id, action, **kwargs))
    assert response.status_code == 303, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def loaded_version(editor, update_id) -> str:
    """The version the edit form carries when an editor opens it."""
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


def edit(editor, update_id, data, version=None):
    """Save the edit form as a browser does: opened first (or at `version`), then posted."""
    version = loaded_version(editor, update_id) if version is None else version
    return editor.post(f"/en/editor/updates/{update_id}/", data=data | {"version": version})


def count(app, model=Update) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def reader_sees(client, lang="en", slug=EN_SLUG, word="Codex") -> dict[str, bool]:
    """Where a reader finds the update: its page, the listing, search, the feed."""
    title = EN["title"] if lang == "en" else NL["title"]
    listing = client.get(f"/{lang}/updates/").get_data(as_text=True)
    search = client.get(f"/{lang}/updates/", query_string={"q": word}).get_data(as_text=True)
    feed = client.get(f"/{lang}/feed.xml").get_data(as_text=True)
    return {
        "page": client.get(f"/{lang}/updates/{slug}/").status_code == 200,
        "listing": title in listing,
        "search": title in search,
        "feed": title in feed,
    }


ALL = {"page": True, "listing": True, "search": True, "feed": True}
NONE = {"page": False, "listing": False, "search": False, "feed": False}


# --- the form ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_form_has_both_languages_side_by_side_and_a_live_preview(editor, maker_id, lang):
    page = editor.get(f"/{lang}/editor/updates/new").get_data(as_text=True)
    for code in ("en", "nl"):
        for name in ("title", "slug", "lede", "body", "impact", "takeaways"):
            assert f'name="{code}-{name}"' in page
        assert f'data-hx-target="#{code}-preview"' in page
    for name in (
        "maker",
        "type",
        "audience",
        "level",
        "importance",
        "source_url",
        "author",
        "published_at",
    ):
        assert f'name="{name}"' in page
    assert f'data-hx-post="/{lang}/editor/preview-body"' in page
    assert " hx-" not in page


def test_live_preview_renders_the_body_sanitised(editor):
    response = editor.post(
        "/en/editor/preview-body",
        data={
            "csrf_token": editor.csrf,
            "preview": "nl",
            "nl-body": "# Kop\n\n**vet** <script>x()</script>",
        },
        headers={"HX-Request": "true"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<strong>vet</strong>" in html and "<script" not in html
    assert response.headers["Cache-Control"] == "private, no-store"
    refused = editor.post("/en/editor/preview-body", data={"preview": "nl", "nl-body": "x"})
    assert refused.status_code == 422


# --- create, draft, publish -------------------------------------------------------------------


def test_a_draft_is_saved_in_both_languages_but_not_public(app, editor, client, maker_id):
    update_id = create(editor, maker_id, "draft")
    with app.app_context():
        update = db.session.get(Update, update_id)
        assert update.status == "draft"
        assert {t.lang: t.slug for t in update.translations} == {"en": EN_SLUG, "nl": NL_SLUG}
        assert update.translation("en").takeaways == ["One", "Two", "Three"]
        assert update.translation("nl").body == "**Beoordelingen** in GitHub."
    assert reader_sees(client) == NONE
    dashboard = editor.get("/en/editor/?status=draft").get_data(as_text=True)
    assert EN["title"] in dashboard and "Draft" in dashboard


def test_publish_now_puts_it_in_front_of_readers_in_both_languages(app, editor, client, maker_id):
    update_id = create(editor, maker_id, "publish")
    assert reader_sees(client, "en") == ALL
    assert reader_sees(client, "nl", NL_SLUG, "beoordelen") == ALL
    page = client.get(f"/nl/updates/{NL_SLUG}/").get_data(as_text=True)
    assert "<strong>Beoordelingen</strong>" in page and 'lang="nl"' in page
    with app.app_context():
        assert db.session.get(Update, update_id).published_at <= utcnow()


def test_publishing_an_existing_draft(app, editor, client, maker_id):
    update_id = create(editor, maker_id, "draft")
    client.get("/en/updates/")  # cached while the update is a draft
    response = edit(editor, update_id, form(editor, maker_id, "publish"))
    assert response.status_code == 303
    assert reader_sees(client) == ALL


def test_one_language_only(app, editor, client, maker_id):
    empty = {name: "" for name in ("title", "slug", "lede", "body", "impact", "takeaways")}
    update_id = create(editor, maker_id, "publish", nl=empty)
    with app.app_context():
        assert [t.lang for t in db.session.get(Update, update_id).translations] == ["en"]
    assert reader_sees(client)["page"]
    listing = client.get("/nl/updates/").get_data(as_text=True)
    assert EN["title"] in listing  # shown with a language badge to Dutch readers
    missing = editor.get("/en/editor/?missing=nl").get_data(as_text=True)
    assert EN["title"] in missing
    assert EN["title"] not in editor.get("/en/editor/?missing=en").get_data(as_text=True)


# --- schedule ---------------------------------------------------------------------------------


def test_a_scheduled_update_appears_at_its_time_without_a_job(
    app, editor, client, maker_id, monkeypatch
):
    when = (utcnow() + timedelta(hours=3)).replace(second=0, microsecond=0)
    local = when.replace(tzinfo=__import__("datetime").UTC).astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/Amsterdam")
    )
    update_id = create(editor, maker_id, "schedule", published_at=local.strftime("%Y-%m-%dT%H:%M"))
    with app.app_context():
        update = db.session.get(Update, update_id)
        assert (update.status, update.published_at) == ("published", when)
    assert reader_sees(client) == NONE
    assert "Scheduled" in editor.get("/en/editor/?status=scheduled").get_data(as_text=True)

    later = when + timedelta(minutes=1)
    import portal.models.content as content
    import portal.queries as queries

    monkeypatch.setattr(content, "utcnow", lambda: later)
    monkeypatch.setattr(queries, "utcnow", lambda: later)
    assert reader_sees(client) == ALL


def test_scheduling_needs_a_future_time(app, editor, maker_id):
    for when in ("", "2001-01-01T10:00"):
        response = editor.post(
            "/en/editor/updates/new", data=form(editor, maker_id, "schedule", published_at=when)
        )
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        assert 'id="published_at-error"' in page and 'aria-invalid="true"' in page
    assert count(app) == 0


# --- validation: per field, translated, nothing half-saved -------------------------------------


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "Give a full web address"), ("nl", "Geef een volledig webadres")],
)
def test_errors_are_per_field_translated_and_nothing_is_saved(app, editor, maker_id, lang, message):
    data = form(editor, maker_id, "publish", source_url="not a url")
    response = editor.post(f"/{lang}/editor/updates/new", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert 'aria-describedby="source_url-hint source_url-error"' in page
    assert EN["title"] in page  # what was typed is kept
    assert count(app) == 0 and count(app, UpdateTranslation) == 0


def test_at_least_one_language_and_a_title_for_each_language_written(app, editor, maker_id):
    blank = {name: "" for name in ("title", "slug", "lede", "body", "impact", "takeaways")}
    none = editor.post("/en/editor/updates/new", data=form(editor, maker_id, en=blank, nl=blank))
    assert "Write a title in at least one language." in none.get_data(as_text=True)
    untitled = editor.post("/en/editor/updates/new", data=form(editor, maker_id, nl={"title": ""}))
    assert untitled.status_code == 422
    assert 'id="nl-title-error"' in untitled.get_data(as_text=True)
    bad_slug = editor.post(
        "/en/editor/updates/new", data=form(editor, maker_id, en={"slug": "Not A Slug"})
    )
    assert 'id="en-slug-error"' in bad_slug.get_data(as_text=True)
    assert count(app) == 0


def test_a_duplicate_slug_is_refused_with_a_clear_message(app, editor, maker_id, make_update):
    make_update(en={"title": "Taken", "slug": EN_SLUG})
    response = editor.post("/en/editor/updates/new", data=form(editor, maker_id, "publish"))
    assert response.status_code == 422
    assert "Another update already uses this address in this language." in response.get_data(
        as_text=True
    )
    assert count(app) == 1


def test_oversized_fields_are_refused(app, editor, maker_id):
    response = editor.post(
        "/en/editor/updates/new", data=form(editor, maker_id, en={"title": "x" * 301})
    )
    assert response.status_code == 422
    assert count(app) == 0


def test_unknown_choices_are_refused(app, editor, maker_id):
    response = editor.post(
        "/en/editor/updates/new", data=form(editor, 999, type="bogus", tags="12345")
    )
    assert response.status_code == 422
    assert count(app) == 0


# --- edit, revisions, restore ----------------------------------------------------------------


def test_every_save_keeps_a_revision_and_an_earlier_one_can_be_restored(
    app, editor, client, maker_id, make_tag
):
    make_tag("agents", "Agents", "Agenten")
    update_id = create(editor, maker_id, "publish")
    with app.app_context():
        tag_id = db.session.scalar(select(Tag.id).where(Tag.slug == "agents"))
    renamed = {"title": "Codex reviews every pull request", "slug": EN_SLUG}
    edit(editor, update_id, form(editor, maker_id, "publish", en=renamed, tags=tag_id))
    assert "Codex reviews every pull request" in client.get(f"/en/updates/{EN_SLUG}/").get_data(
        as_text=True
    )
    assert "Agents" in client.get(f"/en/updates/{EN_SLUG}/").get_data(as_text=True)

    with app.app_context():
        revisions = db.session.scalars(
            select(Revision).where(Revision.update_id == update_id).order_by(Revision.id)
        ).all()
        assert [r.editor_name for r in revisions] == ["eva", "eva"]
        assert revisions[0].changed_fields == ["created"]
        assert set(revisions[1].changed_fields) == {"en.title", "tags"}
        first = revisions[0].id
        assert json.loads(revisions[0].snapshot)["texts"]["en"]["title"] == EN["title"]

    history = editor.get(f"/en/editor/updates/{update_id}/history").get_data(as_text=True)
    assert "tags, en.title" in history and "eva" in history

    response = editor.post(
        f"/en/editor/updates/{update_id}/history/{first}/restore", data={"csrf_token": editor.csrf}
    )
    assert response.status_code == 303
    page = client.get(f"/en/updates/{EN_SLUG}/").get_data(as_text=True)
    assert EN["title"] in page and "Agents" not in page
    assert EN["title"] in client.get("/en/updates/", query_string={"q": "learns"}).get_data(
        as_text=True
    )
    with app.app_context():
        latest = db.session.scalars(select(Revision).order_by(Revision.id.desc())).first()
        assert f"restored #{first}" in latest.changed_fields


def revision_ids(app, update_id) -> list[int]:
    with app.app_context():
        query = select(Revision.id).where(Revision.update_id == update_id).order_by(Revision.id)
        return list(db.session.scalars(query))


def test_restoring_keeps_the_current_status_unless_asked(app, editor, client, maker_id):
    update_id = create(editor, maker_id, "publish")
    renamed = {"title": "Codex draft title", "slug": EN_SLUG}
    assert edit(editor, update_id, form(editor, maker_id, "draft", en=renamed)).status_code == 303
    published = revision_ids(app, update_id)[0]
    history = editor.get(f"/en/editor/updates/{update_id}/history").get_data(as_text=True)
    assert "Also restore its status: Published" in history
    assert f'id="with-status-{published}"' in history
    restore = f"/en/editor/updates/{update_id}/history/{published}/restore"

    assert editor.post(restore, data={"csrf_token": editor.csrf}).status_code == 303
    with app.app_context():
        update = db.session.get(Update, update_id)
        assert (update.status, update.translation("en").title) == ("draft", EN["title"])
    assert reader_sees(client) == NONE  # its content is back, its status is not

    data = {"csrf_token": editor.csrf, "with_status": "y"}
    assert editor.post(restore, data=data).status_code == 303
    assert reader_sees(client) == ALL
    with app.app_context():
        assert db.session.get(Update, update_id).status == "published"


def test_a_save_from_a_form_opened_before_another_save_is_refused(
    app, client, editor_account, login, csrf, maker_id
):
    from portal.editor.accounts import hash_password
    from portal.models import Editor

    with app.app_context():
        db.session.add(Editor(username="bob", password_hash=hash_password("another long secret")))
        db.session.commit()
    eva, bob = client, app.test_client()
    login(eva)
    login(bob, "bob", "another long secret")
    eva.csrf, bob.csrf = (csrf(c.get("/en/editor/updates/new")) for c in (eva, bob))
    update_id = create(eva, maker_id, "publish")
    opened = loaded_version(eva, update_id)  # eva opens the form …
    bobs = {"lede": "Bob's lede.", "title": EN["title"]}
    assert edit(bob, update_id, form(bob, maker_id, "publish", en=bobs)).status_code == 303
    saved = revision_ids(app, update_id)

    evas = form(eva, maker_id, "publish", en={"title": "Eva's new title", "slug": EN_SLUG})
    for lang, words in (("en", "This update changed after you opened it"), ("nl", "veranderd")):
        response = eva.post(f"/{lang}/editor/updates/{update_id}/", data=evas | {"version": opened})
        assert response.status_code == 409
        page = response.get_data(as_text=True)
        assert words in page and "bob" in page
        assert 'value="Eva&#39;s new title"' in page  # what she typed is kept
    rows = re.findall(
        r'<tr>\s*<th scope="row">(.*?)</th>\s*<td class="message">(.*?)</td>'
        r'\s*<td class="message">(.*?)</td>',
        page,
        re.S,
    )
    cells = {re.sub(r"<.*?>", "", label).strip(): (theirs, mine) for label, theirs, mine in rows}
    assert set(cells) == {"Titel (Engels)", "Intro (Engels) gewijzigd sinds je het opende"}
    assert cells["Titel (Engels)"] == (EN["title"], "Eva&#39;s new title")
    with app.app_context():  # nothing of hers was saved
        update = db.session.get(Update, update_id)
        assert (update.translation("en").title, update.translation("en").lede) == (
            EN["title"],
            "Bob's lede.",
        )
    assert revision_ids(app, update_id) == saved
    assert f'name="version" type="hidden" value="{saved[-1]}"' in page

    merged = evas | {"en-lede": "Bob's lede.", "version": str(saved[-1])}
    assert eva.post(f"/en/editor/updates/{update_id}/", data=merged).status_code == 303
    with app.app_context():
        text = db.session.get(Update, update_id).translation("en")
        assert (text.title, text.lede) == ("Eva's new title", "Bob's lede.")


def test_a_save_without_the_version_or_after_a_delete_is_refused(app, editor, maker_id):
    update_id = create(editor, maker_id, "publish")
    opened = loaded_version(editor, update_id)
    data = form(editor, maker_id, "publish", en={"lede": "Changed."})
    missing = editor.post(f"/en/editor/updates/{update_id}/", data=data)
    assert missing.status_code == 409
    editor.post(f"/en/editor/updates/{update_id}/delete", data={"csrf_token": editor.csrf})
    response = edit(editor, update_id, data, version=opened)
    assert response.status_code == 409
    assert re.search(
        r"Status <span[^>]*>[^<]*</span></th>\s*<td[^>]*>Deleted</td>\s*<td[^>]*>Published</td>",
        response.get_data(as_text=True),
    )
    with app.app_context():
        update = db.session.get(Update, update_id)
        assert (update.status, update.translation("en").lede) == (
            "deleted",
            "Codex now reviews code.",
        )


def test_editing_one_language_marks_the_other_outdated(app, editor, maker_id):
    update_id = create(editor, maker_id, "publish")
    with app.app_context():  # as if written an hour ago
        for text in db.session.get(Update, update_id).translations:
            text.updated_at = utcnow() - timedelta(hours=1)
        db.session.commit()
    dashboard = editor.get("/en/editor/").get_data(as_text=True)
    assert "outdated" not in dashboard
    edit(editor, update_id, form(editor, maker_id, "publish", en={"lede": "New lede."}))
    dashboard = editor.get("/en/editor/").get_data(as_text=True)
    assert "NL:\n            outdated" in dashboard or 'coverage-outdated">NL' in dashboard


def test_unpublishing_back_to_draft_hides_it(app, editor, client, maker_id):
    update_id = create(editor, maker_id, "publish")
    assert reader_sees(client) == ALL
    edit(editor, update_id, form(editor, maker_id, "draft"))
    assert reader_sees(client) == NONE


# --- delete ------------------------------------------------------------------------------------


def content_version(app) -> int:
    with app.app_context():
        return db.session.get(SiteState, 1).content_version


def test_delete_takes_it_off_the_site_and_keeps_it_to_restore(
    app, editor, client, maker_id, make_tag
):
    make_tag("agents", "Agents", "Agenten")
    with app.app_context():
        tag_id = db.session.scalar(select(Tag.id).where(Tag.slug == "agents"))
    update_id = create(editor, maker_id, "publish", tags=tag_id)
    other = {"title": "Another OpenAI update", "slug": "another"}
    blank = {name: "" for name in ("title", "slug", "lede", "body", "impact", "takeaways")}
    create(editor, maker_id, "publish", en=other, nl=blank, source_url="https://openai.com/b")
    public = ["/sitemap.xml", "/en/makers/openai/feed.xml", "/en/tags/agents/", "/en/makers/"]
    before = {url: client.get(url).get_data(as_text=True) for url in public}  # cached now
    assert reader_sees(client) == ALL and EN_SLUG in before["/sitemap.xml"]
    assert "2 updates" in before["/en/makers/"]
    assert EN["title"] in client.get("/en/updates/another/").get_data(as_text=True)
    confirm = editor.get(f"/en/editor/updates/{update_id}/delete")
    assert "can be restored" in confirm.get_data(as_text=True)
    assert reader_sees(client) == ALL  # asking deletes nothing
    version = content_version(app)

    response = editor.post(
        f"/en/editor/updates/{update_id}/delete", data={"csrf_token": editor.csrf}
    )
    assert response.status_code == 303
    assert content_version(app) > version  # cached pages drop it
    assert reader_sees(client, "en") == NONE
    assert reader_sees(client, "nl", NL_SLUG, "beoordelen") == NONE
    assert client.get(f"/en/updates/{EN_SLUG}/").status_code == 404
    assert client.get(f"/nl/updates/{EN_SLUG}/").status_code == 404  # not "untranslated"
    after = {url: client.get(url).get_data(as_text=True) for url in public}
    assert EN_SLUG not in after["/sitemap.xml"] and NL_SLUG not in after["/sitemap.xml"]
    assert EN["title"] not in after["/en/makers/openai/feed.xml"]
    assert EN["title"] not in after["/en/tags/agents/"]
    assert "1 update" in after["/en/makers/"]
    assert EN["title"] not in client.get("/en/updates/another/").get_data(as_text=True)
    feedback = client.post("/en/feedback", data={"update": update_id, "message": "Hi"})
    assert feedback.status_code == 400

    # The editors keep it: out of the dashboard, in its "Deleted" view, with its history.
    assert EN["title"] not in editor.get("/en/editor/").get_data(as_text=True)
    deleted = editor.get("/en/editor/?status=deleted").get_data(as_text=True)
    assert EN["title"] in deleted and "Restore as a draft" in deleted
    assert "Another OpenAI update" not in deleted
    with app.app_context():
        assert db.session.get(Update, update_id).status == "deleted"
        revisions = db.session.scalars(select(Revision).order_by(Revision.id)).all()
        assert revisions[-1].changed_fields == ["status", "deleted"]
        assert revisions[-1].editor_name == "eva"
        kept_ids = [r.id for r in revisions]
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    assert "This update is deleted" in page
    taken = editor.post("/en/editor/updates/new", data=form(editor, maker_id, "draft"))
    assert taken.status_code == 422
    assert "A deleted update uses this address" in taken.get_data(as_text=True)

    # Restored: a draft again, its revisions intact; publishing puts it back everywhere.
    version = content_version(app)
    response = editor.post(
        f"/en/editor/updates/{update_id}/undelete", data={"csrf_token": editor.csrf}
    )
    assert response.status_code == 303
    assert "The update is back, as a draft." in editor.get(response.headers["Location"]).get_data(
        as_text=True
    )
    assert content_version(app) > version
    with app.app_context():
        assert db.session.get(Update, update_id).status == "draft"
        kept = db.session.scalars(select(Revision).order_by(Revision.id)).all()
        assert [r.id for r in kept[:-1]] == kept_ids
        assert kept[-1].changed_fields == ["status", "undeleted"]
    assert EN["title"] in editor.get("/en/editor/?status=draft").get_data(as_text=True)
    assert reader_sees(client) == NONE
    assert (
        edit(editor, update_id, form(editor, maker_id, "publish", tags=tag_id)).status_code == 303
    )
    assert reader_sees(client) == ALL


def test_deleting_keeps_the_feedback_about_it(app, editor, client, maker_id):
    from portal.models import Feedback

    update_id = create(editor, maker_id, "publish")
    client.post("/en/feedback", data={"update": update_id, "message": "Great piece"})
    editor.post(f"/en/editor/updates/{update_id}/delete", data={"csrf_token": editor.csrf})
    with app.app_context():
        feedback = db.session.scalars(select(Feedback)).one()
        assert feedback.message == "Great piece" and feedback.update_id == update_id
    inbox = editor.get("/en/editor/feedback/").get_data(as_text=True)
    assert f"/en/editor/updates/{update_id}/" in inbox


def test_saving_a_published_update_again_keeps_its_time(app, editor, maker_id):
    update_id = create(editor, maker_id, "publish")
    with app.app_context():
        first = db.session.get(Update, update_id).published_at
    page = editor.get(f"/en/editor/updates/{update_id}/").get_data(as_text=True)
    shown = re.search(
        r'id="published_at" name="published_at" step="60" type="datetime-local" value="([^"]+)"',
        page,
    ).group(1)
    for when in (shown, ""):
        data = form(editor, maker_id, "publish", en={"lede": f"Lede {when}"}, published_at=when)
        assert edit(editor, update_id, data).status_code == 303
        with app.app_context():
            assert db.session.get(Update, update_id).published_at == first
            latest = db.session.scalars(select(Revision).order_by(Revision.id.desc())).first()
            assert latest.changed_fields == ["en.lede"]
