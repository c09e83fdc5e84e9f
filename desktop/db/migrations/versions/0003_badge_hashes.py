"""Badges stored as keyed hashes: users.badge_code (plain text, a password anyone could read) becomes
users.badge_hash, HMAC-SHA256 of the code under a random key the database holds (table badge_key).

Sign-in by badge stays one indexed look-up: the station computes the HMAC of what was scanned and
finds the row by it. Existing badges are hashed here, so they keep working. Going down cannot bring
the codes back: badge_code comes back empty and badges must be enrolled again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('badge_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge_key')),
    sa.CheckConstraint('id = 1', name=op.f('ck_badge_key_one_row')),
    )
    key = secrets.token_bytes(32)
    conn = op.get_bind()
    conn.execute(sa.text("INSERT INTO badge_key (id, key, created_at) VALUES (1, :key, CURRENT_TIMESTAMP)"),
                 {"key": key})
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('badge_hash', sa.String(length=64), nullable=True))
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('badge_code', sa.String),
                     sa.column('badge_hash', sa.String))
    for user_id, code in conn.execute(sa.select(users.c.id, users.c.badge_code).where(users.c.badge_code.is_not(None))):
        # The same digest as desktop.services.auth.badge_digest (kept here: a migration must not change later).
        digest = hmac.new(key, code.strip().encode('utf-8'), hashlib.sha256).hexdigest()
        conn.execute(users.update().where(users.c.id == user_id).values(badge_hash=digest))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint('uq_users_badge_code', type_='unique')
        batch_op.drop_column('badge_code')
        batch_op.create_unique_constraint(batch_op.f('uq_users_badge_hash'), ['badge_hash'])


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_badge_hash'), type_='unique')
        batch_op.drop_column('badge_hash')
        batch_op.add_column(sa.Column('badge_code', sa.String(length=20), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_users_badge_code'), ['badge_code'])
    op.drop_table('badge_key')
