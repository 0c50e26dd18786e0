"""Searching the index: `matching(lang, q)` and the `<mark>`ed snippet of a result."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from markupsafe import Markup, escape
from sqlalchemy import Select, column, func, select, table

from portal.extensions import db
from portal.models import UpdateTranslation
from portal.search.index import TABLE
from portal.search.text import WORD, fields, query_terms, query_words, stems

TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0


def _fts_query(terms: Iterable[str]) -> str:
    """An FTS5 query requiring every term, each a quoted string (never FTS syntax)."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


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


_pg = table(
    TABLE, column("update_id"), column("translation_id"), column("lang"), column("document")
)


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
    dialect = db.session.connection().dialect.name
    if dialect == "sqlite":
        found = _matching_sqlite(lang, terms)
    elif dialect == "postgresql":
        found = _matching_postgresql(lang, q)
    else:
        raise ValueError(f"full-text search is not available on {dialect}")
    if not ranked:
        found = found.with_only_columns(found.selected_columns.update_id).order_by(None)
    return found


def ranks(
    lang: str,
    q: str,
    translations: Mapping[int, tuple[int, str]],
    only: Collection[int] | None = None,
) -> dict[int, float]:
    """Update id → rank (lower is better) of every update whose `lang` text matches `q`:
    one full-text match. On SQLite only the index's rowids (translation ids) and bm25 are
    read, never a content row: `translations` maps a rowid to its (update id, language)
    (portal.facets keeps that map); a translation it does not know is not public. With
    `only`, of those translations (ids) alone."""
    terms = query_terms(q, lang)
    if not terms:
        return {}
    if db.session.connection().dialect.name != "sqlite":
        found = matching(lang, q).order_by(None)
        if only is not None:
            found = found.where(_pg.c.translation_id.in_(only))
        return {u: rank for u, rank in db.session.execute(found)}
    hidden = _fts.c[TABLE]
    rank = func.bm25(hidden, 0.0, 0.0, 0.0, TITLE_WEIGHT, BODY_WEIGHT)
    found = select(column("rowid"), rank).select_from(_fts)
    found = found.where(hidden.op("MATCH")(_fts_query(terms)))
    if only is not None:
        found = found.where(column("rowid").in_(only))
    rows = db.session.execute(found)
    found = {}
    for rowid, score in rows:
        update_id, text_lang = translations.get(rowid, (None, None))
        if text_lang == lang:
            found[update_id] = score
    return found


@lru_cache(maxsize=1000)
def _wanted(q: str, lang: str) -> frozenset[str]:
    """The stems of a query, once per page of snippets rather than once per snippet."""
    return frozenset(query_terms(q, lang))


MAX_WORDS = 200_000  # words with kept stems per language; beyond, they start afresh
_stems_by_word: dict[str, dict[str, frozenset[str]]] = {}  # lang → word as written → stems


def _word_stems(word: str, lang: str) -> frozenset[str]:
    """The stems of one word as written; a language's vocabulary is small, so keep them
    (a plain dict per language: looked up for every word a snippet reads)."""
    known = _stems_by_word.get(lang)
    if known is None:
        known = _stems_by_word.setdefault(lang, {})
    found = known.get(word)
    if found is None:
        if len(known) >= MAX_WORDS:
            known.clear()
        found = known[word] = frozenset(stems(word, lang))
    return found


def translation_snippet(t: UpdateTranslation, q: str) -> Markup:
    """The snippet of a search result: quoted from the same text that was searched."""
    return snippet(fields(t)[1], q, t.lang)


class Quotable(NamedTuple):
    """A text as a snippet quotes it: on one line, single spaces, in its language. Made
    once per text (portal.public.pieces keeps it with the search result's teaser: the
    Markdown body rendered and reduced). `excerpt` reads its words up to the first that
    matches a query's stems, each word's stems looked up in a per-language table rather
    than stemmed, and notes where that word starts in `firsts` (query stems → offset, -1
    for none), so the same query on the same text reads only the quoted words again."""

    text: str
    lang: str
    firsts: dict[frozenset[str], int]


MAX_FIRSTS = 64  # queries whose first match is noted per text; beyond, start afresh


def quotable(value: str, lang: str) -> Quotable:
    """`value` in `lang`, ready to be quoted by `excerpt`."""
    return Quotable(" ".join((value or "").split()), lang, {})


def snippet(value: str, q: str, lang: str, width: int = 200) -> Markup:
    """An escaped excerpt of `value` around the first matching word, matches in <mark>."""
    return excerpt(quotable(value, lang), q, width)


def excerpt(quoted: Quotable, q: str, width: int = 200) -> Markup:
    """The `snippet` of a `Quotable` text."""
    value, lang, firsts = quoted
    wanted = _wanted(q, lang)
    first = None
    if (at := firsts.get(wanted)) is not None:
        first = WORD.match(value, at) if at >= 0 else None
    elif wanted:
        words = WORD.finditer(value)
        first = next((m for m in words if not wanted.isdisjoint(_word_stems(m[0], lang))), None)
        if len(firsts) >= MAX_FIRSTS:
            firsts.clear()
        firsts[wanted] = first.start() if first else -1

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

    out, pos = ["… " if start > 0 else ""], start
    if first:  # the words shown that match, from the first (none before it does)
        for word in itertools.chain((first,), WORD.finditer(value, first.end())):
            if word.end() > end:
                break
            if word is first or not wanted.isdisjoint(_word_stems(word[0], lang)):
                out += (escape(value[pos : word.start()]), "<mark>", escape(word[0]), "</mark>")
                pos = word.end()
    out += (escape(value[pos:end]), " …" if end < len(value) else "")
    return Markup("".join(out))
