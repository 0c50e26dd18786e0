"""Language-aware full-text search over the text of updates.

One entry point for queries, `matching(lang, q)`, which returns a `Select` of
`(update_id, rank)` rows; callers join it with `published()` and filters.

- `text.py`: what is searched (the text a reader sees) and how words become stems.
- `index.py`: the `update_search` table's rows, kept current by ORM events; `rebuild()`.
- `queries.py`: `matching()`, `ranks()` (one match, rowids and ranks only) and the
  `<mark>`ed snippet of a result, cut from a `Quotable` text (each word's stems looked up
  in a per-language table, the first match per query noted).
- `kept.py`: matches kept across edits; after one, only the changed texts are matched.
- `commands.py`: `flask search-reindex`.

The table and, on PostgreSQL, the text search configurations are made by the search
migration (`migrations/versions/5b1e7c9d2a40_…`), never by this package.

SQLite: an FTS5 virtual table `update_search` holds the text of each `UpdateTranslation`
as a reader sees it (the Markdown body rendered, sanitised and reduced to plain text, so
HTML comments and link URLs are neither found nor quoted), lowercased, accent-free and
Snowball-stemmed in the translation's language, so "fietspaden" finds "fietspad" and
"cafe" finds "café". Its rowid is the translation's id.

PostgreSQL: a plain table `update_search` holds one weighted `tsvector` per translation
(title weight A, the rest D) under a GIN index, made by PostgreSQL's own Snowball
stemmers: the configurations `portal_english`, `portal_dutch` and `portal_german` copy
`english`, `dutch` and `german` (the last made by a later migration), put `unaccent`
before the stemmer (like FTS5's `remove_diacritics 2`) and keep stop words (FTS5 has
none, so "the" is searchable on both). Dutch lexemes lose a doubled
final consonant, as on SQLite ("modellen" meets "model"). A query needs every word (no
prefixes, as on SQLite) and ranks with `ts_rank`; the `<mark>` snippets come from
`snippet()` on both engines.
"""

from __future__ import annotations

from flask import Flask

from portal.search.commands import reindex_command
from portal.search.index import TABLE, listen, rebuild
from portal.search.queries import (
    Quotable,
    excerpt,
    matching,
    quotable,
    ranks,
    snippet,
    translation_snippet,
)
from portal.search.text import document, query_terms, searched_body, stems

__all__ = [
    "Quotable",
    "TABLE",
    "document",
    "excerpt",
    "init_app",
    "matching",
    "query_terms",
    "quotable",
    "ranks",
    "rebuild",
    "searched_body",
    "snippet",
    "stems",
]


def init_app(app: Flask) -> None:
    """Keep the index current on every flush; `search_snippet` for templates;
    `flask search-reindex`."""
    listen()
    app.jinja_env.globals["search_snippet"] = translation_snippet
    app.cli.add_command(reindex_command)
