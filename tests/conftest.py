"""Fixtures: an app on a clean database per test (SQLite, or PostgreSQL when
TEST_DATABASE_URL is set), a client, factories."""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from flask_migrate import upgrade
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from portal import create_app
from portal.database import engine_url
from portal.demo.seed import seed_demo
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


# --- programs the suite runs -------------------------------------------------------------
#
# `make test` installs every one of them (scripts/system-packages.sh), so a missing one is a
# failure that says how to get it, never a skip.

PACKAGES = {
    "java": "default-jre-headless",
    "nginx": "nginx-light",
    "openssl": "openssl",
    "redis-server": "redis-server",
}


def require_programs(*programs: str) -> None:
    """Fail the test, with the command that fixes it, when a program is not installed."""
    missing = [name for name in programs if shutil.which(name) is None]
    if missing:
        packages = " ".join(PACKAGES.get(name, name) for name in missing)
        pytest.fail(
            f"{', '.join(missing)} not installed: run `make test`, which installs it "
            f"(or apt-get install {packages})",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def require() -> Callable[..., None]:
    """require("nginx", …): fail, saying how to install it, when a program is missing."""
    return require_programs


# --- databases --------------------------------------------------------------------------
#
# Every test database holds the schema the migrations make, as production's does (never
# db.create_all()): each xdist worker upgrades one template database to head once, and
# test databases are copies of it. Without TEST_DATABASE_URL the template is a SQLite file
# and each test gets a copy of the file (0.2 ms; create_all took 25). With it (a
# PostgreSQL server URL naming a database, e.g.
# postgresql://postgres@127.0.0.1:5432/portal_test), each worker gets its own databases
# `<name>_<worker>_template` and `<name>_<worker>` (a copy), and each test starts from
# empty tables with their id sequences reset: DELETE and setval() take about 45 ms on a
# busy 2-core machine, TRUNCATE ... RESTART IDENTITY about 175 ms (it makes new files for
# each table), a new copy of the template about 200.

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


class PostgresServer:
    """Creates and drops this worker's databases on the server TEST_DATABASE_URL names."""

    def __init__(self, url: str):
        self.url = make_url(engine_url(url))
        self.base = self.url.database or "portal_test"
        self.admin = create_engine(
            self.url.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        self.created: list[str] = []

    def name(self, suffix: str = "") -> str:
        return "_".join(part for part in (self.base, WORKER, suffix) if part)

    def create(self, suffix: str = "", template: str | None = None) -> str:
        """A new database for this worker, empty or a copy of `template`; its SQLAlchemy
        URL. The template must have no open connection."""
        name = self.name(suffix)
        copy = f' TEMPLATE "{template}"' if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        self.created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in reversed(self.created):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer | None]:
    """The PostgreSQL server under test, or None when the suite runs on SQLite."""
    if not TEST_DATABASE_URL:
        yield None
        return
    server = PostgresServer(TEST_DATABASE_URL)
    yield server
    server.drop_all()


@pytest.fixture
def fresh_database(postgres, tmp_path) -> Callable[[str], str]:
    """fresh_database(name) → the URL of a new, empty database (no tables) on the engine
    under test: a SQLite file, or a PostgreSQL database of this worker's."""

    def make(name: str) -> str:
        if postgres is None:
            return f"sqlite:///{tmp_path / (name + '.db')}"
        return postgres.create(name)

    return make


class Template:
    """A database migrated to head once per worker and never used by a test; test
    databases are copies of it."""

    def __init__(self, postgres: PostgresServer | None, folder: Path):
        self.postgres = postgres
        self.path = folder / "template.db"
        url = postgres.create("template") if postgres else f"sqlite:///{self.path}"
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade()
            db.engine.dispose()  # PostgreSQL copies a template only while no one is on it

    def copy(self, name: str, folder: Path) -> str:
        """The URL of a new database `name` with the migrated schema and no content: a
        SQLite file in `folder`, or a PostgreSQL database of this worker's."""
        if self.postgres is None:
            return self.copy_to(folder / f"{name}.db")
        return self.postgres.create(name, template=self.postgres.name("template"))

    def copy_to(self, path: Path) -> str:
        """The URL of a new SQLite file at `path` with the migrated schema (SQLite only)."""
        shutil.copyfile(self.path, path)
        return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def template(postgres, tmp_path_factory) -> Template:
    """The migrated schema on the engine under test."""
    return Template(postgres, tmp_path_factory.mktemp("schema"))


@pytest.fixture(scope="session")
def sqlite_template(postgres, template, tmp_path_factory) -> Template:
    """The migrated schema in a SQLite file, whatever the engine under test: for tests of
    SQLite itself and of a second site beside the test's own."""
    return template if postgres is None else Template(None, tmp_path_factory.mktemp("sqlite"))


@pytest.fixture
def migrated_database(template, tmp_path) -> Callable[[str], str]:
    """migrated_database(name) → the URL of a new database on the engine under test with
    the migrated schema and no content, beside the test's own."""
    return lambda name: template.copy(name, tmp_path)


@pytest.fixture(scope="session")
def _worker_database(template, postgres) -> str | None:
    """This worker's PostgreSQL database with the schema, copied once; None on SQLite."""
    if postgres is None:
        return None
    url = template.copy("", Path())
    engine = create_engine(engine_url(url), poolclass=NullPool)
    with engine.connect() as conn:
        sequences = conn.scalars(
            text("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
        ).all()
        changed = conn.scalar(text("SELECT content_changed_at FROM site_state"))
    engine.dispose()
    # Children first: the search index, then the tables in reverse dependency order; the
    # one site_state row back as the migrations left it.
    tables = [
        "update_search",
        *(t.name for t in reversed(db.metadata.sorted_tables) if t.name != "site_state"),
    ]
    _emptying_sql[url] = (
        " ".join(f'DELETE FROM "{name}";' for name in tables)
        + " SELECT "
        + ", ".join(f"setval('\"{name}\"', 1, false)" for name in sequences)
        + "; UPDATE site_state SET content_version = 1, review_required = false, "
        + f"content_changed_at = '{changed.isoformat(sep=' ')}'"
    )
    return url


_emptying_sql: dict[str, str] = {}


@pytest.fixture
def database_uri(_worker_database, template, tmp_path) -> str:
    """The URL of this test's database, with the migrated schema and no content."""
    if _worker_database is None:
        return template.copy("test", tmp_path)
    engine = create_engine(engine_url(_worker_database), poolclass=NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql(_emptying_sql[_worker_database])
    engine.dispose()
    return _worker_database


@pytest.fixture
def app(database_uri):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "SITE_URL": "https://portal.example",
        }
    )
    # No app context stays pushed while a test runs: each request gets its own, as in
    # production, so nothing cached on `g` or by Flask-Babel leaks between requests.
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
def uncached(database_uri):
    """A second app on the same database with the page cache off: another worker whose
    every request renders, so only what the app keeps in memory (the content
    index, kept pieces) could serve stale content."""
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_uri, "PAGE_CACHE_BYTES": 0}
    )
    yield app
    with app.app_context():
        db.engine.dispose()


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


