"""Stock that stays true: pick-face replenishment tasks, blind cycle counts, transfers between warehouses.

- `replenishment_tasks`: reserve bin → pick face, for a receiver to carry out (REPLENISH movements).
- `stock_counts` / `stock_count_lines`: a count of a bin or a SKU, line per SKU, lot and round; the
  expected figure and the variance are kept beside what was counted (a receiver's station may not
  read them on PostgreSQL: `desktop.db.roles.HIDDEN`).
- `stock_transfers` gains who asked, the sending warehouse's pick batch and when it left;
  `pick_batches.kind` tells a transfer's batch from an order batch.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'))


def upgrade() -> None:
    op.create_table('replenishment_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('from_location_id', sa.Integer(), nullable=False),
    sa.Column('to_location_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('qty > 0', name=op.f('ck_replenishment_tasks_qty_positive')),
    _fk('replenishment_tasks', 'warehouse_id', 'warehouses'),
    _fk('replenishment_tasks', 'sku_id', 'skus'),
    _fk('replenishment_tasks', 'lot_id', 'lots'),
    sa.ForeignKeyConstraint(['from_location_id'], ['locations.id'],
                            name=op.f('fk_replenishment_tasks_from_location_id_locations')),
    sa.ForeignKeyConstraint(['to_location_id'], ['locations.id'],
                            name=op.f('fk_replenishment_tasks_to_location_id_locations')),
    sa.ForeignKeyConstraint(['done_by'], ['users.id'], name=op.f('fk_replenishment_tasks_done_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replenishment_tasks')),
    )
    op.create_index('ix_replenishment_tasks_status_warehouse', 'replenishment_tasks', ['status', 'warehouse_id'])
    op.create_table('stock_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('sku_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('counted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('counted_by', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    _fk('stock_counts', 'warehouse_id', 'warehouses'),
    _fk('stock_counts', 'location_id', 'locations'),
    _fk('stock_counts', 'sku_id', 'skus'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_stock_counts_created_by_users')),
    sa.ForeignKeyConstraint(['counted_by'], ['users.id'], name=op.f('fk_stock_counts_counted_by_users')),
    sa.ForeignKeyConstraint(['approved_by'], ['users.id'], name=op.f('fk_stock_counts_approved_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_counts')),
    )
    op.create_index(op.f('ix_stock_counts_status'), 'stock_counts', ['status'])
    op.create_table('stock_count_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('count_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('counted_qty', sa.Integer(), nullable=False),
    sa.Column('expected_qty', sa.Integer(), nullable=False),
    sa.Column('variance', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    _fk('stock_count_lines', 'count_id', 'stock_counts'),
    _fk('stock_count_lines', 'location_id', 'locations'),
    _fk('stock_count_lines', 'sku_id', 'skus'),
    _fk('stock_count_lines', 'lot_id', 'lots'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_count_lines')),
    )
    op.create_index(op.f('ix_stock_count_lines_count_id'), 'stock_count_lines', ['count_id'])
    with op.batch_alter_table('stock_transfers') as batch:
        batch.add_column(sa.Column('requested_by', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('batch_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('shipped_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(op.f('fk_stock_transfers_requested_by_users'), 'users', ['requested_by'], ['id'])
        batch.create_foreign_key(op.f('fk_stock_transfers_batch_id_pick_batches'), 'pick_batches', ['batch_id'], ['id'])
    with op.batch_alter_table('pick_batches') as batch:
        batch.add_column(sa.Column('kind', sa.String(length=10), server_default='order', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('pick_batches') as batch:
        batch.drop_column('kind')
    with op.batch_alter_table('stock_transfers') as batch:
        batch.drop_constraint(op.f('fk_stock_transfers_batch_id_pick_batches'), type_='foreignkey')
        batch.drop_constraint(op.f('fk_stock_transfers_requested_by_users'), type_='foreignkey')
        batch.drop_column('shipped_at')
        batch.drop_column('batch_id')
        batch.drop_column('requested_by')
    op.drop_index(op.f('ix_stock_count_lines_count_id'), table_name='stock_count_lines')
    op.drop_table('stock_count_lines')
    op.drop_index(op.f('ix_stock_counts_status'), table_name='stock_counts')
    op.drop_table('stock_counts')
    op.drop_index('ix_replenishment_tasks_status_warehouse', table_name='replenishment_tasks')
    op.drop_table('replenishment_tasks')
