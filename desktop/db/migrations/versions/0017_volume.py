"""A core that holds 100 000 orders a day (issue 20, part B): the listings' and reports' sort keys indexed.

* `orders (priority_score, order_no)`: the order list (`pickdesk orders`, `iter_orders`) pages by
  keyset, highest score first (read backwards; ties by number sorted within the page), as
  0001's `(status, priority_score)` does with a status;
* `orders (status, received_at, id)`: intake's waiting list, oldest first;
* `orders (received_at)` and `(promised_ship_by)`: a report's period, the promise kept, any sort by
  ship-by across statuses (the floor board's (status, promised_ship_by) is 0006's);
* `order_status_changes (to_status, at)`: stage times and shipments of a period read only that period;
* `pick_events (at)`, `exceptions (created_at)`, `returns (created_at)`, `feedback (at)`: the other
  figures of a period;
* `skus.presale_ships_on`: a pre-sale (预售) product's first shipping day; orders for it wait,
  received, until then (issue 20 item 2).

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

INDEXES = (
    ('ix_orders_priority_no', 'orders', ['priority_score', 'order_no']),
    ('ix_orders_status_received', 'orders', ['status', 'received_at', 'id']),
    ('ix_orders_received_at', 'orders', ['received_at']),
    ('ix_orders_ship_by', 'orders', ['promised_ship_by']),
    ('ix_status_changes_to_at', 'order_status_changes', ['to_status', 'at']),
    ('ix_pick_events_at', 'pick_events', ['at']),
    ('ix_exceptions_created_at', 'exceptions', ['created_at']),
    ('ix_returns_created_at', 'returns', ['created_at']),
    ('ix_feedback_at', 'feedback', ['at']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    with op.batch_alter_table('skus') as batch:
        batch.add_column(sa.Column('presale_ships_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('skus') as batch:
        batch.drop_column('presale_ships_on')
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
