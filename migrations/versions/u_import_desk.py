"""import desk: desk_items, update_sources and job_locks

Revision ID: u_import_desk
Revises: 5d3a8e61c0f2
Create Date: 2026-12-01 06:00:00.000000

Feed items now wait on a desk (`desk_items`) instead of becoming drafts; an update keeps
its primary source in `updates.source_url` and any further ones in `update_sources`,
ordered by `position`; `job_locks` holds named locks with an expiry, so overlapping
`import-feeds` runs on several hosts skip instead of importing twice. New tables only:
nothing existing changes.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'u_import_desk'
down_revision = '5d3a8e61c0f2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'desk_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('maker_id', sa.Integer(), nullable=False),
        sa.Column('feed', sa.String(length=1000), nullable=False),
        sa.Column('guid', sa.String(length=1000), nullable=True),
        sa.Column('link', sa.String(length=1000), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('author', sa.String(length=200), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('published_at', sa.DateTime(), nullable=True),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=True),
        sa.Column('update_id', sa.Integer(), nullable=True),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['maker_id'], ['makers.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['update_id'], ['updates.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_desk_items_maker_guid', 'desk_items', ['maker_id', 'guid'], unique=True)
    op.create_index('ix_desk_items_link', 'desk_items', ['link'], unique=False)
    op.create_index('ix_desk_items_state_group', 'desk_items', ['state', 'group_id'], unique=False)
    op.create_table(
        'update_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('update_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(['update_id'], ['updates.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(
        'ix_update_sources_update_position', 'update_sources', ['update_id', 'position'],
        unique=False,
    )
    op.create_table(
        'job_locks',
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('holder', sa.String(length=200), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('name'),
    )


def downgrade():
    op.drop_table('job_locks')
    op.drop_index('ix_update_sources_update_position', table_name='update_sources')
    op.drop_table('update_sources')
    op.drop_index('ix_desk_items_state_group', table_name='desk_items')
    op.drop_index('ix_desk_items_link', table_name='desk_items')
    op.drop_index('ix_desk_items_maker_guid', table_name='desk_items')
    op.drop_table('desk_items')
