"""The audit trail: who decided what about which review, when; append-only and hash-chained.

Why a chain: an officer answers later for every decision, so the trail must show any edit.
Each entry's hash covers its content and the previous entry's hash; changing, inserting or
deleting an entry breaks every hash after it, and ``gkreview audit verify`` finds where.
Database triggers (SQLite or PostgreSQL) refuse UPDATE and DELETE as well, so an edit
needs deliberate tampering.

Entries never hold raw personal data: a finding is named by its id, type and offsets, a
free-text explanation only by its SHA-256 and length. ``detail`` accepts a fixed set of keys,
each with the kind of value it may hold, and refuses anything else.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from gkreview.review.database import open_database
from gkreview.review.tables import audit

GENESIS = "0" * 64

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")  # English codes: statuses, types, grounds
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")  # entity types (PERSON, CN_ID_CARD)
# detail key → what its value may be
ALLOWED: dict[str, str] = {
    "finding_id": "id", "type": "code_upper", "start": "int", "end": "int", "status": "code",
    "previous_status": "code", "attribute": "code", "previous_attribute": "code",
    "ground": "code", "action": "code", "explanation_sha256": "hex", "explanation_chars": "int",
    "document_sha256": "hex", "output_sha256": "hex", "count": "int", "role": "code",
    "user_id": "id", "format": "code", "kind": "code", "reason": "code",
}  # fmt: skip
ACTION_LABELS = {
    "upload": "上传", "review_created": "生成审查", "finding_decided": "决定",
    "finding_added": "添加",
    "attribute_changed": "审定公开属性", "signed": "签发", "sign_refused": "签发被拒（核验未通过）",
    "downloaded": "下载", "user_created": "新建用户", "login": "登录", "login_failed": "登录失败",
    "login_limited": "登录被限制", "logout": "退出", "batch_imported": "批量导入",
    "user_disabled": "停用用户", "user_enabled": "启用用户", "password_reset": "重设密码",
}  # fmt: skip
ACTIONS = frozenset({
    "upload", "review_created", "finding_decided", "finding_added", "attribute_changed",
    "signed", "sign_refused", "downloaded", "user_created", "login", "login_failed",
    "login_limited", "logout", "batch_imported", "user_disabled", "user_enabled",
    "password_reset",
})  # fmt: skip


class AuditValueError(ValueError):
    """A detail that could carry personal data, or an unknown key or action."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    review_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


def explanation_fields(text: str) -> dict[str, Any]:
    """What the trail keeps of an officer's free-text explanation: its hash and length."""
    return {
        "explanation_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "explanation_chars": len(text),
    }


def check_detail(detail: dict[str, Any]) -> None:
    for key, value in detail.items():
        kind = ALLOWED.get(key)
        if kind is None:
            raise AuditValueError(f"detail key {key!r} is not allowed in the audit trail")
        ok = {
            "int": isinstance(value, int) and not isinstance(value, bool),
            "code": isinstance(value, str) and bool(_CODE.match(value)),
            "code_upper": isinstance(value, str) and bool(_TYPE.match(value)),
            "id": isinstance(value, str) and bool(_ID.match(value)),
            "hex": isinstance(value, str) and bool(_HEX64.match(value)),
        }[kind]
        if not ok:
            raise AuditValueError(f"detail {key!r} must be a {kind}, not {value!r}")


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, action: str,
               review_id: str | None, detail: dict[str, Any]) -> str:  # fmt: skip
    canonical = json.dumps(
        [seq, at, actor, action, review_id, detail],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )  # fmt: skip
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


class AuditLog:
    """The trail in gkreview's database (an engine, a SQLite file or a database URL)."""

    def __init__(self, target: Engine | Path | str) -> None:
        self._owned = not isinstance(target, Engine)
        self.engine = open_database(target) if not isinstance(target, Engine) else target

    def append(
        self,
        actor: str,
        action: str,
        review_id: str | None = None,
        *,
        conn: Connection | None = None,
        **detail: Any,
    ) -> AuditEntry:
        """Append one entry. Given ``conn``, inside the caller's transaction, so that a
        decision and its entry commit together or not at all."""
        if action not in ACTIONS:
            raise AuditValueError(f"unknown audit action {action!r}")
        if not _ID.match(actor) or (review_id is not None and not _ID.match(review_id)):
            raise AuditValueError("actor and review_id must be ids, not names")
        check_detail(detail)
        if conn is not None:
            return _append(conn, actor, action, review_id, detail)
        for _ in range(50):  # two appends that read the same tip: one wins, the other retries
            try:
                with self.engine.begin() as own:
                    return _append(own, actor, action, review_id, detail)
            except IntegrityError:
                continue
        raise RuntimeError("the audit trail is too busy to append to")

    def entries(self, review_id: str | None = None) -> list[AuditEntry]:
        """The trail, oldest first; given ``review_id``, only that review's entries."""
        query = select(audit).order_by(audit.c.seq)
        if review_id is not None:
            query = query.where(audit.c.review_id == review_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [AuditEntry(r.seq, r.at, r.actor, r.action, r.review_id, json.loads(r.detail),
                           r.prev_hash, r.hash) for r in rows]  # fmt: skip

    def verify(self) -> list[str]:
        """One line per break in the chain; empty when the trail is intact."""
        problems: list[str] = []
        prev, expected_seq = GENESIS, 1
        for e in self.entries():
            if e.seq != expected_seq:
                problems.append(
                    f"第 {expected_seq} 条起缺失（下一条是第 {e.seq} 条）/ entries missing"
                )
            if e.prev_hash != prev:
                problems.append(f"第 {e.seq} 条与前一条接不上 / broken link at entry {e.seq}")
            actual = entry_hash(e.prev_hash, e.seq, e.at, e.actor, e.action, e.review_id, e.detail)
            if actual != e.hash:
                problems.append(f"第 {e.seq} 条内容被改动 / entry {e.seq} was edited")
            prev, expected_seq = e.hash, e.seq + 1
        return problems

    def close(self) -> None:
        if self._owned:
            self.engine.dispose()


def _append(
    conn: Connection, actor: str, action: str, review_id: str | None, detail: dict[str, Any]
) -> AuditEntry:
    if conn.dialect.name == "postgresql":  # one appender at a time reads the tip
        conn.exec_driver_sql("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE")
    row = conn.execute(
        select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)
    ).first()
    seq, prev = (row.seq + 1, row.hash) if row else (1, GENESIS)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    digest = entry_hash(prev, seq, at, actor, action, review_id, detail)
    conn.execute(
        audit.insert().values(
            seq=seq, at=at, actor=actor, action=action, review_id=review_id,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
            prev_hash=prev, hash=digest,
        )
    )  # fmt: skip
    return AuditEntry(seq, at, actor, action, review_id, detail, prev, digest)
