"""Language-aware full-text search over the text of updates.

One entry point for queries, `matching(lang, q)`, which returns a `Select` of
`(update_id, rank)` rows; callers join it with `published()` and filters.

SQLite: an FTS5 virtual table `update_search` (made by a migration, or lazily by
`ensure_search_table()` on databases built with `db.create_all()`) holds the text of
each `UpdateTranslation` as a reader sees it (the Markdown body rendered, sanitised and
reduced to plain text, so HTML comments and link URLs are neither found nor quoted),
lowercased, accent-free and Snowball-stemmed in the translation's language, so
"fietspaden" finds "fietspad" and "cafe" finds "café".
Its rowid is the translation's id. ORM mapper events (insert/update/delete of
translations and updates) keep it current inside the flush's transaction, so a
rollback also rolls back the index.

PostgreSQL: a plain table `update_search` (same name, kept current by the same mapper
events, so a rollback rolls the index back too) holds one weighted `tsvector` per
translation (title weight A, the rest D) under a GIN index, made by PostgreSQL's own
Snowball stemmers: the configurations `portal_english` and `portal_dutch` copy
`english` and `dutch`, put `unaccent` before the stemmer (like FTS5's
`remove_diacritics 2`) and keep stop words (FTS5 has none, so "the" is searchable on
both). Dutch lexemes lose a doubled final consonant, as on SQLite ("modellen" meets
"model"). A query needs every word (no prefixes, as on SQLite) and ranks with
`ts_rank`; the `<mark>` snippets come from `snippet()` on both engines.
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
from portal.rendering import plain_text

TABLE = "update_search"
MAX_TERMS = 32
MAX_QUERY_CHARS = 2000  # longer input is cut before tokenizing
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0

# Snowball stemmer per site language (SQLite; PostgreSQL uses its own, see POSTGRESQL_DDL).
# Dutch uses the classic Porter-style Snowball algorithm (as PostgreSQL's 'dutch' did):
# Snowball 3's new 'dutch' lengthens vowels, so "fietspaden" -> "fietspaad" would no
# longer meet "fietspad". Changing a stemmer needs `flask search-reindex`.
STEMMERS = {"en": "english", "nl": "dutch_porter"}

CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "lang UNINDEXED, translation_id UNINDEXED, update_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)

# PostgreSQL: idempotent, run by the search migration and on `db.create_all()`.
# `unaccent` ships with PostgreSQL (contrib) and is a trusted extension: the database
# owner may create it.
POSTGRESQL_DDL = r"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'portal_english_stem') THEN
    CREATE TEXT SEARCH DICTIONARY portal_english_stem (TEMPLATE = snowball, Language = english);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'portal_dutch_stem') THEN
    CREATE TEXT SEARCH DICTIONARY portal_dutch_stem (TEMPLATE = snowball, Language = dutch);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_english') THEN
    CREATE TEXT SEARCH CONFIGURATION portal_english (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION portal_english
      ALTER MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart
      WITH unaccent, portal_english_stem;
    ALTER TEXT SEARCH CONFIGURATION portal_english
      DROP MAPPING IF EXISTS FOR asciihword, hword, numhword;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_dutch') THEN
    CREATE TEXT SEARCH CONFIGURATION portal_dutch (COPY = dutch);
    ALTER TEXT SEARCH CONFIGURATION portal_dutch
      ALTER MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart
      WITH unaccent, portal_dutch_stem;
    ALTER TEXT SEARCH CONFIGURATION portal_dutch
      DROP MAPPING IF EXISTS FOR asciihword, hword, numhword;
  END IF;
END
$$;
CREATE OR REPLACE FUNCTION portal_quote_lexeme(lexeme text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
$$;
CREATE OR REPLACE FUNCTION portal_undouble(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    portal_quote_lexeme(regexp_replace(lexeme, '([^aeiou0-9])\1$', '\1'))
      || CASE WHEN cardinality(positions) > 0
              THEN ':' || array_to_string(positions, ',') ELSE '' END,
    ' '), '')::tsvector
  FROM unnest(v)
$$;
CREATE OR REPLACE FUNCTION portal_lexemes(lang text, value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lang
    WHEN 'en' THEN to_tsvector('portal_english'::regconfig, value)
    WHEN 'nl' THEN portal_undouble(to_tsvector('portal_dutch'::regconfig, value))
    ELSE to_tsvector('simple'::regconfig, value)
  END
$$;
CREATE OR REPLACE FUNCTION portal_all_of(v tsvector) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(portal_quote_lexeme(lexeme), ' & ')::tsquery FROM unnest(v)
$$;
CREATE TABLE IF NOT EXISTS update_search (
  translation_id integer PRIMARY KEY
    REFERENCES update_translations (id) ON DELETE CASCADE,
  update_id integer NOT NULL,
  lang varchar(8) NOT NULL,
  document tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_update_search_document ON update_search USING gin (document);
CREATE INDEX IF NOT EXISTS ix_update_search_update_id ON update_search (update_id);
"""
POSTGRESQL_DROP = """
DROP TABLE IF EXISTS update_search;
DROP FUNCTION IF EXISTS portal_all_of(tsvector);
DROP FUNCTION IF EXISTS portal_lexemes(text, text);
DROP FUNCTION IF EXISTS portal_undouble(tsvector);
DROP FUNCTION IF EXISTS portal_quote_lexeme(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_dutch;
DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_english;
DROP TEXT SEARCH DICTIONARY IF EXISTS portal_dutch_stem;
DROP TEXT SEARCH DICTIONARY IF EXISTS portal_english_stem;
"""

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


