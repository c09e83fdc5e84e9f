"""The console's floor board at 100 000 orders: orders on the floor by status, soonest ship-by first.

`floor_board` reads `status IN (…on the floor…) ORDER BY promised_ship_by … LIMIT 300`; with an index
on (status, promised_ship_by) each status's rows are read already in ship-by order instead of
sorting every order of those statuses.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_orders_status_ship_by', 'orders', ['status', 'promised_ship_by'])


def downgrade() -> None:
    op.drop_index('ix_orders_status_ship_by', table_name='orders')
