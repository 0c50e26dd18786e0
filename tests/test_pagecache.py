"""The page cache: public pages are served again without rendering, and never stale."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, text

from portal import create_app, queries
from portal.extensions import db
from portal.models import Update, UpdateTranslation, content

HX = {"HX-Request": "true"}


@pytest.fixture
def statements(app):
    """Count the SQL statements sent to the database while a test runs."""
    with app.app_context():
        engine = db.engine
    sent: list[str] = []

    def count(conn, cursor, statement, *args):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield sent
    event.remove(engine, "before_cursor_execute", count)


def _retitle(app, update_id: int, lang: str, title: str) -> None:
    with app.app_context():
        translation = (
            db.session.query(UpdateTranslation).filter_by(update_id=update_id, lang=lang).one()
        )
        translation.title = title
        db.session.commit()


def _raw_sql(app, sql: str) -> None:
    """Change the database behind the ORM's back (the cache cannot know)."""
    with app.app_context():
        db.session.execute(text(sql))
        db.session.commit()


URLS = [
    "/en/",
    "/en/updates/",
    "/en/updates/?type=article",
    "/en/updates/first-title/",
    "/en/makers/openai/",
    "/en/tags/agents/",
    "/en/feed.xml",
]


@pytest.mark.parametrize("url", URLS)
def test_a_repeated_request_is_served_without_rendering(app, client, make_update, statements, url):
    make_update(en={"title": "First title"}, tags=["agents"])
    first = client.get(url)
    assert first.status_code == 200 and b"First title" in first.data
    statements.clear()
    again = client.get(url)
    assert again.data == first.data
    assert again.headers["ETag"] == first.headers["ETag"]
    assert len(statements) == 1, statements  # only the content version is read


@pytest.mark.parametrize("url", URLS)
def test_an_edit_is_visible_on_the_very_next_request(app, client, make_update, url):
    update_id = make_update(en={"title": "First title", "slug": "first-title"}, tags=["agents"])
    assert b"First title" in client.get(url).data
    _retitle(app, update_id, "en", "Second title")
    response = client.get(url)
    assert b"Second title" in response.data
    assert b"First title" not in response.data


def test_the_cache_really_keeps_pages(app, client, make_update):
    """A change the ORM never saw is not picked up: proof that the page came from the cache."""
    make_update(en={"title": "First title"})
    assert b"First title" in client.get("/en/updates/").data
    _raw_sql(app, "UPDATE update_translations SET title = 'Sneaky title'")
    assert b"First title" in client.get("/en/updates/").data
    assert b"Sneaky title" in client.get("/en/updates/?page=1").data  # another URL, rendered


def test_an_edit_made_by_another_worker_is_seen(app, client, make_update, tmp_path):
    """Two app instances on one database, like two gunicorn workers."""
    update_id = make_update(en={"title": "First title", "slug": "first-title"})
    assert b"First title" in client.get("/en/updates/first-title/").data
    other = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}
    )
    _retitle(other, update_id, "en", "Edited elsewhere")
    assert b"Edited elsewhere" in client.get("/en/updates/first-title/").data
    with other.app_context():
        db.engine.dispose()


def test_unpublishing_and_deleting_take_effect_at_once(app, client, make_update):
    update_id = make_update(en={"title": "First title", "slug": "first-title"})
    make_update(en={"title": "Other title"})
    assert client.get("/en/updates/first-title/").status_code == 200
    assert b"First title" in client.get("/en/updates/").data
    with app.app_context():
        db.session.get(Update, update_id).status = "draft"
        db.session.commit()
    assert client.get("/en/updates/first-title/").status_code == 404
    assert b"First title" not in client.get("/en/updates/").data
    with app.app_context():
        update = db.session.get(Update, update_id)
        update.status = "published"
        db.session.commit()
        assert b"First title" in client.get("/en/updates/").data
        db.session.delete(db.session.get(Update, update_id))
        db.session.commit()
    assert b"First title" not in client.get("/en/updates/").data
    assert client.get("/en/updates/first-title/").status_code == 404


def test_a_scheduled_update_appears_at_its_time_without_an_edit(
    app, client, make_update, monkeypatch
):
    now = content.utcnow().replace(microsecond=0)
    make_update(en={"title": "Already out"}, published=(now - timedelta(days=1)).isoformat())
    make_update(en={"title": "Goes live later"}, published=(now + timedelta(hours=1)).isoformat())
    listing = client.get("/en/updates/").data
    assert b"Already out" in listing and b"Goes live later" not in listing
    assert b"Goes live later" not in client.get("/en/updates/").data

    later = now + timedelta(hours=2)
    monkeypatch.setattr(content, "utcnow", lambda: later)
    monkeypatch.setattr(queries, "utcnow", lambda: later)
    assert b"Goes live later" in client.get("/en/updates/").data


