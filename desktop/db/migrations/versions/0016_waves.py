"""Waves: ready orders released together and planned once into carts; carrier pick-up cut-offs; the put wall.

`waves` records a release (kind, rule, who, when); its carts are `pick_batches` rows in status
`open` with `wave_id` and `plan_seq`, their stops already routed, so `next_batch` hands the first
one out by one conditional update (index on status, plan_seq). `orders.wave_id` keeps a waved
order out of the on-the-call planning. `carrier_cutoffs` holds each carrier service's daily pick-up
time at a warehouse. `put_wall_slots` / `put_wall_puts` are the put wall's slots and scans.

Revision ID: 0016
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('waves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('rule', sa.JSON(), nullable=False),
    sa.Column('released_by_id', sa.Integer(), nullable=True),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('order_count', sa.Integer(), nullable=False),
    sa.Column('cart_count', sa.Integer(), nullable=False),
    sa.Column('route_distance_m', sa.Float(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('multi', 'single_sku', 'put_wall')", name=op.f('ck_waves_kind')),
    sa.CheckConstraint("status IN ('released', 'done', 'cancelled')", name=op.f('ck_waves_status')),
    sa.ForeignKeyConstraint(['released_by_id'], ['users.id'], name=op.f('fk_waves_released_by_id_users')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_waves_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waves')),
    sa.UniqueConstraint('code', name=op.f('uq_waves_code')),
    )
    op.create_index('ix_waves_status', 'waves', ['status'])
    op.create_table('carrier_cutoffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('carrier_id', sa.Integer(), nullable=False),
    sa.Column('service', sa.String(length=20), nullable=False),
    sa.Column('pickup_local', sa.String(length=5), nullable=False),
    sa.Column('timezone', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['carrier_id'], ['carriers.id'], name=op.f('fk_carrier_cutoffs_carrier_id_carriers')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'],
                            name=op.f('fk_carrier_cutoffs_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carrier_cutoffs')),
    sa.UniqueConstraint('warehouse_id', 'carrier_id', 'service', name=op.f('uq_carrier_cutoffs_warehouse_id')),
    )
    with op.batch_alter_table('pick_batches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wave_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('plan_seq', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_pick_batches_wave_id_waves'), 'waves', ['wave_id'], ['id'])
        batch_op.create_index('ix_pick_batches_open_plan', ['status', 'plan_seq'])
        batch_op.create_index('ix_pick_batches_wave', ['wave_id'])
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wave_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_orders_wave_id_waves'), 'waves', ['wave_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_orders_wave_id'), ['wave_id'])
        batch_op.create_index('ix_orders_status_class_wave', ['status', 'priority_class', 'wave_id'])
    op.create_table('put_wall_slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('slot_no', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('units_needed', sa.Integer(), nullable=False),
    sa.Column('units_put', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('full_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('units_put >= 0 AND units_put <= units_needed', name=op.f('ck_put_wall_slots_units_in_range')),
    sa.ForeignKeyConstraint(['batch_id'], ['pick_batches.id'], name=op.f('fk_put_wall_slots_batch_id_pick_batches')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_put_wall_slots_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_put_wall_slots')),
    sa.UniqueConstraint('batch_id', 'order_id', name='uq_put_wall_slots_batch_order'),
    sa.UniqueConstraint('batch_id', 'slot_no', name=op.f('uq_put_wall_slots_batch_id')),
    )
    op.create_index(op.f('ix_put_wall_slots_batch_id'), 'put_wall_slots', ['batch_id'])
    op.create_table('put_wall_puts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('action_id', sa.String(length=40), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('order_line_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'],
                            name=op.f('fk_put_wall_puts_order_line_id_order_lines')),
    sa.ForeignKeyConstraint(['slot_id'], ['put_wall_slots.id'], name=op.f('fk_put_wall_puts_slot_id_put_wall_slots')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_put_wall_puts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_put_wall_puts')),
    sa.UniqueConstraint('action_id', name=op.f('uq_put_wall_puts_action_id')),
    )
    op.create_index(op.f('ix_put_wall_puts_slot_id'), 'put_wall_puts', ['slot_id'])


def downgrade() -> None:
    op.drop_table('put_wall_puts')
    op.drop_table('put_wall_slots')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_status_class_wave')
        batch_op.drop_index(batch_op.f('ix_orders_wave_id'))
        batch_op.drop_constraint(batch_op.f('fk_orders_wave_id_waves'), type_='foreignkey')
        batch_op.drop_column('wave_id')
    with op.batch_alter_table('pick_batches', schema=None) as batch_op:
        batch_op.drop_index('ix_pick_batches_wave')
        batch_op.drop_index('ix_pick_batches_open_plan')
        batch_op.drop_constraint(batch_op.f('fk_pick_batches_wave_id_waves'), type_='foreignkey')
        batch_op.drop_column('plan_seq')
        batch_op.drop_column('wave_id')
    op.drop_table('carrier_cutoffs')
    op.drop_index('ix_waves_status', table_name='waves')
    op.drop_table('waves')
