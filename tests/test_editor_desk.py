"""The rest of the editors' desk: preview links, the feedback inbox, makers and tags."""

from __future__ import annotations

import csv
import io
import time

import pytest
from itsdangerous import TimestampSigner
from sqlalchemy import select

from portal.extensions import db
from portal.models import Feedback, Maker, Revision, Tag, Update


@pytest.fixture
def draft_id(make_update):
    return make_update(
        en={"title": "Secret draft", "body": "Draft **body**"},
        nl={"title": "Geheim concept"},
        status="draft",
    )


def preview_link(editor, update_id) -> str:
    response = editor.post(
        f"/en/editor/updates/{update_id}/preview-link", data={"csrf_token": editor.csrf}
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    page = response.get_data(as_text=True)
    start = page.index("https://portal.example/en/preview/")
    return page[start : page.index('"', start)].removeprefix("https://portal.example")


# --- signed preview links -------------------------------------------------------------------


def test_a_preview_link_lets_anyone_read_the_draft(app, editor, draft_id):
    link = preview_link(editor, draft_id)
    anonymous = app.test_client()
    response = anonymous.get(link)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Secret draft" in page and "<strong>body</strong>" in page
    assert '<meta name="robots" content="noindex">' in page
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Set-Cookie" not in response.headers
    dutch = anonymous.get(link.replace("/en/", "/nl/", 1))
    assert "Geheim concept" in dutch.get_data(as_text=True)
    assert anonymous.get("/en/updates/secret-draft/").status_code == 404


def test_a_preview_shows_the_article_as_its_page_will(app, editor, draft_id, make_tag):
    make_tag("agents", en="Agents", nl="Agenten")
    with app.app_context():
        draft = db.session.get(Update, draft_id)
        draft.tags = [db.session.scalar(select(Tag).filter_by(slug="agents"))]
        db.session.commit()
    link = preview_link(editor, draft_id)
    previews = {
        lang: app.test_client().get(link.replace("/en/", f"/{lang}/", 1)) for lang in LABELS
    }
    with app.app_context():
        db.session.get(Update, draft_id).status = "published"
        db.session.commit()
    for lang, slug in (("en", "secret-draft"), ("nl", "geheim-concept")):
        article = _article(previews[lang].get_data(as_text=True))
        assert article == _article(app.test_client().get(f"/{lang}/updates/{slug}/").get_data(True))
        # Details, the signal, the tags in the page's language, the link to the original.
        assert f'<a href="/{lang}/tags/agents/">{LABELS[lang]}</a>' in article
        assert 'class="button source" href="https://openai.com/news/"' in article


LABELS = {"en": "Agents", "nl": "Agenten"}


def _article(page: str) -> str:
    return page[page.index("<article") : page.index("</article>")]


def test_a_preview_link_stops_working_when_the_draft_changes_status(app, editor, draft_id):
    link = preview_link(editor, draft_id)
    with app.app_context():
        db.session.get(Update, draft_id).status = "published"
        db.session.commit()
    response = app.test_client().get(link)
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "private, no-store"


def test_a_preview_link_dies_when_the_draft_is_published_and_drafted_again(
    app, draft_id, monkeypatch
):
    from portal.editor import preview_links

    stamp = int(time.time()) - 60  # made a minute ago
    with app.test_request_context("/en/"), monkeypatch.context() as patched:
        patched.setattr(TimestampSigner, "get_timestamp", lambda self: stamp)
        link = f"/en/preview/{preview_links.token(db.session.get(Update, draft_id))}/"
    assert app.test_client().get(link).status_code == 200
    for status in ("published", "draft"):
        with app.app_context():
            db.session.get(Update, draft_id).status = status
            db.session.commit()
    assert app.test_client().get(link).status_code == 404


def test_a_preview_link_expires_after_seven_days(app, draft_id, monkeypatch):
    from portal.editor import preview_links

    def link_made(days_ago: int) -> str:
        stamp = int(time.time()) - days_ago * 24 * 3600
        with app.test_request_context("/en/"), monkeypatch.context() as patched:
            patched.setattr(TimestampSigner, "get_timestamp", lambda self: stamp)
            return f"/en/preview/{preview_links.token(db.session.get(Update, draft_id))}/"

    assert app.test_client().get(link_made(8)).status_code == 404
    assert app.test_client().get(link_made(6)).status_code == 200


def test_a_forged_preview_link_is_refused(client, draft_id):
    assert client.get("/en/preview/not-a-token/").status_code == 404
    assert client.get("/nl/preview/eyJpZCI6MX0.forged.sig/").status_code == 404


# --- records that are not there -----------------------------------------------------------------


def test_an_unknown_record_is_the_translated_404(app, editor, make_update):
    """Every page of a record that does not exist (or, for a revision, belongs to another
    update) is the 404 page in the editor's language."""
    first, second = make_update(en={"title": "First"}), make_update(en={"title": "Second"})
    with app.app_context():
        elsewhere = Revision(update_id=second, snapshot="{}")
        db.session.add(elsewhere)
        db.session.commit()
        elsewhere_id = elsewhere.id
    missing = [
        ("get", "updates/999/"),
        ("get", "updates/999/history"),
        ("get", "updates/999/delete"),
        ("post", "updates/999/undelete"),
        ("post", "updates/999/preview-link"),
        ("post", f"updates/999/history/{elsewhere_id}/restore"),
        ("post", f"updates/{first}/history/{elsewhere_id}/restore"),
        ("get", "makers/999/"),
        ("get", "tags/999/"),
        ("post", "feedback/999/handled"),
    ]
    for method, path in missing:
        send = editor.get if method == "get" else editor.post
        data = {"csrf_token": editor.csrf} if method == "post" else None
        response = send(f"/nl/editor/{path}", data=data)
        assert response.status_code == 404, path
        assert "<h1>Pagina niet gevonden</h1>" in response.get_data(as_text=True), path


# --- dashboard ---------------------------------------------------------------------------------


def test_dashboard_shows_status_coverage_and_unhandled_feedback(app, editor, make_update, draft_id):
    published = make_update(en={"title": "Out now"}, maker="google")
    with app.app_context():
        db.session.add_all(
            [
                Feedback(message="one", lang="en", update_id=published),
                Feedback(message="two", lang="nl"),
            ]
        )
        db.session.commit()
    page = editor.get("/en/editor/").get_data(as_text=True)
    assert "Secret draft" in page and "Out now" in page
    assert "2 unhandled feedback messages" in page
    assert "Draft" in page and "Published" in page
    only_google = editor.get("/en/editor/?maker=google").get_data(as_text=True)
    assert "Out now" in only_google and "Secret draft" not in only_google
    published_only = editor.get("/en/editor/?status=published").get_data(as_text=True)
    assert "Out now" in published_only and "Secret draft" not in published_only


# --- the feedback inbox -------------------------------------------------------------------------


@pytest.fixture
def feedback(app, make_update, make_maker):
    update_id = make_update(en={"title": "Hello"})
    with app.app_context():
        maker = db.session.merge(make_maker("mistral", "Mistral"))
        db.session.add_all(
            [
                Feedback(
                    message="<script>alert(1)</script> cover more", lang="en", update_id=update_id
                ),
                Feedback(message="Meer over Mistral", lang="nl", maker_id=maker.id),
            ]
        )
        db.session.commit()
        return {f.message: f.id for f in db.session.scalars(select(Feedback))}


def test_the_inbox_is_newest_first_escaped_and_linked(editor, feedback):
    page = editor.get("/en/editor/feedback/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; cover more" in page
    assert page.index("Meer over Mistral") < page.index("cover more")
    assert "/en/editor/updates/" in page and "/en/editor/makers/" in page


def test_marking_handled_moves_it_between_the_filters(editor, feedback):
    item = feedback["Meer over Mistral"]
    response = editor.post(f"/en/editor/feedback/{item}/handled", data={"csrf_token": editor.csrf})
    assert response.status_code == 303
    assert "Meer over Mistral" not in editor.get("/en/editor/feedback/").get_data(as_text=True)
    handled = editor.get("/en/editor/feedback/?state=handled").get_data(as_text=True)
    assert "Meer over Mistral" in handled and "cover more" not in handled
    assert "1 unhandled feedback message" in editor.get("/en/editor/").get_data(as_text=True)


def test_the_inbox_exports_csv(editor, feedback):
    response = editor.get("/en/editor/feedback/export.csv")
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0][0] == "id" and len(rows) == 3


# --- makers and tags -----------------------------------------------------------------------------


def test_create_and_rename_a_maker(app, editor, client, make_update):
    data = {
        "csrf_token": editor.csrf,
        "slug": "xai",
        "name": "xAI",
        "website": "https://x.ai/",
        "description_en": "Makes Grok.",
        "description_nl": "Maakt Grok.",
    }
    assert editor.post("/en/editor/makers/", data=data).status_code == 303
    assert editor.post("/en/editor/makers/", data=data).status_code == 422  # slug taken
    with app.app_context():
        maker_id = db.session.scalar(select(Maker.id).where(Maker.slug == "xai"))
    renamed = data | {"name": "xAI Corp", "description_nl": "Bouwt Grok."}
    assert editor.post(f"/en/editor/makers/{maker_id}/", data=renamed).status_code == 303
    assert client.get("/nl/makers/xai/").status_code == 404  # public once something is out
    make_update(nl={"title": "Grok 5"}, maker="xai")
    page = client.get("/nl/makers/xai/").get_data(as_text=True)
    assert "xAI Corp" in page and "Bouwt Grok." in page


def test_create_rename_and_merge_tags(app, editor, client, make_update, make_tag):
    make_update(en={"title": "Tagged A"}, tags=["llm"])
    make_update(en={"title": "Tagged B"}, tags=["llms", "llm"])
    make_update(en={"title": "Tagged C"}, tags=["llms"])
    data = {
        "csrf_token": editor.csrf,
        "slug": "agents",
        "label_en": "Agents",
        "label_nl": "Agenten",
    }
    assert editor.post("/en/editor/tags/", data=data).status_code == 303
    with app.app_context():
        ids = {t.slug: t.id for t in db.session.scalars(select(Tag))}
    rename = {
        "csrf_token": editor.csrf,
        "slug": "llm",
        "label_en": "Language models",
        "label_nl": "Taalmodellen",
    }
    assert editor.post(f"/en/editor/tags/{ids['llm']}/", data=rename).status_code == 303
    assert "Taalmodellen" in client.get("/nl/tags/llm/").get_data(as_text=True)

    same = {"csrf_token": editor.csrf, "source": ids["llms"], "target": ids["llms"]}
    assert editor.post("/en/editor/tags/merge", data=same).status_code == 422
    merge = {"csrf_token": editor.csrf, "source": ids["llms"], "target": ids["llm"]}
    assert editor.post("/en/editor/tags/merge", data=merge).status_code == 303
    assert client.get("/en/tags/llms/").status_code == 404
    page = client.get("/en/tags/llm/").get_data(as_text=True)
    assert "Tagged A" in page and "Tagged B" in page and "Tagged C" in page
    with app.app_context():
        assert {t.slug for t in db.session.scalars(select(Tag))} == {"llm", "agents"}
