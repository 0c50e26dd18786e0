"""translation_fields and glossary_terms: per-field translation status, the glossary

Revision ID: r_translation_status
Revises: q_products_changes
Create Date: 2026-12-01 06:00:00.000000

`translation_fields` holds, per update, language and field, the source language's text
of that field when the translation was written or checked (outdated once the source
differs) and whether it is saved exactly as a machine translated it; deleting the
update deletes them, and a save removes those of a language whose text was removed.
`glossary_terms` holds the editors' term pairs and never-translate terms. Existing
translations get no rows: their first save records the source as it was before.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'r_translation_status'
down_revision = 'q_products_changes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'translation_fields',
        sa.Column('update_id', sa.Integer(), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('field', sa.String(length=20), nullable=False),
        sa.Column('source_lang', sa.String(length=8), nullable=False),
        sa.Column('source_text', sa.Text(), nullable=False),
        sa.Column('machine', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['update_id'], ['updates.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('update_id', 'lang', 'field'),
    )
    op.create_table(
        'glossary_terms',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source_lang', sa.String(length=8), nullable=False),
        sa.Column('source', sa.String(length=200), nullable=False),
        sa.Column('target_lang', sa.String(length=8), nullable=False),
        sa.Column('target', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade():
    op.drop_table('glossary_terms')
    op.drop_table('translation_fields')
