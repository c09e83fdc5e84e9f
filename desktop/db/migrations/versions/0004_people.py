"""People: a person may have no PIN yet, carries a Chinese name, and may be a receiver.

* `users.pin_hash` becomes nullable: a person an admin adds has no PIN and cannot sign in until
  one is set (`desktop.services.people.set_pin`);
* `users.name_zh`: the name in Chinese beside `display_name` (the set-up format's `name_zh`);
* `users.role` is one of the known roles, `receiver` (inbound goods and counts) among them.

Downgrading gives PIN-less people an empty hash (it verifies no PIN, so they still cannot sign in).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ROLES = ("picker", "packer", "receiver", "supervisor", "admin")


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.alter_column('pin_hash', existing_type=sa.String(length=200), nullable=True)
        batch.add_column(sa.Column('name_zh', sa.String(length=80), nullable=True))
        batch.create_check_constraint(op.f('ck_users_role_known'),
                                      "role IN (" + ", ".join(f"'{r}'" for r in ROLES) + ")")


def downgrade() -> None:
    op.execute("UPDATE users SET pin_hash = '' WHERE pin_hash IS NULL")
    with op.batch_alter_table('users') as batch:
        batch.drop_constraint(op.f('ck_users_role_known'), type_='check')
        batch.drop_column('name_zh')
        batch.alter_column('pin_hash', existing_type=sa.String(length=200), nullable=False)
