"""Packing actions carry the station's action id, as picking's do: replaying a packed parcel finds it
by a unique column rather than by reading the audit log's JSON.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 20:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('action_id', sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_parcels_action_id'), ['action_id'])


def downgrade() -> None:
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_parcels_action_id'), type_='unique')
        batch_op.drop_column('action_id')
