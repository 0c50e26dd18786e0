"""update_search: full-text index of update translations (SQLite FTS5, PostgreSQL tsvector)

Revision ID: 5b1e7c9d2a40
Revises: 816c47f43cbb
Create Date: 2026-11-28 10:00:00.000000

The table holds the stemmed text of each translation (portal/search/ writes it on every
save). PostgreSQL: the `unaccent` extension, the `portal_english` and `portal_dutch` text
search configurations, helper functions and a tsvector table with a GIN index.

Frozen: this file never imports the application; its DDL and the indexing of the rows
already there are copies of what portal/search did when it was written. Those existing
rows are indexed by a minimal version (the Markdown body as stored, not the rendered
text a reader sees); `flask --app wsgi search-reindex` rebuilds the index with the
current code.
"""
import re
import unicodedata

from alembic import op
import snowballstemmer
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1e7c9d2a40'
down_revision = '816c47f43cbb'
branch_labels = None
depends_on = None

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

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS update_search USING fts5("
    "lang UNINDEXED, translation_id UNINDEXED, update_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)

# The rows already there: title weight A, lede, body, impact and takeaways weight D.
POSTGRESQL_INDEX = """
INSERT INTO update_search (translation_id, update_id, lang, document)
SELECT id, update_id, lang,
       setweight(portal_lexemes(lang, title), 'A')
       || setweight(portal_lexemes(lang, concat_ws(E'\\n', lede, body, impact, takeaways)), 'D')
FROM update_translations
"""

STEMMERS = {"en": snowballstemmer.stemmer("english"), "nl": snowballstemmer.stemmer("dutch_porter")}


def _stems(value, lang):
    """Folded (lowercase, no accents), Snowball-stemmed words; Dutch stems undoubled."""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", value.lower()) if not unicodedata.combining(ch)
    )
    words = re.findall(r"\w+", folded)
    if lang not in STEMMERS:
        return words
    found = STEMMERS[lang].stemWords(words)
    if lang == "nl":
        found = [re.sub(r"([^aeiou\d])\1$", r"\1", stem) for stem in found]
    return found


def _index_sqlite(bind):
    rows = [
        {
            "id": row.id,
            "lang": row.lang,
            "update_id": row.update_id,
            "title": " ".join(_stems(row.title, row.lang)),
            "body": " ".join(
                _stems("\n".join((row.lede, row.body, row.impact, row.takeaways)), row.lang)
            ),
        }
        for row in bind.execute(
            sa.text("SELECT id, update_id, lang, title, lede, body, impact, takeaways "
                    "FROM update_translations")
        )
    ]
    if rows:
        bind.execute(
            sa.text(
                "INSERT INTO update_search (rowid, lang, translation_id, update_id, title, body) "
                "VALUES (:id, :lang, :id, :update_id, :title, :body)"
            ),
            rows,
        )


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(POSTGRESQL_DDL)
        bind.exec_driver_sql(POSTGRESQL_INDEX)
    elif bind.dialect.name == "sqlite":
        op.execute(SQLITE_TABLE)
        _index_sqlite(bind)


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(POSTGRESQL_DROP)
    elif bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS update_search")
