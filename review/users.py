"""Users of the officers' web app and their roles, in gkreview's database beside the audit
trail. Passwords are hashed with Argon2id (argon2-cffi); a plain password is never stored.

Roles: ``drafter`` uploads and sees their own reviews, ``officer`` approves and signs,
``admin`` manages users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from gkreview.review.database import open_database
from gkreview.review.tables import sessions, users

ROLES = ("drafter", "officer", "admin")
ROLE_LABELS = {"drafter": "拟稿人", "officer": "保密审查员", "admin": "管理员"}
MIN_PASSWORD = 10
_NAME = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")
_HASHER = PasswordHasher()


class UserError(ValueError):
    """A user that cannot be created or a login that fails; the message is for a person."""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


class UserStore:
    """Users in gkreview's database (an engine, a SQLite file or a database URL)."""

    def __init__(self, target: Engine | Path | str) -> None:
        self._owned = not isinstance(target, Engine)
        self.engine = open_database(target) if not isinstance(target, Engine) else target

    def add(self, name: str, role: str, password: str) -> User:
        if not _NAME.match(name):
            raise UserError("用户名为 2–32 个字母、数字或 . _ - / a name of 2-32 letters or digits")
        if role not in ROLES:
            raise UserError(f"角色应为 {'、'.join(ROLES)} 之一 / role must be one of {ROLES}")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"密码至少 {MIN_PASSWORD} 个字符 / at least {MIN_PASSWORD} characters")
        try:
            with self.engine.begin() as conn:
                result = conn.execute(
                    users.insert().values(
                        name=name, role=role, password_hash=_HASHER.hash(password),
                        created_at=datetime.now(UTC).isoformat(timespec="seconds"), active=True,
                    )
                )  # fmt: skip
        except IntegrityError:
            raise UserError(f"用户 {name} 已存在 / user {name} exists") from None
        return User(int(result.inserted_primary_key[0]), name, role)

    def set_active(self, user_id: int, active: bool) -> None:
        with self.engine.begin() as conn:
            conn.execute(users.update().where(users.c.id == user_id).values(active=active))
            if not active:  # a disabled user's open sessions end at once
                conn.execute(sessions.delete().where(sessions.c.user_id == user_id))

    def set_password(self, user_id: int, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise UserError(f"密码至少 {MIN_PASSWORD} 个字符 / at least {MIN_PASSWORD} characters")
        hashed = _HASHER.hash(password)
        with self.engine.begin() as conn:
            conn.execute(users.update().where(users.c.id == user_id).values(password_hash=hashed))

    def get(self, user_id: int) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users.c.id, users.c.name, users.c.role).where(
                    users.c.id == user_id, users.c.active.is_(True)
                )
            ).first()
        return User(row.id, row.name, row.role) if row else None

    def all(self) -> list[User]:
        """Active users."""
        return [u for u, active in self.listing() if active]

    def listing(self) -> list[tuple[User, bool]]:
        """Every user with whether they are active (the admin page)."""
        query = select(users.c.id, users.c.name, users.c.role, users.c.active).order_by(users.c.id)
        with self.engine.connect() as conn:
            return [(User(r.id, r.name, r.role), bool(r.active)) for r in conn.execute(query)]

    def authenticate(self, name: str, password: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users).where(users.c.name == name, users.c.active.is_(True))
            ).first()
        if row is None:
            _HASHER.hash(password)  # the same work as a real check: no timing oracle on names
            return None
        try:
            _HASHER.verify(row.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if _HASHER.check_needs_rehash(row.password_hash):
            with self.engine.begin() as conn:
                fresh = _HASHER.hash(password)
                conn.execute(users.update().where(users.c.id == row.id).values(password_hash=fresh))
        return User(row.id, row.name, row.role)

    def close(self) -> None:
        if self._owned:
            self.engine.dispose()