# --- mail -------------------------------------------------------------------------------
#
# A real SMTP server on the loopback (aiosmtpd) that keeps every message it accepts, and
# can refuse recipients for now (451) or for good (550).


@dataclass
class Inbox:
    messages: list = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # 550
    defer: set[str] = field(default_factory=set)  # 451

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user"
        if address in self.defer:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        for to in envelope.rcpt_tos:
            self.messages.append((to, message))
        return "250 Message accepted"

    def to(self, address: str) -> list:
        return [m for rcpt, m in self.messages if rcpt == address]

    def parts(self, message) -> tuple[str, str]:
        """The text and the HTML part of a multipart mail."""
        text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        html = message.get_body(("html",)).get_content().replace("\r\n", "\n")
        return text, html


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_smtp() -> tuple[Controller, Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, inbox


@pytest.fixture
def smtp() -> Iterator[Inbox]:
    """A real SMTP server on the loopback; its Inbox (with `.port`)."""
    controller, inbox = start_smtp()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture(scope="session")
def live_smtp() -> Iterator[Inbox]:
    """A real SMTP server for the whole session (the browser tests' live server sends to it)."""
    controller, inbox = start_smtp()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def mail_app(app, smtp):
    """The app sending mail to the `smtp` server (digests on)."""
    app.config.update(SMTP_URL=f"smtp://127.0.0.1:{smtp.port}", MAIL_FROM="digest@portal.example")
    return app
