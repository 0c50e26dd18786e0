"""The database binding: SQLAlchemy, Alembic, SQLite's WAL mode, PostgreSQL through psycopg."""

from pathlib import Path

from flask import Flask, abort, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError
from werkzeug.exceptions import BadRequest

from portal.extensions import db, migrate


def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")  # off only while migrations run (env.py)
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for a database URL: PostgreSQL through psycopg 3.

    `postgres://` and `postgresql://` (as hosting providers and libpq write them) would
    make SQLAlchemy look for psycopg2, which is not installed.
    """
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme) :]
    return url


def _refuse_nul_in_path() -> None:
    """No page's address holds a NUL byte; PostgreSQL refuses them in text, SQLite not."""
    if "\x00" in request.path:
        abort(404)


def _refuse_data(error: DataError):
    """A value the database cannot hold (a NUL byte, an out-of-range number) came from the
    request: the reader gets a 400, never a 500, and nothing of it is kept."""
    from portal.errors import render_error

    db.session.rollback()
    return render_error(BadRequest())


def init_app(app: Flask) -> None:
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    uri = engine_url(app.config["SQLALCHEMY_DATABASE_URI"])
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    if not uri.startswith("sqlite"):
        # A database server may close connections (restart, failover, idle timeout): test
        # each pooled connection before use, so the app recovers by itself. A SQLite file
        # never goes away under an open connection, so it skips the extra round trip.
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        options.setdefault("pool_pre_ping", True)
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    app.before_request(_refuse_nul_in_path)
    app.register_error_handler(DataError, _refuse_data)
    if not event.contains(Engine, "connect", _sqlite_pragmas):
        event.listen(Engine, "connect", _sqlite_pragmas)
    import portal.models  # noqa: F401  (register the tables with the metadata)
