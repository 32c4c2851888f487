"""Users of the officers' web app and their roles, in the same SQLite database as the audit
trail. Passwords are hashed with Argon2id (argon2-cffi); a plain password is never stored.

Roles: ``drafter`` uploads and sees their own reviews, ``officer`` approves and signs,
``admin`` manages users.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ROLES = ("drafter", "officer", "admin")
ROLE_LABELS = {"drafter": "拟稿人", "officer": "保密审查员", "admin": "管理员"}
MIN_PASSWORD = 10
_NAME = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")
SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)
"""
_HASHER = PasswordHasher()


class UserError(ValueError):
    """A user that cannot be created or a login that fails; the message is for a person."""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str


class UserStore:
    def __init__(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute(SCHEMA)
        self.db.commit()

    def add(self, name: str, role: str, password: str) -> User:
        if not _NAME.match(name):
            raise UserError("用户名为 2–32 个字母、数字或 . _ - / a name of 2-32 letters or digits")
        if role not in ROLES:
            raise UserError(f"角色应为 {'、'.join(ROLES)} 之一 / role must be one of {ROLES}")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"密码至少 {MIN_PASSWORD} 个字符 / at least {MIN_PASSWORD} characters")
        try:
            with self.db:
                cursor = self.db.execute(
                    "INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)",
                    (name, role, _HASHER.hash(password)),
                )
        except sqlite3.IntegrityError:
            raise UserError(f"用户 {name} 已存在 / user {name} exists") from None
        return User(int(cursor.lastrowid or 0), name, role)

    def authenticate(self, name: str, password: str) -> User | None:
        row = self.db.execute(
            "SELECT id, name, role, password_hash FROM users WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            _HASHER.hash(password)  # the same work as a real check: no timing oracle on names
            return None
        try:
            _HASHER.verify(row[3], password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if _HASHER.check_needs_rehash(row[3]):
            with self.db:
                fresh = _HASHER.hash(password)
                self.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (fresh, row[0]))
        return User(row[0], row[1], row[2])

    def close(self) -> None:
        self.db.close()
