"""An order cancelled after release (issue 20 item 2): put-back rows, and no parcel or label for it.

`put_backs`: the units picked for an order that was cancelled before it was packed, one row per
pick stop, each going back to the bin it came from (docs/waves.md, "Cancelled after release").

And a check in the database itself: a parcel or a waybill is never made for a cancelled order, nor
a label printed for one (a parcel's `label_printed_at` set) — whatever a station's code does. On
PostgreSQL a trigger function raises (SQLSTATE 23514, check violation); on SQLite a trigger aborts.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

MESSAGE = 'order cancelled: no parcel, waybill or label for it'
# (trigger, table, event, when) — `when` reads the row's order; NEW.order_id on both tables
GUARDS = (
    ('parcels_not_for_cancelled', 'parcels', 'INSERT', 'TRUE'),
    ('waybills_not_for_cancelled', 'waybills', 'INSERT', 'TRUE'),
    ('labels_not_for_cancelled', 'parcels', 'UPDATE',
     'NEW.label_printed_at IS NOT NULL AND OLD.label_printed_at IS NULL'),
)


def upgrade() -> None:
    op.create_table('put_backs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('pick_task_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('tote_id', sa.Integer(), nullable=True),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=6), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.Column('put_location_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('qty > 0', name=op.f('ck_put_backs_qty_positive')),
    sa.CheckConstraint("status IN ('open', 'done')", name=op.f('ck_put_backs_status')),
    sa.ForeignKeyConstraint(['done_by_id'], ['users.id'], name=op.f('fk_put_backs_done_by_id_users')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_put_backs_location_id_locations')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_put_backs_lot_id_lots')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_put_backs_order_id_orders')),
    sa.ForeignKeyConstraint(['pick_task_id'], ['pick_tasks.id'], name=op.f('fk_put_backs_pick_task_id_pick_tasks')),
    sa.ForeignKeyConstraint(['put_location_id'], ['locations.id'],
                            name=op.f('fk_put_backs_put_location_id_locations')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_put_backs_sku_id_skus')),
    sa.ForeignKeyConstraint(['tote_id'], ['totes.id'], name=op.f('fk_put_backs_tote_id_totes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_put_backs')),
    sa.UniqueConstraint('pick_task_id', name=op.f('uq_put_backs_pick_task_id')),
    )
    op.create_index(op.f('ix_put_backs_order_id'), 'put_backs', ['order_id'])
    op.create_index('ix_put_backs_status_tote', 'put_backs', ['status', 'tote_id'])
    conn = op.get_bind()
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql(
            f"""CREATE FUNCTION pickdesk_not_for_cancelled() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM orders WHERE id = NEW.order_id AND status = 'cancelled') THEN
                        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = '23514';
                    END IF;
                    RETURN NEW;
                END
            $$""")
        for name, table, event, when in GUARDS:
            conn.exec_driver_sql(f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW WHEN ({when}) "
                                 "EXECUTE FUNCTION pickdesk_not_for_cancelled()")
        return
    for name, table, event, when in GUARDS:
        cond = '' if when == 'TRUE' else f' AND {when}'
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW "
            f"WHEN (SELECT status FROM orders WHERE id = NEW.order_id) = 'cancelled'{cond} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade() -> None:
    conn = op.get_bind()
    for name, table, _event, _when in GUARDS:
        if conn.dialect.name == 'postgresql':
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        else:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS pickdesk_not_for_cancelled()")
    op.drop_index('ix_put_backs_status_tote', table_name='put_backs')
    op.drop_index(op.f('ix_put_backs_order_id'), table_name='put_backs')
    op.drop_table('put_backs')
