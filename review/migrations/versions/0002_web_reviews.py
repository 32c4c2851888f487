"""sessions, login attempts and reviews: the officers' web app

Revision ID: 0002_web_reviews
Revises: 0001_users_and_audit
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_web_reviews"
down_revision = "0001_users_and_audit"


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.Integer, nullable=False),
    )
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", sa.Integer, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
    )
    op.create_index("login_attempts_at", "login_attempts", ["at"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("review", sa.Text, nullable=False),
        sa.Column("attribute", sa.String(16), nullable=False),
        sa.Column("risk", sa.Float, nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("signed_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("signed_at", sa.String(40)),
        sa.Column("output", sa.LargeBinary),
        sa.Column("output_sha256", sa.String(64)),
    )
    op.create_index("reviews_queue", "reviews", ["state", "risk"])
    op.create_index("reviews_owner", "reviews", ["owner_id"])


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_table("login_attempts")
    op.drop_table("sessions")
