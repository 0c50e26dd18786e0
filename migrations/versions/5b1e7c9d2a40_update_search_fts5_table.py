"""update_search: FTS5 full-text index of update translations (SQLite only)

Revision ID: 5b1e7c9d2a40
Revises: 816c47f43cbb
Create Date: 2026-11-28 10:00:00.000000

The table holds stemmed text written by portal/search.py; on an existing database
fill it afterwards with `flask --app wsgi search-reindex`. Other dialects: nothing
yet (PostgreSQL will use to_tsvector instead).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1e7c9d2a40'
down_revision = '816c47f43cbb'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS update_search USING fts5("
        "lang UNINDEXED, translation_id UNINDEXED, update_id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Index what the database already holds, with the same stemming the app uses.
    from portal.search import _index_rows

    bind = op.get_bind()
    existing = bind.execute(
        sa.text(
            "SELECT id, update_id, lang, title, lede, body, impact, takeaways AS takeaways_text "
            "FROM update_translations"
        )
    ).all()
    _index_rows(bind, existing)


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS update_search")
