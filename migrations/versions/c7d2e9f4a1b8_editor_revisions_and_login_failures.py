"""editors: revisions of updates, failed logins for throttling

Revision ID: c7d2e9f4a1b8
Revises: a3c41e7d9b15
Create Date: 2026-11-27 23:00:00.000000

`revisions` keeps every save of an update (who, when, what changed, a JSON snapshot)
so an editor can restore an earlier version. `login_failures` counts failed logins
per hashed username and hashed client for the 15-minute throttle.
`updates.status_changed_at` lets a draft's preview link die when the status changes,
even if it later changes back.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c7d2e9f4a1b8'
down_revision = 'a3c41e7d9b15'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'revisions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('update_id', sa.Integer(), nullable=False),
        sa.Column('editor_id', sa.Integer(), nullable=True),
        sa.Column('editor_name', sa.String(length=80), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('changed', sa.Text(), nullable=False),
        sa.Column('snapshot', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['editor_id'], ['editors.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['update_id'], ['updates.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revisions_update_id'), ['update_id'], unique=False)
    op.create_table(
        'login_failures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index('ix_login_failures_key_at', ['key', 'at'], unique=False)
    op.add_column('updates', sa.Column('status_changed_at', sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column('updates', 'status_changed_at')
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index('ix_login_failures_key_at')
    op.drop_table('login_failures')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revisions_update_id'))
    op.drop_table('revisions')
