"""The tables of gkreview's database (SQLAlchemy Core): the web app's users, sessions and
reviews, and the audit trail. Migrations in ``review/migrations`` create them; this module
only names them for queries, so the two are kept in step by ``tests/test_database.py``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(32), unique=True, nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
)  # fmt: skip

audit = Table(
    "audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("review_id", String(64)),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)  # fmt: skip

sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the cookie's token
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", Integer, nullable=False),  # epoch seconds
    Column("expires_at", Integer, nullable=False),
)  # fmt: skip

login_attempts = Table(
    "login_attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False),
    Column("client", String(64), nullable=False),
    Column("at", Integer, nullable=False),
    Column("ok", Boolean, nullable=False),
)  # fmt: skip

reviews = Table(
    "reviews", metadata,
    Column("id", String(32), primary_key=True),  # the review's review_id
    Column("owner_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("origin", String(8), nullable=False),  # upload | batch
    Column("name", String(255), nullable=False),
    Column("format", String(8), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("review", Text, nullable=False),  # the review JSON (contract), with its text
    Column("attribute", String(16), nullable=False),
    Column("risk", Float, nullable=False),
    Column("state", String(8), nullable=False),  # open | signed
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("signed_by", Integer, ForeignKey("users.id")),
    Column("signed_at", String(40)),
    Column("output", LargeBinary),
    Column("output_sha256", String(64)),
    Index("reviews_queue", "state", "risk"),
    Index("reviews_owner", "owner_id"),
)  # fmt: skip
