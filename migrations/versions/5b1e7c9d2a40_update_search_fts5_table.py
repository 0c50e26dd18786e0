"""update_search: full-text index of update translations (SQLite FTS5, PostgreSQL tsvector)

Revision ID: 5b1e7c9d2a40
Revises: 816c47f43cbb
Create Date: 2026-11-28 10:00:00.000000

The table holds stemmed text written by portal/search.py; on an existing database
the upgrade indexes the rows already there (`flask --app wsgi search-reindex` does it
again). PostgreSQL: the `unaccent` extension, the `portal_english` and `portal_dutch`
text search configurations, helper functions and a tsvector table with a GIN index
(portal.search.POSTGRESQL_DDL).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1e7c9d2a40'
down_revision = '816c47f43cbb'
branch_labels = None
depends_on = None


def upgrade():
    from portal.search import _index_rows, create_postgresql_objects

    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        create_postgresql_objects(bind)
    elif bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS update_search USING fts5("
            "lang UNINDEXED, translation_id UNINDEXED, update_id UNINDEXED, title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        return
    # Index what the database already holds, with the same stemming the app uses.
    existing = bind.execute(
        sa.text(
            "SELECT id, update_id, lang, title, lede, body, impact, takeaways AS takeaways_text "
            "FROM update_translations"
        )
    ).all()
    _index_rows(bind, existing)


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from portal.search import POSTGRESQL_DROP

        bind.exec_driver_sql(POSTGRESQL_DROP)
    elif bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS update_search")
