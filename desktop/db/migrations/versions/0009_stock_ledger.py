"""The stock ledger: one append-only row per change of on-hand (`stock_movements`).

Stock already held when this revision runs is written as one `opening_balance` movement per stock
row, so replaying the ledger gives today's on-hand from the first day. On PostgreSQL a trigger
refuses UPDATE and DELETE from any station's login (as `audit_log_frozen` does), on top of the grants.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stock_movements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('station', sa.String(length=40), nullable=True),
    sa.CheckConstraint('delta <> 0', name=op.f('ck_stock_movements_delta_nonzero')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_stock_movements_location_id_locations')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_stock_movements_lot_id_lots')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_stock_movements_sku_id_skus')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_stock_movements_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements')),
    )
    op.create_index(op.f('ix_stock_movements_at'), 'stock_movements', ['at'], unique=False)
    op.create_index('ix_stock_movements_sku_location', 'stock_movements', ['sku_id', 'location_id'], unique=False)
    conn = op.get_bind()
    now = "CURRENT_TIMESTAMP" if conn.dialect.name == 'postgresql' else "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    # exec_driver_sql hands the text to the driver as is: strftime's % signs are SQLite's own here
    conn.exec_driver_sql(
        "INSERT INTO stock_movements (at, location_id, sku_id, lot_id, delta, kind, ref) "
        f"SELECT {now}, location_id, sku_id, lot_id, on_hand, 'opening_balance', 'migration 0009' "
        "FROM stock WHERE on_hand <> 0 ORDER BY id")
    if conn.dialect.name != 'postgresql':
        return
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
    definer = f'SECURITY DEFINER SET search_path = "{schema}", pg_temp'
    conn.exec_driver_sql(
        f"""CREATE FUNCTION pickdesk_ledger_frozen() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
            BEGIN
                IF pickdesk_is_station() THEN
                    RAISE EXCEPTION 'the stock ledger cannot be changed' USING ERRCODE = '42501';
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END
        $$""")
    conn.exec_driver_sql("CREATE TRIGGER stock_movements_frozen BEFORE UPDATE OR DELETE ON stock_movements "
                         "FOR EACH ROW EXECUTE FUNCTION pickdesk_ledger_frozen()")
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION pickdesk_ledger_frozen() FROM PUBLIC")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'postgresql':
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS stock_movements_frozen ON stock_movements")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS pickdesk_ledger_frozen()")
    op.drop_index('ix_stock_movements_sku_location', table_name='stock_movements')
    op.drop_index(op.f('ix_stock_movements_at'), table_name='stock_movements')
    op.drop_table('stock_movements')
