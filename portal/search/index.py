"""The index: one row per update translation in `update_search`, kept current by ORM
mapper events inside the flush's own transaction (so a rollback rolls the index back
too), and rebuilt whole by `rebuild()`.

The table is made by the search migration: an FTS5 table of stems on SQLite (its rowid
is the translation's id), a weighted `tsvector` per translation on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, event, select, text

from portal.extensions import db
from portal.models import Update, UpdateTranslation
from portal.search.text import document, fields

TABLE = "update_search"


def _connection(connection: Connection | None) -> Connection:
    return connection if connection is not None else db.session.connection()


def _index_rows(conn: Connection, translations: Iterable) -> int:
    if conn.dialect.name == "postgresql":
        return _index_rows_postgresql(conn, translations)
    rows = []
    for t in translations:
        title, body = document(t)
        rows.append(
            {
                "rowid": t.id,
                "lang": t.lang,
                "translation_id": t.id,
                "update_id": t.update_id,
                "title": title,
                "body": body,
            }
        )
    if rows:
        conn.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :rowid"), rows)
        conn.execute(
            text(
                f"INSERT INTO {TABLE} (rowid, lang, translation_id, update_id, title, body) "
                "VALUES (:rowid, :lang, :translation_id, :update_id, :title, :body)"
            ),
            rows,
        )
    return len(rows)


_INSERT_POSTGRESQL = text(
    f"INSERT INTO {TABLE} (translation_id, update_id, lang, document) VALUES "
    "(:id, :update_id, CAST(:lang AS text), setweight(portal_lexemes(:lang, :title), 'A')"
    " || setweight(portal_lexemes(:lang, :body), 'D')) "
    "ON CONFLICT (translation_id) DO UPDATE SET update_id = excluded.update_id, "
    "lang = excluded.lang, document = excluded.document"
)


def _index_rows_postgresql(conn: Connection, translations: Iterable) -> int:
    rows = []
    for t in translations:
        title, body = fields(t)
        rows.append(
            {"id": t.id, "update_id": t.update_id, "lang": t.lang, "title": title, "body": body}
        )
    if rows:
        conn.execute(_INSERT_POSTGRESQL, rows)
    return len(rows)


def index_translation(translation: UpdateTranslation, connection: Connection | None = None):
    """(Re-)index one translation. Called for you on flush; safe to call again."""
    _index_rows(_connection(connection), [translation])


def remove_translation(translation_id: int, connection: Connection | None = None) -> None:
    conn = _connection(connection)
    key = "rowid" if conn.dialect.name == "sqlite" else "translation_id"
    conn.execute(text(f"DELETE FROM {TABLE} WHERE {key} = :id"), {"id": translation_id})


def remove_update(update_id: int, connection: Connection | None = None) -> None:
    """Drop every translation of an update from the index. Called for you on flush."""
    conn = _connection(connection)
    conn.execute(text(f"DELETE FROM {TABLE} WHERE update_id = :id"), {"id": update_id})


def rebuild() -> int:
    """Re-index every translation with the current text rules; commits.

    Returns the number of translations indexed.
    """
    conn = db.session.connection()
    conn.execute(text(f"DELETE FROM {TABLE}"))
    rows = conn.execute(
        select(
            UpdateTranslation.id,
            UpdateTranslation.update_id,
            UpdateTranslation.lang,
            UpdateTranslation.title,
            UpdateTranslation.lede,
            UpdateTranslation.body,
            UpdateTranslation.impact,
            UpdateTranslation.takeaways_text.label("takeaways_text"),
        )
    ).all()
    count = _index_rows(conn, rows)
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')"))
    db.session.commit()
    return count


def _translation_written(mapper, connection: Connection, target: UpdateTranslation) -> None:
    index_translation(target, connection)


def _translation_deleted(mapper, connection: Connection, target: UpdateTranslation) -> None:
    remove_translation(target.id, connection)


def _update_deleted(mapper, connection: Connection, target: Update) -> None:
    remove_update(target.id, connection)


# Mapper events rather than a session after_flush hook: they also see translations
# deleted as orphans (`update.translations.remove(t)`), which never show up in
# `session.deleted`, and they run on the flush's own connection and transaction.
_LISTENERS = (
    (UpdateTranslation, "after_insert", _translation_written),
    (UpdateTranslation, "after_update", _translation_written),
    (UpdateTranslation, "after_delete", _translation_deleted),
    (Update, "after_delete", _update_deleted),
)


def listen() -> None:
    """Keep the index current on every flush (once per process, whatever the apps)."""
    for target, name, listener in _LISTENERS:
        if not event.contains(target, name, listener):
            event.listen(target, name, listener)
