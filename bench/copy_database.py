"""Copy a generated SQLite bench database into another database, for bench/load.sh.

    python bench/copy_database.py bench/data/portal-1000.db postgresql+psycopg://...

The target gets the app's schema from its own migrations (`flask_migrate.upgrade()`), then
the rows of every table of the models, table by table in dependency order, read and
written through SQLAlchemy Core with the models' column types (so SQLite's stored dates
arrive as dates). Rows already there are deleted first, unless the target already holds
exactly the same number of updates, translations and tags, which counts as loaded
(re-running the load test does not copy again). On PostgreSQL the id sequences are moved
past the copied ids, and the full-text index is rebuilt by the app (`search.rebuild()`).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BATCH = 5000


def _counts(conn, tables) -> tuple[int, ...]:
    return tuple(conn.execute(select(func.count()).select_from(t)).scalar() for t in tables)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source_path, target_url = Path(sys.argv[1]), sys.argv[2]
    if not source_path.exists():
        sys.exit(f"{source_path} does not exist")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    import flask_migrate

    from portal import create_app, search
    from portal.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": target_url, "PAGE_CACHE_BYTES": 0})
    source = create_engine(f"sqlite:///{source_path.resolve()}")
    with app.app_context():
        flask_migrate.upgrade()
        tables = db.metadata.sorted_tables
        probe = [db.metadata.tables[name] for name in ("updates", "update_translations", "tags")]
        with source.connect() as src, db.engine.begin() as dst:
            if _counts(src, probe) == _counts(dst, probe):
                print(f"{target_url.split('@')[-1]}: already holds these rows; not copied again")
                return
            for table in reversed(tables):
                dst.execute(table.delete())
            for table in tables:
                # Generated columns (a search vector, say) are the target's own business.
                columns = [c for c in table.c if c.computed is None]
                rows = src.execute(select(*columns)).mappings()
                copied = 0
                while batch := rows.fetchmany(BATCH):
                    dst.execute(table.insert(), [dict(row) for row in batch])
                    copied += len(batch)
                print(f"{table.name}: {copied} rows", flush=True)
            if dst.dialect.name == "postgresql":
                for table in tables:
                    if "id" in table.c and table.c.id.autoincrement in (True, "auto"):
                        dst.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                            )
                        )
        indexed = search.rebuild()
        print(f"search index: {indexed} translations", flush=True)
        db.engine.dispose()
    source.dispose()


if __name__ == "__main__":
    main()
