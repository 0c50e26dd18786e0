"""The demo content and the migration that creates the schema."""

from __future__ import annotations

import sqlite3

from flask_migrate import upgrade
from sqlalchemy import func, select

from portal import create_app
from portal.demo.seed import seed_demo
from portal.extensions import db
from portal.models import Maker, MakerTranslation, TagTranslation, Update, UpdateTranslation


def test_migration_creates_the_schema_on_an_empty_database(tmp_path):
    path = tmp_path / "empty.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        seed_demo()
        assert db.session.scalar(select(func.count()).select_from(Update)) >= 40
        db.engine.dispose()
    query = "select name from sqlite_master where type='table'"
    tables = {row[0] for row in sqlite3.connect(path).execute(query)}
    assert {
        "makers",
        "updates",
        "update_translations",
        "tags",
        "editors",
        "feedback",
        "alembic_version",
    } <= tables


def test_seed_demo_is_idempotent(ctx):
    first = seed_demo()

    def counts():
        return [db.session.scalar(select(func.count()).select_from(m)) for m in (Update, Maker)]

    before = counts()
    assert seed_demo() == 0
    assert counts() == before
    assert first == before[0]


def test_seed_demo_has_the_promised_variety(ctx):
    seed_demo()
    updates = db.session.scalars(select(Update)).all()
    assert len(updates) >= 40
    assert len(db.session.scalars(select(Maker)).all()) >= 8
    langs = [{t.lang for t in u.translations} for u in updates]
    assert sum(1 for s in langs if s == {"nl"}) >= 3
    assert sum(1 for s in langs if s == {"en"}) >= 3
    assert sum(1 for s in langs if s == {"en", "nl"}) > len(updates) / 2
    assert len({u.type for u in updates}) >= 3
    assert len({u.audience for u in updates}) >= 3
    assert len({u.level for u in updates}) == 3
    assert all(u.source_url.startswith("https://") for u in updates)
    titles = db.session.scalars(
        select(UpdateTranslation.title).where(UpdateTranslation.lang == "nl")
    ).all()
    assert "Gemini komt eraan" in titles
    eu = db.session.scalar(
        select(UpdateTranslation).where(
            UpdateTranslation.title == "The EU Code of Practice and future of AI in Europe",
            UpdateTranslation.lang == "en",
        )
    )
    assert eu.reading_minutes == 7
    assert eu.update.published_at.date().isoformat() == "2025-07-11"
    assert sorted(t.slug for t in eu.update.tags) == ["apps", "model", "pricing", "video"]
    assert (eu.update.audience, eu.update.level) == ("developers", "expert")
    assert {t.lang for t in eu.update.translations} == {"en", "nl"}


def test_seed_demo_loads_the_configured_languages_only(app):
    """The demo texts are loaded for the site's languages, whatever else the file holds."""
    app.config["LANGUAGES"] = {"en": "English"}
    with app.app_context():
        added = seed_demo()
        langs = {
            model.__tablename__: set(db.session.scalars(select(model.lang)))
            for model in (UpdateTranslation, MakerTranslation, TagTranslation)
        }
        untranslated = db.session.scalar(
            select(func.count()).select_from(Update).where(~Update.translations.any())
        )
    assert langs == {
        "update_translations": {"en"},
        "maker_translations": {"en"},
        "tag_translations": {"en"},
    }
    assert added >= 40 and untranslated == 0  # the Dutch-only updates are left out


def test_search_migration_indexes_rows_already_in_the_database(tmp_path):
    from flask_migrate import downgrade

    from portal import search

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.db'}"})
    with app.app_context():
        upgrade()
        seed_demo()
        downgrade(revision="816c47f43cbb")  # back to the schema before the search index
        upgrade()
        found = db.session.execute(search.matching("nl", "Gemini komt eraan")).all()
        assert len(found) == 1
        db.engine.dispose()