def _fields(t) -> tuple[str, str]:
    """(title, body) as a reader sees them, for an UpdateTranslation or a row with the same
    fields: the Markdown body rendered and sanitised to plain text, so what the page hides
    (an HTML comment) is never found or quoted, and Markdown syntax never shows."""
    body = "\n".join(
        (t.lede or "", plain_text(t.body or ""), t.impact or "", t.takeaways_text or "")
    )
    return t.title or "", body


def _document(t) -> tuple[str, str]:
    """(title, body) stemmed, for an UpdateTranslation or a row with the same fields."""
    title, body = _fields(t)
    return " ".join(stems(title, t.lang)), " ".join(stems(body, t.lang))


def query_words(q: str) -> str:
    """The distinct words of a query, folded, at most MAX_TERMS, space-separated: what
    PostgreSQL stems (plain words: never tsquery syntax, never a NUL byte)."""
    words = dict.fromkeys(_WORD.findall(_fold((q or "")[:MAX_QUERY_CHARS])))
    return " ".join(list(words)[:MAX_TERMS])


# --- the index ----------------------------------------------------------------------


def _connection(connection: Connection | None) -> Connection:
    return connection if connection is not None else db.session.connection()


def create_postgresql_objects(conn: Connection) -> None:
    """Create PostgreSQL's search configurations, functions and table when missing."""
    conn.exec_driver_sql(POSTGRESQL_DDL)


def ensure_search_table(connection: Connection | None = None) -> bool:
    """Create the search table when missing; False on dialects without one.

    Engines are remembered once the table is known to be committed; until then each
    call checks the catalogue, which is cheap.
    """
    conn = _connection(connection)
    dialect = conn.dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return False
    engine = conn.engine
    if engine in _ready:
        return True
    if dialect == "postgresql":
        if conn.scalar(text("SELECT to_regclass('update_search')")) is None:
            create_postgresql_objects(conn)
        else:  # another connection sees only committed tables
            with engine.connect() as other:
                if other.scalar(text("SELECT to_regclass('update_search')")) is not None:
                    _ready.add(engine)
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
    if conn.dialect.name == "postgresql":
        return _index_rows_postgresql(conn, translations)
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
        title, body = _fields(t)
        rows.append(
            {"id": t.id, "update_id": t.update_id, "lang": t.lang, "title": title, "body": body}
        )
    if rows:
        conn.execute(_INSERT_POSTGRESQL, rows)
    return len(rows)