def test_page_and_fragment_are_kept_apart(app, client, make_update):
    make_update(en={"title": "First title"})
    page = client.get("/en/updates/?type=article")
    fragment = client.get("/en/updates/?type=article", headers=HX)
    assert b"<html" in page.data and b"<html" not in fragment.data
    assert b"<html" not in client.get("/en/updates/?type=article", headers=HX).data
    restore = client.get(
        "/en/updates/?type=article", headers=HX | {"HX-History-Restore-Request": "true"}
    )
    assert b"<html" in restore.data
    assert b"<html" in client.get("/en/updates/?type=article").data
    assert (
        fragment.headers["Vary"]
        == page.headers["Vary"]
        == ("HX-Request, HX-Boosted, HX-History-Restore-Request, Accept-Encoding")
    )


# Headers a reader may send, and the output each must get (portal/htmx.py's one rule).
ODD_HEADERS = [
    ({"HX-Request": "true", "HX-Boosted": "no"}, "page"),
    ({"HX-Request": "true", "HX-Boosted": "true"}, "page"),
    ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, "page"),
    ({"HX-Request": "TRUE"}, "page"),
    ({"HX-Request": "1"}, "page"),
    ({"HX-Request": ""}, "page"),
    ({"HX-Request": "true", "HX-Boosted": "", "HX-History-Restore-Request": ""}, "fragment"),
]
ODD_IDS = ["-".join(f"{k}={v}" for k, v in headers.items()) for headers, _ in ODD_HEADERS]


def _output(response) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="results"' in html
    return "page" if html.startswith("<!DOCTYPE html>") else "fragment"


@pytest.mark.parametrize(("headers", "output"), ODD_HEADERS, ids=ODD_IDS)
@pytest.mark.parametrize("path", ["/en/updates/?x=1", "/nl/makers/openai/", "/en/tags/agents/"])
def test_no_request_header_makes_the_cache_serve_the_other_output(
    client, make_update, path, headers, output
):
    """Whoever asks first, and with whatever headers, the cache keeps each output under
    its own key: a plain request always gets the page, an htmx swap the fragment."""
    make_update(en={"title": "First title"}, nl={"title": "Eerste titel"}, tags=["agents"])
    for _ in range(2):  # the first round fills the cache, the second is served from it
        assert _output(client.get(path, headers=headers)) == output
        assert _output(client.get(path)) == "page"
        assert _output(client.get(path, headers=HX)) == "fragment"
        assert _output(client.get(path, headers=HX | {"HX-History-Restore-Request": "true"})) == (
            "page"
        )


def test_a_matching_etag_gets_304_without_a_body(client, make_update):
    make_update(en={"title": "First title"})
    first = client.get("/en/updates/")
    etag = first.headers["ETag"]
    again = client.get("/en/updates/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    other = client.get("/en/updates/", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.data == first.data


def test_an_edit_changes_the_etag(app, client, make_update):
    update_id = make_update(en={"title": "First title"})
    etag = client.get("/en/updates/").headers["ETag"]
    _retitle(app, update_id, "en", "Second title")
    response = client.get("/en/updates/", headers={"If-None-Match": etag})
    assert response.status_code == 200 and b"Second title" in response.data
    assert response.headers["ETag"] != etag


def test_errors_and_redirects_are_not_kept(app, client, make_update, statements):
    make_update(en={"title": "First title"})
    assert client.get("/en/updates/nothing-here/").status_code == 404
    statements.clear()
    assert client.get("/en/updates/nothing-here/").status_code == 404
    assert len(statements) > 1  # rendered again
    assert "page_cache" in app.extensions
    keys = {key[2] for key in app.extensions["page_cache"].entries}
    assert "/en/updates/nothing-here/" not in keys
    statements.clear()
    assert client.get("/").status_code == 302
    assert not any("site_state" in sql for sql in statements)  # not cacheable: no version read
    assert "/" not in {key[2] for key in app.extensions["page_cache"].entries}


def test_the_cache_stays_within_its_size(migrated_database):
    small = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": migrated_database("small"),
            "PAGE_CACHE_BYTES": 40_000,
        }
    )
    client = small.test_client()
    for page in range(1, 30):
        assert client.get(f"/en/updates/?page={page}").status_code == 200
    cache = small.extensions["page_cache"]
    assert 0 < cache.size <= 40_000
    assert len(cache.entries) < 29
    assert (
        "http",
        "localhost",
        "/en/updates/",
        "page=29",
        False,
    ) in cache.entries  # the newest stays
    with small.app_context():
        db.engine.dispose()


def test_the_cache_can_be_turned_off(tmp_path):
    off = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'off.db'}",
            "PAGE_CACHE_BYTES": 0,
        }
    )
    assert "page_cache" not in off.extensions
