"""A supervisor finds an order by the phone's last four digits (issue 19 item 4).

`orders.customer_phone_tail`: the keyed digest (HMAC under a key derived from the customer-data key)
of the phone's last four digits, indexed. The migration has no key, so it leaves the column empty for
orders already there: `pickdesk keys reindex-phones` (an admin, on a station holding the key) fills
it; intake and every later seal of a phone fill it as they go, and a key rotation re-computes it.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('customer_phone_tail', sa.LargeBinary(16), nullable=True))
    op.create_index('ix_orders_phone_tail', 'orders', ['customer_phone_tail'])


def downgrade() -> None:
    op.drop_index('ix_orders_phone_tail', table_name='orders')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('customer_phone_tail')
