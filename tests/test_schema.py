"""The models and the schema the migrations make agree: autogenerate finds nothing to do.

Run on the engine under test (SQLite, or PostgreSQL with TEST_DATABASE_URL), on a copy of
the migrated template the other tests use. The search index is left out, as in
migrations/env.py: its table is made by the search migration and has no model.
"""

from __future__ import annotations

import ast
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from portal.extensions import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def include_object(obj, name, type_, reflected, compare_to):
    """migrations/env.py's filter: the full-text index (an FTS5 table and its shadow tables)
    is no model's."""
    return not (type_ == "table" and name and name.startswith("update_search"))


def test_the_migrated_schema_is_the_models(app):
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": include_object,
                "compare_type": True,
                "compare_server_default": True,
            },
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_no_migration_imports_the_application():
    """A migration is frozen: it must do tomorrow what it did when written, whatever the
    application's code has become since."""
    for script in sorted(MIGRATIONS.glob("versions/*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert all(name.split(".")[0] != "portal" for name in names), (script.name, names)
