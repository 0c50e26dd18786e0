"""feed import: makers.feed_url, updates.source_guid and the indexes that deduplicate

Revision ID: d1e5f3a7b9c2
Revises: c7d2e9f4a1b8
Create Date: 2026-11-28 00:40:00.000000

`makers.feed_url` is the maker's RSS or Atom feed that `flask import-feeds` reads;
`updates.source_guid` is the id of the feed item an update was imported from, unique per
maker, so importing the same feed again adds nothing. `ix_updates_source_url` serves the
other half of that check: an item whose link is already some update's source.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd1e5f3a7b9c2'
down_revision = 'c7d2e9f4a1b8'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('makers', sa.Column('feed_url', sa.String(length=1000), nullable=True))
    op.add_column('updates', sa.Column('source_guid', sa.String(length=1000), nullable=True))
    op.create_index(
        'ix_updates_maker_source_guid', 'updates', ['maker_id', 'source_guid'], unique=True
    )
    op.create_index('ix_updates_source_url', 'updates', ['source_url'], unique=False)


def downgrade():
    op.drop_index('ix_updates_source_url', table_name='updates')
    op.drop_index('ix_updates_maker_source_guid', table_name='updates')
    # SQLite 3.35+ drops a column in place (ALTER TABLE ... DROP COLUMN): no table copy.
    op.drop_column('updates', 'source_guid')
    op.drop_column('makers', 'feed_url')
