"""site_state.content_changed_at: when the content last changed (Last-Modified)

Revision ID: e2f4a6b8c0d1
Revises: d1e5f3a7b9c2
Create Date: 2026-11-28 00:30:00.000000

Every content change raises `site_state.content_version` and now also stamps
`content_changed_at` (naive UTC), so public pages can say `Last-Modified` and answer
`If-Modified-Since` with a 304. An existing database gets the time of the upgrade:
nothing older is known, and a later time only costs a reader one full response.
A plain ADD COLUMN, no table recreation.
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e2f4a6b8c0d1'
down_revision = 'd1e5f3a7b9c2'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('site_state', sa.Column('content_changed_at', sa.DateTime(), nullable=True))
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    site_state = sa.table('site_state', sa.column('content_changed_at', sa.DateTime()))
    op.execute(site_state.update().values(content_changed_at=now))


def downgrade():
    with op.batch_alter_table('site_state', schema=None) as batch_op:
        batch_op.drop_column('content_changed_at')
