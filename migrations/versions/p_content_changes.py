"""content_changes: which updates each content version changed

Revision ID: p_content_changes
Revises: r_translation_status
Create Date: 2026-12-01 06:10:00.000000

Every content change writes, beside the raised `site_state.content_version`, the ids of the
updates it touched, so that a worker's in-memory content index follows an edit by re-reading
those updates instead of every published one. A new, empty table: a worker without the rows
of the versions it missed rebuilds its index, as before.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'p_content_changes'
down_revision = 'r_translation_status'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'content_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updates', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('version'),
    )


def downgrade():
    op.drop_table('content_changes')
