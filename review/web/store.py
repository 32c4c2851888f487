"""Reviews in the database: the uploaded bytes, the review JSON and its state.

Every change goes through ``ReviewStore.change``: the review is read, changed by a pure
function from ``decisions``, written back and its audit entry appended, all in one
transaction, so that the trail never records a decision the review lacks or the reverse.
A signed review is closed: nothing changes it any more.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from gkreview.review.audit import AuditLog
from gkreview.review.tables import reviews, users
from gkreview.review.web.risk import risk_score

T = TypeVar("T")
LISTED = (
    reviews.c.id, reviews.c.owner_id, reviews.c.origin, reviews.c.name, reviews.c.format,
    reviews.c.sha256, reviews.c.size, reviews.c.attribute, reviews.c.risk, reviews.c.state,
    reviews.c.created_at, reviews.c.updated_at, reviews.c.signed_at, reviews.c.output_sha256,
)  # fmt: skip


class ReviewClosed(ValueError):
    """The review is signed; it can be read and downloaded, not changed."""


@dataclass(frozen=True, slots=True)
class Listed:
    """A row of the queue: what a list shows, without the bytes or the review."""

    id: str
    owner_id: int
    owner: str
    origin: str
    name: str
    format: str
    sha256: str
    size: int
    attribute: str
    risk: float
    state: str
    created_at: str
    updated_at: str
    signed_at: str | None
    output_sha256: str | None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def safe_name(name: str, fmt: str) -> str:
    """The upload's base name, no folders, with the suffix of what its bytes really are."""
    base = PurePath(name.replace("\\", "/")).name.strip() or "document"
    stem = PurePath(base).stem if PurePath(base).suffix else base
    stem = "".join(c for c in stem if c.isprintable() and c not in '<>:"/\\|?*')[:120]
    return f"{stem or 'document'}.{fmt}"


class ReviewStore:
    def __init__(self, engine: Engine, audit: AuditLog) -> None:
        self.engine = engine
        self.audit = audit

    def create(
        self, owner_id: int, actor: str, name: str, fmt: str, data: bytes,
        review: dict[str, Any], origin: str = "upload",
    ) -> str:  # fmt: skip
        review_id = str(review["review_id"])
        stamp = now()
        with self.engine.begin() as conn:
            conn.execute(
                reviews.insert().values(
                    id=review_id, owner_id=owner_id, origin=origin, name=name, format=fmt,
                    sha256=review["document"]["sha256"], size=len(data), content=data,
                    review=json.dumps(review, ensure_ascii=False),
                    attribute=review["disclosure"]["attribute"], risk=risk_score(review),
                    state="open", created_at=stamp, updated_at=stamp,
                )
            )  # fmt: skip
            action = "batch_imported" if origin == "batch" else "review_created"
            self.audit.append(
                actor, action, review_id, conn=conn, document_sha256=review["document"]["sha256"],
                format=fmt, attribute=review["disclosure"]["attribute"],
                count=len(review.get("findings", [])),
            )  # fmt: skip
        return review_id

    def exists(self, review_id: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(reviews.c.id).where(reviews.c.id == review_id)).first()
                is not None
            )

    def listing(self, owner_id: int | None = None) -> list[Listed]:
        """Open reviews first, riskiest first; signed ones after, newest first."""
        query = select(*LISTED, users.c.name.label("owner")).join(
            users, users.c.id == reviews.c.owner_id
        )
        if owner_id is not None:
            query = query.where(reviews.c.owner_id == owner_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        listed = [Listed(**{k: getattr(r, k) for k in Listed.__slots__}) for r in rows]
        open_ = sorted(
            (r for r in listed if r.state == "open"), key=lambda r: (-r.risk, r.created_at)
        )
        done = sorted(
            (r for r in listed if r.state != "open"), key=lambda r: r.signed_at or "", reverse=True
        )
        return open_ + done

    def get(self, review_id: str) -> tuple[Listed, dict[str, Any]] | None:
        query = (
            select(*LISTED, users.c.name.label("owner"), reviews.c.review)
            .join(users, users.c.id == reviews.c.owner_id)
            .where(reviews.c.id == review_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return Listed(**{k: getattr(row, k) for k in Listed.__slots__}), json.loads(row.review)

    def content(self, review_id: str) -> bytes:
        with self.engine.connect() as conn:
            return conn.execute(
                select(reviews.c.content).where(reviews.c.id == review_id)
            ).scalar_one()

    def output(self, review_id: str) -> bytes | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(reviews.c.output).where(reviews.c.id == review_id)
            ).scalar_one_or_none()

    def change(
        self,
        review_id: str,
        mutate: Callable[[dict[str, Any]], T],
        record: Callable[[T, Connection], None],
        *,
        output: bytes | None = None,
        signed_by: int | None = None,
    ) -> T:
        """Read, change with ``mutate``, write back and ``record`` (the audit entry), at once."""
        with self.engine.begin() as conn:
            query = select(reviews.c.review, reviews.c.state).where(reviews.c.id == review_id)
            if conn.dialect.name == "postgresql":
                query = query.with_for_update()
            row = conn.execute(query).first()
            if row is None:
                raise KeyError(review_id)
            if row.state != "open":
                raise ReviewClosed("这份审查已签发，不能再改 / the review is signed")
            review = json.loads(row.review)
            result = mutate(review)
            values: dict[str, Any] = {
                "review": json.dumps(review, ensure_ascii=False),
                "attribute": review["disclosure"]["attribute"],
                "risk": risk_score(review),
                "updated_at": now(),
            }
            if output is not None:
                values.update(
                    state="signed", output=output, signed_by=signed_by,
                    signed_at=review["signature"]["signed_at"],
                    output_sha256=review["signature"]["output_sha256"],
                )  # fmt: skip
            conn.execute(reviews.update().where(reviews.c.id == review_id).values(**values))
            record(result, conn)
        return result
