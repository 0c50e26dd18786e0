"""German full-text search on PostgreSQL: the `portal_german` text search configuration

Revision ID: 5d3a8e61c0f2
Revises: t_subscribers
Create Date: 2026-12-01 06:30:00.000000

Like `portal_english` and `portal_dutch` (the search migration, 5b1e7c9d2a40):
PostgreSQL's own `german` Snowball stemmer behind `unaccent`, stop words kept; and
`portal_lexemes(lang, value)` stems 'de' text with it (it used 'simple' before). SQLite
needs nothing here: its index is stemmed by portal/search with snowballstemmer's
`german`. No rows are re-indexed: before this revision a site could not be published in
German, so the index holds no German text.

Frozen: this file never imports the application.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '5d3a8e61c0f2'
down_revision = 't_subscribers'
branch_labels = None
depends_on = None

LEXEMES = r"""
CREATE OR REPLACE FUNCTION portal_lexemes(lang text, value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lang
    WHEN 'en' THEN to_tsvector('portal_english'::regconfig, value)
    WHEN 'nl' THEN portal_undouble(to_tsvector('portal_dutch'::regconfig, value))
    {german}
    ELSE to_tsvector('simple'::regconfig, value)
  END
$$;
"""

UPGRADE = r"""
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'portal_german_stem') THEN
    CREATE TEXT SEARCH DICTIONARY portal_german_stem (TEMPLATE = snowball, Language = german);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_german') THEN
    CREATE TEXT SEARCH CONFIGURATION portal_german (COPY = german);
    ALTER TEXT SEARCH CONFIGURATION portal_german
      ALTER MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart
      WITH unaccent, portal_german_stem;
    ALTER TEXT SEARCH CONFIGURATION portal_german
      DROP MAPPING IF EXISTS FOR asciihword, hword, numhword;
  END IF;
END
$$;
""" + LEXEMES.format(german="WHEN 'de' THEN to_tsvector('portal_german'::regconfig, value)")

DOWNGRADE = LEXEMES.format(german="") + """
DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_german;
DROP TEXT SEARCH DICTIONARY IF EXISTS portal_german_stem;
"""


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(UPGRADE)


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(DOWNGRADE)
