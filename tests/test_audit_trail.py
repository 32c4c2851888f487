"""The audit trail: append-only, hash-chained, verified by ``gkreview audit verify``; no raw
personal data gets in."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gkreview.review.audit import AuditLog, AuditValueError, explanation_fields

GKREVIEW = [sys.executable, "-m", "gkreview"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*GKREVIEW, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def trail(tmp_path: Path) -> Path:
    path = tmp_path / "gkreview.sqlite"
    log = AuditLog(path)
    log.append("u1", "upload", "r1", document_sha256="a" * 64, format="docx")
    log.append("u2", "finding_decided", "r1", finding_id="f1", type="PERSON", start=12, end=15,
               status="approved", previous_status="proposed")  # fmt: skip
    log.append("u2", "attribute_changed", "r1", attribute="not_public",
               previous_attribute="public", ground="personal_privacy",
               **explanation_fields("申请人王建国的病历不宜公开"))  # fmt: skip
    log.append("u2", "signed", "r1", output_sha256="b" * 64)
    log.close()
    return path


def test_audit_verify_intact(trail: Path) -> None:
    result = run("audit", "verify", "--db", str(trail))
    assert result.returncode == 0, result.stderr
    assert "4 条" in result.stdout


def test_audit_is_append_only(trail: Path) -> None:
    db = sqlite3.connect(trail)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE audit SET actor = 'u9' WHERE seq = 2")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit WHERE seq = 2")


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("UPDATE audit SET detail = replace(detail, 'approved', 'rejected') WHERE seq = 2",
         "entry 2 was edited"),
        ("DELETE FROM audit WHERE seq = 3", "entries missing"),
        ("UPDATE audit SET actor = 'u3' WHERE seq = 4", "entry 4 was edited"),
    ],
)  # fmt: skip
def test_audit_verify_detects_any_edit(trail: Path, tamper: str, expected: str) -> None:
    db = sqlite3.connect(trail)
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    db.execute(tamper)
    db.commit()
    db.close()
    result = run("audit", "verify", "--db", str(trail))
    assert result.returncode == 5
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_audit_never_holds_raw_personal_data(trail: Path, tmp_path: Path) -> None:
    raw = trail.read_bytes()
    assert "王建国".encode() not in raw and "病历".encode() not in raw
    log = AuditLog(tmp_path / "x.sqlite")
    for detail in ({"text": "王建国"}, {"status": "王建国"}, {"finding_id": "王建国"},
                   {"start": "12"}, {"replacement": "张某某"}):  # fmt: skip
        with pytest.raises(AuditValueError):
            log.append("u1", "finding_decided", "r1", **detail)
    with pytest.raises(AuditValueError):
        log.append("王建国", "login")
    with pytest.raises(AuditValueError):
        log.append("u1", "gossip")
    assert log.entries() == []


def test_audit_verify_without_database(tmp_path: Path) -> None:
    result = run("audit", "verify", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 2 and "没有审计数据库" in result.stderr
