"""What the warehouse set-up format carries (warehouse-setup.md, issue 15).

- merchants: `shipping_regions` (regional fees of the shipping terms) and `active` (retired by set-up);
- locations: `active`;
- promotions: the code is the key and a promotion without a merchant applies to every merchant
  (`merchant_id` nullable, `code` unique). Rows that repeated one code for several merchants (the
  old demo wrote a promotion for every merchant as one row each) become one row for every merchant;
  downgrading writes them out per merchant again;
- users: `name_zh`, and `pin_hash` nullable (a person from set-up has no PIN until an admin sets one).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'  # people's users changes first (merged in branch adminui)
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shipping_regions', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.alter_column('shipping_regions', server_default=None)
        batch_op.alter_column('active', server_default=None)

    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.alter_column('active', server_default=None)

    # users.name_zh and a nullable users.pin_hash come with 0004 (people), which this follows.

    # One row per code: a code held by several merchants becomes one promotion for every merchant.
    conn = op.get_bind()
    dupes = conn.execute(sa.text(
        "SELECT code, MIN(id) FROM promotions GROUP BY code HAVING COUNT(*) > 1")).all()
    for code, keep in dupes:
        conn.execute(sa.text("DELETE FROM promotions WHERE code = :code AND id <> :keep"), {"code": code, "keep": keep})
    with op.batch_alter_table('promotions', schema=None) as batch_op:
        batch_op.alter_column('merchant_id', existing_type=sa.Integer(), nullable=True)
        batch_op.drop_constraint('uq_promotions_merchant_id', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_promotions_code'), ['code'])
    for code, keep in dupes:
        conn.execute(sa.text("UPDATE promotions SET merchant_id = NULL WHERE id = :keep"), {"keep": keep})


def downgrade() -> None:
    conn = op.get_bind()
    # A promotion for every merchant is written out once per merchant, as before.
    shared = conn.execute(sa.text(
        "SELECT id, code, kind, params, valid_from, valid_to, active FROM promotions WHERE merchant_id IS NULL")).all()
    merchants = [m for (m,) in conn.execute(sa.text("SELECT id FROM merchants ORDER BY id"))]
    with op.batch_alter_table('promotions', schema=None) as batch_op:
        batch_op.drop_constraint('uq_promotions_code', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_promotions_merchant_id'), ['merchant_id', 'code'])
    conn.execute(sa.text("DELETE FROM promotions WHERE merchant_id IS NULL"))
    promotions = sa.table('promotions', sa.column('merchant_id', sa.Integer()), sa.column('code', sa.String()),
                          sa.column('kind', sa.String()), sa.column('params', sa.JSON()),
                          sa.column('valid_from', sa.DateTime(timezone=True)),
                          sa.column('valid_to', sa.DateTime(timezone=True)), sa.column('active', sa.Boolean()))
    rows = [{"merchant_id": m, "code": p.code, "kind": p.kind,
             "params": json.loads(p.params) if isinstance(p.params, str) else p.params,
             "valid_from": p.valid_from, "valid_to": p.valid_to, "active": p.active}
            for p in shared for m in merchants]
    if rows:
        op.bulk_insert(promotions, rows)
    with op.batch_alter_table('promotions', schema=None) as batch_op:
        batch_op.alter_column('merchant_id', existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.drop_column('active')

    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.drop_column('active')
        batch_op.drop_column('shipping_regions')
