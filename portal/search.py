"""Language-aware full-text search over the text of updates.

One entry point for queries, `matching(lang, q)`, which returns a `Select` of
`(update_id, rank)` rows; callers join it with `published()` and filters.

SQLite: an FTS5 virtual table `update_search` (made by a migration, or lazily by
`ensure_search_table()` on databases built with `db.create_all()`) holds the text of
each `UpdateTranslation`, lowercased, accent-free and Snowball-stemmed in the
translation's language, so "fietspaden" finds "fietspad" and "cafe" finds "café".
Its rowid is the translation's id. ORM mapper events (insert/update/delete of
translations and updates) keep it current inside the flush's transaction, so a
rollback also rolls back the index.

PostgreSQL (later): `db.engine.dialect.name` picks the backend. A PostgreSQL branch
can implement `_matching_postgresql` with `to_tsvector(CONFIGS[lang], ...)` /
`websearch_to_tsquery` or `plainto_tsquery` over the translations table (or a stored
generated tsvector column), and make `_index_rows` / `_remove_rows` no-ops.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable
from functools import lru_cache

import click
import snowballstemmer
from flask import Flask
from markupsafe import Markup, escape
from sqlalchemy import Connection, Select, column, event, func, select, table, text

from portal.extensions import db
from portal.models import Update, UpdateTranslation

TABLE = "update_search"
MAX_TERMS = 32
MAX_QUERY_CHARS = 2000  # longer input is cut before tokenizing
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0

# Snowball stemmer per site language; PostgreSQL text search configs for later.
# Dutch uses the classic Porter-style Snowball algorithm (as PostgreSQL's 'dutch' did):
# Snowball 3's new 'dutch' lengthens vowels, so "fietspaden" -> "fietspaad" would no
# longer meet "fietspad". Changing a stemmer needs `flask search-reindex`.
STEMMERS = {"en": "english", "nl": "dutch_porter"}
CONFIGS = {"en": "english", "nl": "dutch"}

CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "lang UNINDEXED, translation_id UNINDEXED, update_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)

_WORD = re.compile(r"\w+")
_local = threading.local()  # Snowball stemmers keep state: one per thread
_ready: weakref.WeakSet = weakref.WeakSet()  # engines known to have a committed table


# --- text normalisation -------------------------------------------------------------


def _stemmer(lang: str):
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if lang not in cache:
        algorithm = STEMMERS.get(lang)
        cache[lang] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return cache[lang]


def _fold(value: str) -> str:
    """Lowercase, with accents removed (é -> e, ĳ -> ij)."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DOUBLED_END = re.compile(r"([^aeiou\d])\1$")


def stems(value: str, lang: str) -> list[str]:
    """The stems of the words of `value`, in order, as stored in and searched for."""
    words = _WORD.findall(_fold(value))
    stemmer = _stemmer(lang)
    if not stemmer:
        return words
    found = stemmer.stemWords(words)
    if lang == "nl":  # "modellen" -> "modell": undouble so it meets "model"
        found = [_DOUBLED_END.sub(r"\1", stem) for stem in found]
    return found


def query_terms(q: str, lang: str) -> list[str]:
    """The distinct stems of a reader's query, at most MAX_TERMS of them."""
    seen = dict.fromkeys(s for s in stems((q or "")[:MAX_QUERY_CHARS], lang) if s)
    return list(seen)[:MAX_TERMS]


