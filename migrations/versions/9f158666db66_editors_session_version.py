"""editors.session_version: a logout or a password reset ends every session

Revision ID: 9f158666db66
Revises: e2f4a6b8c0d1
Create Date: 2026-12-02 10:00:00.000000

An editor's session cookie carries the `session_version` it was issued with; logging
out and `create-editor --reset` raise the number, so every copy of an older cookie stops
working. Existing editors start at 0. A plain ADD COLUMN with a server default, no table
recreation, on SQLite and PostgreSQL alike.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9f158666db66'
down_revision = 'e2f4a6b8c0d1'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        'editors',
        sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'),
    )


def downgrade():
    # SQLite 3.35+ drops a column in place (ALTER TABLE ... DROP COLUMN): no table copy.
    op.drop_column('editors', 'session_version')
