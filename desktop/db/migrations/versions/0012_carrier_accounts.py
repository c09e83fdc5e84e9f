"""Carrier accounts and the waybill numbers carriers issue; label control on parcels.

`carrier_accounts`: how to reach a carrier or a messaging provider (protocol, endpoint, partner id,
the secret sealed, options). `waybills`: the numbers a carrier issued per order (master and
children, with the sort codes of its route label). `parcels` gains the reprint count, the time its
label was voided, and what a waybill is wanted for while the carrier could not be reached.
`shipments.status` widens from 14 to 20 characters ("out_for_delivery" is 16).

Only adds (and widens one column): no data moves.

Revision ID: 0012
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('carrier_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('protocol', sa.String(length=16), nullable=False),
    sa.Column('endpoint', sa.String(length=300), nullable=False),
    sa.Column('partner_id', sa.String(length=80), nullable=False),
    sa.Column('secret_sealed', sa.LargeBinary(), nullable=True),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_carrier_accounts_updated_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carrier_accounts')),
    sa.UniqueConstraint('code', name=op.f('uq_carrier_accounts_code')),
    )
    op.create_table('waybills',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('carrier_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=6), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('parcel_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('carrier_order_id', sa.String(length=64), nullable=False),
    sa.Column('origin_code', sa.String(length=16), nullable=False),
    sa.Column('dest_code', sa.String(length=16), nullable=False),
    sa.Column('route_label', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['carrier_id'], ['carriers.id'], name=op.f('fk_waybills_carrier_id_carriers')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_waybills_order_id_orders')),
    sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_waybills_parcel_id_parcels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waybills')),
    sa.UniqueConstraint('number', name=op.f('uq_waybills_number')),
    )
    op.create_index(op.f('ix_waybills_order_id'), 'waybills', ['order_id'], unique=False)
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reprints', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('waybill_wanted', sa.JSON(), nullable=True))
    # A tracking event "out_for_delivery" (16 characters) did not fit the shipment's status on PostgreSQL.
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=sa.String(length=14), type_=sa.String(length=20),
                              existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=sa.String(length=20), type_=sa.String(length=14),
                              existing_nullable=False)
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.drop_column('waybill_wanted')
        batch_op.drop_column('voided_at')
        batch_op.drop_column('reprints')
    op.drop_index(op.f('ix_waybills_order_id'), table_name='waybills')
    op.drop_table('waybills')
    op.drop_table('carrier_accounts')
