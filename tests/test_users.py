"""Users and roles: Argon2id hashes only, ``gkreview users add`` from the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gkreview.review.users import UserError, UserStore

GKREVIEW = [sys.executable, "-m", "gkreview"]
PASSWORD = "correct horse battery"


def test_users_password_stored_only_as_argon2_hash(tmp_path: Path) -> None:
    store = UserStore(tmp_path / "db.sqlite")
    user = store.add("zhangsan", "officer", PASSWORD)
    assert (user.name, user.role) == ("zhangsan", "officer")
    (stored,) = (
        sqlite3.connect(tmp_path / "db.sqlite")
        .execute("SELECT password_hash FROM users")
        .fetchone()
    )
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert store.authenticate("zhangsan", PASSWORD) == user
    assert store.authenticate("zhangsan", PASSWORD + "x") is None
    assert store.authenticate("nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "role", "password"),
    [("zhangsan", "king", PASSWORD), ("张三", "officer", PASSWORD), ("lisi", "officer", "short")],
)
def test_users_bad_input_refused(tmp_path: Path, name: str, role: str, password: str) -> None:
    with pytest.raises(UserError):
        UserStore(tmp_path / "db.sqlite").add(name, role, password)


def test_users_add_cli(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    args = [*GKREVIEW, "users", "add", "wangwu", "--role", "officer", "--password-stdin",
            "--db", str(db)]  # fmt: skip
    first = subprocess.run(args, input=PASSWORD + "\n", capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    assert UserStore(db).authenticate("wangwu", PASSWORD) is not None
    again = subprocess.run(args, input=PASSWORD + "\n", capture_output=True, text=True, env=env)
    assert again.returncode == 2 and "已存在" in again.stderr