def _fts_query(terms: Iterable[str]) -> str:
    """An FTS5 query requiring every term, each a quoted string (never FTS syntax)."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _document(t) -> tuple[str, str]:
    """(title, body) stemmed, for an UpdateTranslation or a row with the same fields."""
    body = "\n".join((t.lede or "", t.body or "", t.impact or "", t.takeaways_text or ""))
    return " ".join(stems(t.title or "", t.lang)), " ".join(stems(body, t.lang))


# --- the index ----------------------------------------------------------------------


def _connection(connection: Connection | None) -> Connection:
    return connection if connection is not None else db.session.connection()


def ensure_search_table(connection: Connection | None = None) -> bool:
    """Create the SQLite FTS5 table when missing; False on dialects without one (yet).

    Engines are remembered once the table is seen outside an open transaction (so
    it is committed); until then each call checks sqlite_master, which is cheap.
    """
    conn = _connection(connection)
    if conn.dialect.name != "sqlite":
        return False
    engine = conn.engine
    if engine in _ready:
        return True
    exists = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": TABLE},
    ).first()
    if not exists:
        conn.execute(text(CREATE_SQL))
    elif not getattr(conn.connection.dbapi_connection, "in_transaction", True):
        _ready.add(engine)
    return True


def _index_rows(conn: Connection, translations: Iterable) -> int:
    rows = []
    for t in translations:
        title, body = _document(t)
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


def index_translation(translation: UpdateTranslation, connection: Connection | None = None):
    """(Re-)index one translation. Called for you on flush; safe to call again."""
    conn = _connection(connection)
    if ensure_search_table(conn):
        _index_rows(conn, [translation])


def remove_translation(translation_id: int, connection: Connection | None = None) -> None:
    conn = _connection(connection)
    if ensure_search_table(conn):
        conn.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), {"id": translation_id})


def remove_update(update_id: int, connection: Connection | None = None) -> None:
    """Drop every translation of an update from the index. Called for you on flush."""
    conn = _connection(connection)
    if ensure_search_table(conn):
        conn.execute(text(f"DELETE FROM {TABLE} WHERE update_id = :id"), {"id": update_id})


def rebuild() -> int:
    """Re-index every translation (after the migration on an existing database).

    Commits; returns the number of translations indexed.
    """
    conn = db.session.connection()
    if not ensure_search_table(conn):
        return 0
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


# --- queries ------------------------------------------------------------------------


_fts = table(
    TABLE,
    column("lang"),
    column("translation_id"),
    column("update_id"),
    column("title"),
    column("body"),
    column(TABLE),  # FTS5's hidden column named after the table: MATCH and bm25 take it
)


def _matching_sqlite(lang: str, terms: list[str]) -> Select:
    hidden = _fts.c[TABLE]
    rank = func.bm25(hidden, 0.0, 0.0, 0.0, TITLE_WEIGHT, BODY_WEIGHT).label("rank")
    return (
        select(_fts.c.update_id, rank)
        .where(hidden.op("MATCH")(_fts_query(terms)), _fts.c.lang == lang)
        .order_by(rank, _fts.c.update_id)
    )


def _matching_postgresql(lang: str, terms: list[str]) -> Select:
    """PostgreSQL's own `english` / `dutch` configurations over the same fields.

    Not yet run against a real server (that arrives with the production issue);
    without an expression index it scans, which is fine for small databases.
    """
    from portal.models import UpdateTranslation as T

    config = CONFIGS[lang]
    document = func.setweight(func.to_tsvector(config, T.title), "A").op("||")(
        func.to_tsvector(config, func.concat_ws(" ", T.lede, T.body, T.impact, T.takeaways_text))
    )
    wanted = func.plainto_tsquery(config, " ".join(terms))
    rank = (-func.ts_rank(document, wanted)).label("rank")
    return (
        select(T.update_id, rank)
        .where(T.lang == lang, document.op("@@")(wanted))
        .order_by(rank, T.update_id)
    )


def matching(lang: str, q: str, ranked: bool = True) -> Select | None:
    """Updates whose `lang` text holds every word of `q` (stemmed), best first.

    A Select of `(update_id, rank)` rows, lower rank is better (bm25, title weighs
    more); None when `q` has no words. Any user input is safe: words are quoted.
    Use as `.subquery()` to join with `published()` and filters. With `ranked=False`
    only `update_id`, unordered: half the work, for counting and filtering.
    """
    terms = query_terms(q, lang)
    if not terms:
        return None
    conn = db.session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        ensure_search_table(conn)
        found = _matching_sqlite(lang, terms)
    elif dialect == "postgresql":
        found = _matching_postgresql(lang, terms)
    else:
        raise ValueError(f"full-text search is not available on {dialect}")
    if not ranked:
        found = found.with_only_columns(found.selected_columns.update_id).order_by(None)
    return found


@lru_cache(maxsize=100_000)
def _word_stems(word: str, lang: str) -> frozenset[str]:
    """The stems of one word as written; a reader's vocabulary is small, so keep them."""
    return frozenset(stems(word, lang))


def snippet(value: str, q: str, lang: str, width: int = 200) -> Markup:
    """An escaped excerpt of `value` around the first matching word, matches in <mark>."""
    value = " ".join((value or "").split())
    wanted = set(query_terms(q, lang))
    first = None
    if wanted:
        words = _WORD.finditer(value)
        first = next((m for m in words if wanted & _word_stems(m.group(), lang)), None)

    start, end = 0, min(len(value), width)
    if first:
        start = max(0, first.start() - width // 4)
        if start:
            space = value.find(" ", start, first.start())
            start = space + 1 if space != -1 else first.start()
        end = max(first.end(), min(len(value), start + width))
    if end < len(value):
        space = value.rfind(" ", start, end + 1)
        if space > (first.end() if first else start):
            end = space

    out, pos = [], start
    if first:  # only the words shown are looked at: a body has hundreds, the excerpt dozens
        for m in _WORD.finditer(value, start):
            if m.end() > end:
                break
            if wanted & _word_stems(m.group(), lang):
                out.append(escape(value[pos : m.start()]))
                out.append(Markup("<mark>{}</mark>").format(m.group()))
                pos = m.end()
    out.append(escape(value[pos:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(value) else ""
    return Markup(prefix) + Markup("").join(out) + Markup(suffix)


# --- wiring -------------------------------------------------------------------------


def init_app(app: Flask) -> None:
    """Keep the index current on every flush; add `flask search-reindex`."""
    for target, name, listener in _LISTENERS:
        if not event.contains(target, name, listener):
            event.listen(target, name, listener)
    app.jinja_env.globals["search_snippet"] = snippet
    if "portal.search" in app.extensions:
        return
    app.extensions["portal.search"] = True

    @app.cli.command("search-reindex")
    def search_reindex_command() -> None:
        """Rebuild the full-text search index from all update translations."""
        click.echo(f"Indexed {rebuild()} translations.")
