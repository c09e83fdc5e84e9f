"""The customer-data key by name: the database records the fingerprint of the key its customer fields
are sealed under (`sealing_keys`), and a rotation's progress (`key_rotations`), never a key.

A database sealed before this revision records no key: the first station to open it must bring the
key it was sealed with (`pickdesk keys import FILE`, which checks it against the sealed rows); a
station never makes a new key for a database that already holds sealed data.

Revision ID: 0008
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sealing_keys',
    sa.Column('fingerprint', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('current', 'previous', 'retired')", name=op.f('ck_sealing_keys_status')),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_sealing_keys')),
    )
    op.create_index('uq_sealing_keys_one_current', 'sealing_keys', ['status'], unique=True,
                    sqlite_where=sa.text("status = 'current'"), postgresql_where=sa.text("status = 'current'"))
    op.create_table('key_rotations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_fingerprint', sa.String(length=16), nullable=False),
    sa.Column('to_fingerprint', sa.String(length=16), nullable=False),
    sa.Column('resealed_through', sa.BigInteger(), nullable=False),
    sa.Column('values_resealed', sa.Integer(), nullable=False),
    sa.Column('batches', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['from_fingerprint'], ['sealing_keys.fingerprint'],
                            name=op.f('fk_key_rotations_from_fingerprint_sealing_keys')),
    sa.ForeignKeyConstraint(['to_fingerprint'], ['sealing_keys.fingerprint'],
                            name=op.f('fk_key_rotations_to_fingerprint_sealing_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_rotations')),
    )


def downgrade() -> None:
    op.drop_table('key_rotations')
    op.drop_index('uq_sealing_keys_one_current', table_name='sealing_keys')
    op.drop_table('sealing_keys')
