"""Inbound: advance shipping notices, their lines, and what the dock received against them.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inbound_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('asn_no', sa.String(length=40), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('source_kind', sa.String(length=10), nullable=False),
    sa.Column('source_code', sa.String(length=32), nullable=False),
    sa.Column('source_name', sa.String(length=120), nullable=False),
    sa.Column('expected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('replenishment_request_id', sa.Integer(), nullable=True),
    sa.Column('stock_transfer_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("source_kind IN ('supplier', 'warehouse', 'return')", name=op.f('ck_inbound_notices_source_kind')),
    sa.CheckConstraint("status IN ('expected', 'receiving', 'closed')", name=op.f('ck_inbound_notices_status')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_inbound_notices_closed_by_id_users')),
    sa.ForeignKeyConstraint(['replenishment_request_id'], ['replenishment_requests.id'],
                            name=op.f('fk_inbound_notices_replenishment_request_id_replenishment_requests')),
    sa.ForeignKeyConstraint(['stock_transfer_id'], ['stock_transfers.id'],
                            name=op.f('fk_inbound_notices_stock_transfer_id_stock_transfers')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_inbound_notices_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_notices')),
    sa.UniqueConstraint('asn_no', name=op.f('uq_inbound_notices_asn_no')),
    )
    op.create_index(op.f('ix_inbound_notices_status'), 'inbound_notices', ['status'], unique=False)
    op.create_index(op.f('ix_inbound_notices_warehouse_id'), 'inbound_notices', ['warehouse_id'], unique=False)
    op.create_table('inbound_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_code', sa.String(length=20), nullable=True),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.Column('expected_qty', sa.Integer(), nullable=False),
    sa.CheckConstraint('expected_qty > 0', name=op.f('ck_inbound_lines_qty')),
    sa.ForeignKeyConstraint(['notice_id'], ['inbound_notices.id'], name=op.f('fk_inbound_lines_notice_id_inbound_notices')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_inbound_lines_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_lines')),
    sa.UniqueConstraint('notice_id', 'line_no', name=op.f('uq_inbound_lines_notice_id')),
    )
    op.create_table('inbound_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=True),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_code', sa.String(length=20), nullable=True),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('issues', sa.String(length=80), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('qty > 0', name=op.f('ck_inbound_receipts_qty')),
    sa.CheckConstraint("decision IN ('accept', 'quarantine', 'refuse')", name=op.f('ck_inbound_receipts_decision')),
    sa.ForeignKeyConstraint(['line_id'], ['inbound_lines.id'], name=op.f('fk_inbound_receipts_line_id_inbound_lines')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_inbound_receipts_location_id_locations')),
    sa.ForeignKeyConstraint(['notice_id'], ['inbound_notices.id'],
                            name=op.f('fk_inbound_receipts_notice_id_inbound_notices')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_inbound_receipts_sku_id_skus')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_inbound_receipts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_receipts')),
    )
    op.create_index(op.f('ix_inbound_receipts_notice_id'), 'inbound_receipts', ['notice_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_inbound_receipts_notice_id'), table_name='inbound_receipts')
    op.drop_table('inbound_receipts')
    op.drop_table('inbound_lines')
    op.drop_index(op.f('ix_inbound_notices_warehouse_id'), table_name='inbound_notices')
    op.drop_index(op.f('ix_inbound_notices_status'), table_name='inbound_notices')
    op.drop_table('inbound_notices')
