"""Tracking pushes: the shipments followed by Kuaidi100 (`tracking_subscriptions`), what it last
pushed and when to subscribe again after it gave up. (`shipments.status` was widened to 20 by 0012.)

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tracking_subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipment_id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=12), nullable=False),
    sa.Column('company', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('resubscribe_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_message', sa.String(length=300), nullable=False),
    sa.Column('pushes', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['shipment_id'], ['shipments.id'], name=op.f('fk_tracking_subscriptions_shipment_id_shipments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tracking_subscriptions')),
    sa.UniqueConstraint('shipment_id', name=op.f('uq_tracking_subscriptions_shipment_id')),
    )
    op.create_index(op.f('ix_tracking_subscriptions_status'), 'tracking_subscriptions', ['status'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_tracking_subscriptions_status'), table_name='tracking_subscriptions')
    op.drop_table('tracking_subscriptions')
