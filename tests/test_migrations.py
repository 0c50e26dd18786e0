"""Migrations: an empty database and one holding rows from every earlier revision upgrade
to head on the engine under test (SQLite, or PostgreSQL with TEST_DATABASE_URL) and lose
nothing; head downgrades to an empty schema.

Generic over the revision chain: for each revision the schema is read from the database
itself and every table is filled through plain SQL (two rows each, foreign keys pointing
at the parent rows), so a new revision is covered without touching this file.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from portal import create_app, search
from portal.demo.seed import seed_demo
from portal.extensions import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
SCRIPTS = ScriptDirectory(str(MIGRATIONS))
CHAIN = [script.revision for script in reversed(list(SCRIPTS.walk_revisions()))]
HEAD = CHAIN[-1]
SEARCH_REVISION = "5b1e7c9d2a40"  # indexes the rows already there
ROWS = 2
# Columns whose values other code reads with a meaning: keep them meaningful.
MEANINGFUL = {"lang": ["en", "nl"], "status": ["published", "draft"]}


def _skipped(name: str) -> bool:
    """The search index (its own upkeep), FTS5's shadow tables, Alembic's bookkeeping."""
    return name.startswith("update_search") or name == "alembic_version"


def _value(table: str, column: sa.Column, row: int):
    if column.name in MEANINGFUL:
        return MEANINGFUL[column.name][row % len(MEANINGFUL[column.name])]
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return row % 2 == 0
    if isinstance(kind, sa.DateTime):
        return datetime(2025, 7, 11, 9, 30) + timedelta(days=row, minutes=row)
    if isinstance(kind, sa.Date):
        return date(2025, 7, 11) + timedelta(days=row)
    if isinstance(kind, sa.Time):
        return time(9, row)
    if isinstance(kind, sa.Integer):
        return 3 + row
    if isinstance(kind, sa.Numeric):
        return Decimal("1.25") + row
    if isinstance(kind, sa.String | sa.Text):
        length = getattr(kind, "length", None) or 1000
        text = f"{column.name} {table} word{row}"
        return text[: length - 2] + str(row) if len(text) > length else text
    raise AssertionError(f"no sample value for {table}.{column.name} ({kind!r})")


def _fill(conn: sa.Connection) -> dict[str, list[dict]]:
    """Two rows in every empty table, through plain INSERT statements; what was written.
    Foreign keys point at the first rows of their parent tables, old or new."""
    meta = sa.MetaData()
    meta.reflect(conn)
    written: dict[str, list[dict]] = {}
    ids: dict[str, list[int]] = {}
    for table in meta.sorted_tables:
        if _skipped(table.name):
            continue
        if conn.scalar(sa.select(sa.func.count()).select_from(table)):
            if "id" in table.c:
                first = sa.select(table.c.id).order_by(table.c.id).limit(ROWS)
                ids[table.name] = conn.scalars(first).all()
            continue
        rows = []
        for row in range(ROWS):
            values = {}
            for column in table.columns:
                foreign = next(iter(column.foreign_keys), None)
                if foreign is not None:
                    values[column.name] = ids[foreign.column.table.name][row]
                elif column.primary_key and isinstance(column.type, sa.Integer):
                    continue  # the database numbers it
                else:
                    values[column.name] = _value(table.name, column, row)
            names = ", ".join(values)
            marks = ", ".join(f":{name}" for name in values)
            pk = [c.name for c in table.primary_key.columns]
            # Typed parameters: the driver gets what the column type makes of a value.
            typed = [sa.bindparam(name, type_=table.c[name].type) for name in values]
            sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
            if "id" in pk:
                new_id = conn.execute(
                    sa.text(sql + " RETURNING id").bindparams(*typed), values
                ).scalar_one()
                ids.setdefault(table.name, []).append(new_id)
                values["id"] = new_id
            else:
                conn.execute(sa.text(sql).bindparams(*typed), values)
            rows.append(values)
        written[table.name] = rows
    return written


def _read(conn: sa.Connection, written: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The same columns of the same tables, as the database holds them now."""
    meta = sa.MetaData()
    meta.reflect(conn, only=list(written))
    found = {}
    for name, rows in written.items():
        table = meta.tables[name]
        columns = [table.c[column] for column in rows[0]]
        found[name] = [dict(r._mapping) for r in conn.execute(sa.select(*columns))]
    return found


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: repr(sorted(row.items())))


def _tables(conn: sa.Connection) -> set[str]:
    return {name for name in sa.inspect(conn).get_table_names() if not _skipped(name)}


@pytest.fixture
def migrated_app(fresh_database):
    """make(name) → an app on a new, empty database (no tables) of the engine under test."""
    apps = []

    def make(name: str):
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": fresh_database(name)})
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_the_chain_is_one_line_from_base_to_head():
    assert SCRIPTS.get_heads() == [HEAD]
    assert SCRIPTS.get_revision(CHAIN[0]).down_revision is None
    assert len(CHAIN) == len(set(CHAIN)) >= 4


