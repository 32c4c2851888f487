"""The web app's commands: serve, users, audit, import-batch, run as a person runs them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from gkreview.review.audit import AuditLog
from gkreview.review.database import open_database
from gkreview.review.web.store import ReviewStore
from tests.docmakers import make_txt
from tests.test_cli import run
from tests.web_documents import notice_docx

PASSWORD = "correct horse battery"
README = Path(__file__).parent.parent / "README.md"


def test_cli_web_commands_have_help_and_are_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    for command, words in {
        "serve": ("--host", "--port", "--db", "127.0.0.1"),
        "import-batch": ("--as", "OUT", "DIR"),
        "users": ("add",),
        "audit": ("verify",),
    }.items():
        result = run(command, "--help")
        assert result.returncode == 0, command
        assert all(w in result.stdout for w in words), (command, result.stdout)
        assert f"gkreview {command}" in readme, command


def test_cli_serve_unusable_database_one_line(tmp_path: Path) -> None:
    result = run("serve", "--db", "postgresql://nobody@/none?host=/nonexistent&port=1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_import_batch_into_queue(tmp_path: Path) -> None:
    source = tmp_path / "档案"
    source.mkdir()
    notice_docx(source, "救助.docx")
    make_txt(source / "会议.txt", "关于召开全区安全生产工作会议的通知\n各单位：定于5月10日召开。")
    (source / "坏.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "结果"
    assert run("batch", str(source), "--out", str(out), "--workers", "1").returncode == 0
    db = str(tmp_path / "gk.sqlite")
    added = run("users", "add", "li", "--role", "officer", "--password-stdin", "--db", db,
                input_text=PASSWORD + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr

    result = run("import-batch", str(out), str(source), "--as", "li", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "已导入 2 份" in result.stdout

    shutil.copy(source / "救助.docx", tmp_path / "kept.docx")
    (source / "救助.docx").write_bytes(b"changed")
    again = run("import-batch", str(out), str(source), "--as", "li", "--db", db)
    assert "已导入 0 份" in again.stdout and "已在队列中" in again.stderr

    engine = open_database(db)
    rows = ReviewStore(engine, AuditLog(engine)).listing()
    assert sorted(r.name for r in rows) == ["会议.txt", "救助.docx"]
    assert {r.origin for r in rows} == {"batch"}
    assert rows[0].name == "救助.docx"  # personal data: riskier, first in the queue
    assert [e.action for e in AuditLog(engine).entries()].count("batch_imported") == 2
    engine.dispose()

    verified = run("audit", "verify", "--db", db)
    assert verified.returncode == 0 and re.search(r"完好：\d+ 条", verified.stdout)


def test_cli_import_batch_unknown_user_or_folder(tmp_path: Path) -> None:
    db = str(tmp_path / "gk.sqlite")
    result = run("import-batch", str(tmp_path), str(tmp_path), "--as", "nobody", "--db", db)
    assert result.returncode == 2 and "users add" in result.stderr
    run("users", "add", "li", "--role", "officer", "--password-stdin", "--db", db,
        input_text=PASSWORD + "\n")  # fmt: skip
    result = run("import-batch", str(tmp_path), str(tmp_path), "--as", "li", "--db", db)
    assert result.returncode == 2 and "reviews/" in result.stderr
