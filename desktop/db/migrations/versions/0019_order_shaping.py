"""Order shaping at intake (issue 20 item 2): merged shipments (合单) and split orders (拆单).

* `order_groups`: a merged shipment — orders of one buyer to one address from one merchant that
  arrived within the mall's merge window; `orders.merge_group_id` names each member's group, and
  `orders.buyer_digest` is the keyed digest (HMAC-SHA256) of buyer and address intake compares,
  never the sealed data itself.
* `orders.split_of_id`: a shipment split off an order that one warehouse could not fill, picked and
  packed in another warehouse as an order row of its own (number `<order>-S2`), pointing at the order.
* `merchants.merge_orders`: a merchant may opt out of merging (set-up import, `merge_orders`).
* `mall_settings`: the mall's settings by name (`merge_window_minutes`; absent or 0: no merging).

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mall_settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_mall_settings')),
    )
    op.create_table('order_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('buyer_digest', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_order_groups_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'],
                            name=op.f('fk_order_groups_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_groups')),
    sa.UniqueConstraint('code', name=op.f('uq_order_groups_code')),
    )
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('merge_orders', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('buyer_digest', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('merge_group_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('split_of_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(batch.f('fk_orders_merge_group_id_order_groups'), 'order_groups',
                                 ['merge_group_id'], ['id'])
        batch.create_foreign_key(batch.f('fk_orders_split_of_id_orders'), 'orders', ['split_of_id'], ['id'])
        batch.create_index(batch.f('ix_orders_buyer_digest'), ['buyer_digest'])
        batch.create_index(batch.f('ix_orders_merge_group_id'), ['merge_group_id'])
        batch.create_index(batch.f('ix_orders_split_of_id'), ['split_of_id'])


def downgrade() -> None:
    with op.batch_alter_table('orders') as batch:
        batch.drop_index(batch.f('ix_orders_split_of_id'))
        batch.drop_index(batch.f('ix_orders_merge_group_id'))
        batch.drop_index(batch.f('ix_orders_buyer_digest'))
        batch.drop_constraint(batch.f('fk_orders_split_of_id_orders'), type_='foreignkey')
        batch.drop_constraint(batch.f('fk_orders_merge_group_id_order_groups'), type_='foreignkey')
        batch.drop_column('split_of_id')
        batch.drop_column('merge_group_id')
        batch.drop_column('buyer_digest')
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('merge_orders')
    op.drop_table('order_groups')
    op.drop_table('mall_settings')