def test_an_empty_database_upgrades_to_the_models_and_back_to_nothing(migrated_app):
    app = migrated_app("empty")
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            assert _tables(conn) == set(db.metadata.tables)
            assert conn.scalar(sa.text("SELECT content_version FROM site_state")) == 1
        downgrade(revision="base")
        with db.engine.connect() as conn:
            assert _tables(conn) == set()
            left = sa.inspect(conn).get_table_names()
            assert not any(name.startswith("update_search") for name in left)


@pytest.mark.parametrize("revision", CHAIN)
def test_rows_of_every_revision_survive_the_upgrade_to_head(migrated_app, revision):
    app = migrated_app(f"r{revision[:6]}")
    with app.app_context():
        upgrade(revision=revision)
        with db.engine.begin() as conn:
            written = _fill(conn)
        assert {"updates", "update_translations", "makers"} <= set(written)

        upgrade(revision=HEAD)
        with db.engine.connect() as conn:
            found = _read(conn, written)
            assert _tables(conn) == set(db.metadata.tables)
        for name, rows in written.items():
            assert _sorted(found[name]) == _sorted(rows), name

        # The index built by the search migration finds what was there before it.
        if CHAIN.index(revision) < CHAIN.index(SEARCH_REVISION):
            for text in written["update_translations"]:
                hits = db.session.execute(search.matching(text["lang"], text["title"])).all()
                assert text["update_id"] in {hit.update_id for hit in hits}
            db.session.remove()

        downgrade(revision="base")
        with db.engine.connect() as conn:
            assert _tables(conn) == set()


# --- what env.py guarantees for every future migration -----------------------------------

LATER = """
from alembic import op
import sqlalchemy as sa

revision = "f0f0f0f0f0f0"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
{body}


def downgrade():
    pass
"""
# SQLite cannot widen a column in place: batch mode copies `updates`, drops it, renames.
WIDEN_AUTHOR = """
    with op.batch_alter_table("updates") as batch_op:
        batch_op.alter_column(
            "author", type_=sa.String(300), existing_type=sa.String(200), existing_nullable=False
        )
"""
ORPHAN_TAG_LINK = """
    op.execute("INSERT INTO update_tags (update_id, tag_id) VALUES (9999, 9999)")
"""


def _later_revision(tmp_path: Path, body: str) -> str:
    """A copy of the migrations folder (env.py included) with one more revision on top."""
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    later = LATER.format(head=HEAD, body=body.strip("\n"))
    (copy / "versions" / "f0f0f0f0f0f0_later.py").write_text(later)
    return str(copy)


def _counts(conn: sa.Connection) -> dict[str, int]:
    return {
        name: conn.scalar(sa.text(f"SELECT count(*) FROM {name}")) for name in sorted(_tables(conn))
    }


def _seeded(app) -> dict[str, int]:
    """Head, the demo content, two rows in every table it leaves empty; the row counts."""
    with app.app_context():
        upgrade()
        seed_demo()
        db.session.remove()
        with db.engine.begin() as conn:
            _fill(conn)
        with db.engine.connect() as conn:
            return _counts(conn)


def test_a_migration_that_rebuilds_updates_keeps_every_child_row(migrated_app, tmp_path):
    app = migrated_app("rebuild")
    before = _seeded(app)
    assert before["update_translations"] > 2 and before["update_tags"] > 2
    assert before["revisions"] == 2
    with app.app_context():
        upgrade(directory=_later_revision(tmp_path, WIDEN_AUTHOR))
        with db.engine.connect() as conn:
            assert _counts(conn) == before
            assert conn.scalar(sa.text("SELECT version_num FROM alembic_version")) == "f0f0f0f0f0f0"
            if conn.dialect.name == "sqlite":  # the pooled connection has them on again
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        author = sa.inspect(db.engine).get_columns("updates")
        assert next(c["type"].length for c in author if c["name"] == "author") == 300


def test_a_migration_that_leaves_a_dangling_foreign_key_fails_and_is_undone(migrated_app, tmp_path):
    app = migrated_app("dangling")
    before = _seeded(app)
    with app.app_context():
        # SQLite: env.py's foreign_key_check refuses it (flask-migrate exits with the
        # message); PostgreSQL: the constraint itself.
        with pytest.raises((SystemExit, sa.exc.IntegrityError)):
            upgrade(directory=_later_revision(tmp_path, ORPHAN_TAG_LINK))
        with db.engine.connect() as conn:
            assert _counts(conn) == before
            assert conn.scalar(sa.text("SELECT version_num FROM alembic_version")) == HEAD
