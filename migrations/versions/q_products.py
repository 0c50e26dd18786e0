"""products and changes: what changes when (issue 14)

Revision ID: q_products_changes
Revises: v7a1c3e5b9d2
Create Date: 2026-12-01 06:00:00.000000

`products` (a maker's model or product, with per-language names and descriptions in
`product_translations`) and `changes`: dated changes recorded on an update (launch, price
change, deprecation, retirement …), with the products they concern (`change_products`)
and a per-language description (`change_translations`). New tables only, on SQLite and
PostgreSQL alike.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'q_products_changes'
down_revision = 'v7a1c3e5b9d2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'products',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('maker_id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(['maker_id'], ['makers.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('slug'),
    )
    op.create_index('ix_products_maker_id', 'products', ['maker_id'], unique=False)
    op.create_table(
        'product_translations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('product_id', 'lang'),
    )
    op.create_table(
        'changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('update_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('effective_date', sa.Date(), nullable=False),
        sa.Column('effective_time', sa.Time(), nullable=True),
        sa.Column('time_zone', sa.String(length=64), nullable=True),
        sa.Column('old_price', sa.Numeric(precision=14, scale=6), nullable=True),
        sa.Column('new_price', sa.Numeric(precision=14, scale=6), nullable=True),
        sa.Column('price_unit', sa.String(length=30), nullable=True),
        sa.Column('currency', sa.String(length=3), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['update_id'], ['updates.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_changes_update_id', 'changes', ['update_id'], unique=False)
    op.create_index('ix_changes_effective_date', 'changes', ['effective_date'], unique=False)
    op.create_table(
        'change_products',
        sa.Column('change_id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['change_id'], ['changes.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('change_id', 'product_id'),
    )
    op.create_table(
        'change_translations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('change_id', sa.Integer(), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['change_id'], ['changes.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('change_id', 'lang'),
    )


def downgrade():
    op.drop_table('change_translations')
    op.drop_table('change_products')
    op.drop_index('ix_changes_effective_date', table_name='changes')
    op.drop_index('ix_changes_update_id', table_name='changes')
    op.drop_table('changes')
    op.drop_table('product_translations')
    op.drop_index('ix_products_maker_id', table_name='products')
    op.drop_table('products')
