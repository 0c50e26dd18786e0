"""review before publishing: editors.role, the site's setting, the sent-back comment

Revision ID: v7a1c3e5b9d2
Revises: u_import_desk
Create Date: 2026-12-01 06:00:00.000000

`editors.role` is `editor` or `chief`; every existing editor becomes an `editor` (who
publishes as before while review is off). `site_state.review_required` is the site's
"review before publishing" setting, off. `updates.review_comment` holds a chief's comment
when an update is sent back, and `revisions.comment` the comment of the step a revision
records. Plain ADD COLUMNs with server defaults, no table recreation, on SQLite and
PostgreSQL alike.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'v7a1c3e5b9d2'
down_revision = 'u_import_desk'
branch_labels = None
depends_on = None

COLUMNS = [
    ('editors', sa.Column('role', sa.String(length=20), nullable=False, server_default='editor')),
    ('site_state', sa.Column('review_required', sa.Boolean(), nullable=False, server_default=sa.false())),
    ('updates', sa.Column('review_comment', sa.Text(), nullable=False, server_default='')),
    ('revisions', sa.Column('comment', sa.Text(), nullable=False, server_default='')),
]


def upgrade():
    for table, column in COLUMNS:
        op.add_column(table, column)


def downgrade():
    # SQLite 3.35+ drops a column in place (ALTER TABLE ... DROP COLUMN): no table copy.
    for table, column in reversed(COLUMNS):
        op.drop_column(table, column.name)