def index_translation(translation: UpdateTranslation, connection: Connection | None = None):
    """(Re-)index one translation. Called for you on flush; safe to call again."""
    conn = _connection(connection)
    if ensure_search_table(conn):
        _index_rows(conn, [translation])


def remove_translation(translation_id: int, connection: Connection | None = None) -> None:
    conn = _connection(connection)
    if ensure_search_table(conn):
        key = "rowid" if conn.dialect.name == "sqlite" else "translation_id"
        conn.execute(text(f"DELETE FROM {TABLE} WHERE {key} = :id"), {"id": translation_id})


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


_pg = table(TABLE, column("update_id"), column("lang"), column("document"))


def _matching_postgresql(lang: str, q: str) -> Select:
    """Every word of `q`, stemmed by PostgreSQL's configuration for `lang`; lower is better."""
    wanted = func.portal_all_of(func.portal_lexemes(lang, query_words(q)))
    rank = (-func.ts_rank(_pg.c.document, wanted)).label("rank")
    return (
        select(_pg.c.update_id, rank)
        .where(_pg.c.document.op("@@")(wanted), _pg.c.lang == lang)
        .order_by(rank, _pg.c.update_id)
    )


def matching(lang: str, q: str, ranked: bool = True) -> Select | None:
    """Updates whose `lang` text holds every word of `q` (stemmed), best first.

    A Select of `(update_id, rank)` rows, lower rank is better (bm25, title weighs
    more); None when `q` has no words. Any user input is safe: words are quoted.
    Use as `.subquery()` to join with `published()` and filters (PostgreSQL: the
    negated `ts_rank`, so lower is better there too). With `ranked=False`
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
        ensure_search_table(conn)
        found = _matching_postgresql(lang, q)
    else:
        raise ValueError(f"full-text search is not available on {dialect}")
    if not ranked:
        found = found.with_only_columns(found.selected_columns.update_id).order_by(None)
    return found


@lru_cache(maxsize=100_000)
def _word_stems(word: str, lang: str) -> frozenset[str]:
    """The stems of one word as written; a reader's vocabulary is small, so keep them."""
    return frozenset(stems(word, lang))


def translation_snippet(t: UpdateTranslation, q: str) -> Markup:
    """The snippet of a search result: quoted from the same text that was searched."""
    return snippet(_fields(t)[1], q, t.lang)


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


def _schema_created(metadata, connection: Connection, **kw) -> None:
    """`db.create_all()` on PostgreSQL also makes the search objects (the migration does
    that for migrated databases); SQLite's table is made on first use."""
    if connection.dialect.name == "postgresql":
        create_postgresql_objects(connection)


def _schema_dropped(metadata, connection: Connection, **kw) -> None:
    """`db.drop_all()` on PostgreSQL first drops the index, which refers to translations."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(POSTGRESQL_DROP)


def init_app(app: Flask) -> None:
    """Keep the index current on every flush; add `flask search-reindex`."""
    if not event.contains(db.metadata, "after_create", _schema_created):
        event.listen(db.metadata, "after_create", _schema_created)
    if not event.contains(db.metadata, "before_drop", _schema_dropped):
        event.listen(db.metadata, "before_drop", _schema_dropped)
    for target, name, listener in _LISTENERS:
        if not event.contains(target, name, listener):
            event.listen(target, name, listener)
    app.jinja_env.globals["search_snippet"] = translation_snippet
    if "portal.search" in app.extensions:
        return
    app.extensions["portal.search"] = True

    @app.cli.command("search-reindex")
    def search_reindex_command() -> None:
        """Rebuild the full-text search index from all update translations."""
        click.echo(f"Indexed {rebuild()} translations.")
