"""site_state: the content version that keeps the page cache fresh; listing index

Revision ID: a3c41e7d9b15
Revises: 5b1e7c9d2a40
Create Date: 2026-11-27 22:30:00.000000

`site_state` holds one row whose `content_version` goes up with every content change
(see portal/http/pagecache.py). The composite indexes serve every published-and-not-scheduled
listing in date order, overall and per maker.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a3c41e7d9b15'
down_revision = '5b1e7c9d2a40'
branch_labels = None
depends_on = None


def upgrade():
    site_state = op.create_table(
        'site_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('content_version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.bulk_insert(site_state, [{'id': 1, 'content_version': 1}])
    op.create_index('ix_updates_status_published_at', 'updates', ['status', 'published_at'], unique=False)
    op.create_index('ix_updates_maker_status_published_at', 'updates', ['maker_id', 'status', 'published_at'], unique=False)


def downgrade():
    op.drop_index('ix_updates_maker_status_published_at', table_name='updates')
    op.drop_index('ix_updates_status_published_at', table_name='updates')
    op.drop_table('site_state')
