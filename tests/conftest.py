"""Fixtures: an app on a fresh SQLite database per test, a client, factories."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from portal import create_app
from portal.cli import seed_demo
from portal.extensions import db
from portal.models import Maker, MakerTranslation, Tag, TagTranslation, Update, UpdateTranslation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """Compile the .po catalogs once, as the build does (.mo files are not committed)."""
    subprocess.run(
        [str(Path(sys.executable).parent / "pybabel"), "compile", "-d", str(ROOT / "translations")],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.db'}",
            "SITE_URL": "https://portal.example",
        }
    )
    # No app context stays pushed while a test runs: each request gets its own, as in
    # production, so nothing cached on `g` or by Flask-Babel leaks between requests.
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def ctx(app):
    """An app context for tests that read or write the database directly."""
    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def seeded(app):
    """The demo content, as `make run` serves it."""
    with app.app_context():
        seed_demo()
    return app


@pytest.fixture
def make_maker(app):
    def make(slug="openai", name="OpenAI"):
        with app.app_context():
            return _maker(slug, name)

    def _maker(slug, name):
        maker = db.session.query(Maker).filter_by(slug=slug).one_or_none()
        if maker is None:
            maker = Maker(slug=slug, name=name, website=f"https://{slug}.example/")
            maker.translations = [
                MakerTranslation(lang="en", description=f"{name} builds AI."),
                MakerTranslation(lang="nl", description=f"{name} bouwt AI."),
            ]
            db.session.add(maker)
            db.session.commit()
        return maker

    return make


@pytest.fixture
def make_tag(app):
    def make(slug, en=None, nl=None):
        with app.app_context():
            return _tag(slug, en, nl)

    def _tag(slug, en, nl):
        tag = db.session.query(Tag).filter_by(slug=slug).one_or_none()
        if tag is None:
            tag = Tag(slug=slug)
            tag.translations = [
                TagTranslation(lang="en", label=en or slug),
                TagTranslation(lang="nl", label=nl or en or slug),
            ]
            db.session.add(tag)
            db.session.commit()
        return tag

    return make


@pytest.fixture
def make_update(app, make_maker, make_tag):
    """make_update(en={"title": ...}, nl={...}, maker="openai", ...): a published update."""
    counter = {"n": 0}

    def make(en=None, nl=None, maker="openai", tags=(), published="2025-07-11", **fields):
        with app.app_context():
            return _update(en, nl, maker, tags, published, fields)

    def _update(en, nl, maker, tags, published, fields):
        counter["n"] += 1
        n = counter["n"]
        texts = {}
        for lang, given in (("en", en), ("nl", nl)):
            if given is None:
                continue
            text = {
                "title": f"Update {n} {lang}",
                "lede": f"Lede {n} {lang}",
                "body": f"Body {n} {lang}",
                "impact": f"Impact {n} {lang}",
                "takeaways": [f"One {n}", f"Two {n}", f"Three {n}"],
            } | given
            text.setdefault("slug", text["title"].lower().replace(" ", "-"))
            texts[lang] = text
        update = Update(
            maker=db.session.merge(make_maker(maker, maker.capitalize())),
            type=fields.pop("type", "article"),
            source_url=fields.pop("source_url", "https://openai.com/news/"),
            published_at=datetime.fromisoformat(published),
            audience=fields.pop("audience", "developers"),
            level=fields.pop("level", "expert"),
            importance=fields.pop("importance", 3),
            author=fields.pop("author", "Someone"),
            status=fields.pop("status", "published"),
            tags=[db.session.merge(make_tag(slug)) for slug in tags],
        )
        for lang, text in texts.items():
            translation = UpdateTranslation(
                lang=lang,
                slug=text["slug"],
                title=text["title"],
                lede=text["lede"],
                body=text["body"],
                impact=text["impact"],
            )
            translation.takeaways = text["takeaways"]
            update.translations.append(translation)
        db.session.add(update)
        db.session.commit()
        return update.id

    return make


# --- editors ----------------------------------------------------------------------------

EDITOR_NAME, EDITOR_PASSWORD = "eva", "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_from(response) -> str:
    """The CSRF token of the first editor form on a page."""
    return _CSRF.search(response.get_data(as_text=True)).group(1)


@pytest.fixture
def editor_account(app):
    """An editor called eva, not logged in."""
    from portal.editor.accounts import hash_password
    from portal.models import Editor

    with app.app_context():
        db.session.add(Editor(username=EDITOR_NAME, password_hash=hash_password(EDITOR_PASSWORD)))
        db.session.commit()
    return EDITOR_NAME


def log_in(client, username=EDITOR_NAME, password=EDITOR_PASSWORD, lang="en", next_=None):
    """Post the login form as a browser would: its page first, then the form with its token."""
    token = csrf_from(client.get(f"/{lang}/editor/login"))
    return client.post(
        f"/{lang}/editor/login",
        query_string={"next": next_} if next_ else {},
        data={"username": username, "password": password, "csrf_token": token},
    )


@pytest.fixture
def login():
    """log_in(client, username=..., password=..., lang=..., next_=...) → the response."""
    return log_in


@pytest.fixture
def csrf():
    """csrf(response) → the CSRF token of the page's first editor form."""
    return csrf_from


@pytest.fixture
def editor(client, editor_account):
    """The test client, logged in as eva; `client.csrf` is a token for its session."""
    response = log_in(client)
    assert response.status_code == 303, response.get_data(as_text=True)
    client.csrf = csrf_from(client.get("/en/editor/updates/new"))
    return client
