"""``gkreview redact`` end to end: exit statuses, messages, the copy on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gkreview.ingest.reader import read_document

GKREVIEW = [sys.executable, "-m", "gkreview"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*GKREVIEW, *args], capture_output=True, text=True, env=env, timeout=300)


def review_of(path: Path, tmp_path: Path, approve: bool = True) -> Path:
    result = run("check", "--format", "json", "--with-text", str(path))
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    if approve:
        for f in review["findings"]:
            f["status"] = "approved"
    target = tmp_path / f"{path.name}.review.json"
    target.write_text(json.dumps(review, ensure_ascii=False), encoding="utf-8")
    return target


def test_cli_redact_docx_writes_verified_copy(examples_dir: Path, tmp_path: Path) -> None:
    src = examples_dir / "关于征收土地的公告.docx"
    review = review_of(src, tmp_path)
    out = tmp_path / "公告.公开版.docx"
    result = run("redact", str(src), "--review", str(review), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "核验通过" in result.stdout
    text = read_document(out).text
    assert "张建国" not in text and "120116196503120030" not in text
    assert "关于征收滨海新区大港街道东村集体土地的公告" in text


def test_cli_redact_all_proposed(examples_dir: Path, tmp_path: Path) -> None:
    src = examples_dir / "关于追加防控经费的请示.gbk.txt"
    review = review_of(src, tmp_path, approve=False)
    out = tmp_path / "请示.txt"
    plain = run("redact", str(src), "--review", str(review), "--out", str(out), "--no-rescan")
    assert plain.returncode == 0 and "处理 0 处" in plain.stdout
    every = run("redact", str(src), "--review", str(review), "--out", str(out), "--all-proposed")
    assert every.returncode == 0, every.stderr
    assert "处理 0 处" not in every.stdout


def test_cli_redact_usage_errors(examples_dir: Path, tmp_path: Path) -> None:
    src = examples_dir / "关于征收土地的公告.docx"
    other = review_of(examples_dir / "常务会议纪要.pdf", tmp_path)
    mismatch = run("redact", str(src), "--review", str(other), "--out", str(tmp_path / "a.docx"))
    assert mismatch.returncode == 2
    assert "sha256" in mismatch.stderr and "Traceback" not in mismatch.stderr
    assert len(mismatch.stderr.strip().splitlines()) == 1

    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    bad = run("redact", str(src), "--review", str(junk), "--out", str(tmp_path / "b.docx"))
    assert bad.returncode == 2 and "JSON" in bad.stderr

    missing = run("redact", str(src), "--out", str(tmp_path / "c.docx"))
    assert missing.returncode == 2


def test_cli_redact_unreadable_input(tmp_path: Path) -> None:
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    review = tmp_path / "r.json"
    review.write_text(json.dumps({"schema": "gkreview.review/1", "findings": []}), "utf-8")
    result = run("redact", str(broken), "--review", str(review), "--out", str(tmp_path / "o.docx"))
    assert result.returncode == 3
    assert "坏.docx" in result.stderr and "Traceback" not in result.stderr


def test_cli_redact_refuses_a_copy_the_rescan_finds_data_in(tmp_path: Path) -> None:
    """A review that lost a phone number (removed from the JSON by hand): the rescan finds it
    in the copy, so the copy is deleted and redact exits 4 with one line."""
    src = tmp_path / "答复.txt"
    src.write_text("申请人王建国，电话13920231234。另一联系人电话13811112222。\n", "utf-8")
    review_path = review_of(src, tmp_path)
    review = json.loads(review_path.read_text("utf-8"))
    assert {f["text"] for f in review["findings"]} >= {"13920231234", "13811112222"}
    review["findings"] = [f for f in review["findings"] if f["text"] != "13811112222"]
    review_path.write_text(json.dumps(review, ensure_ascii=False), "utf-8")
    out = tmp_path / "答复.公开版.txt"

    result = run("redact", str(src), "--review", str(review_path), "--out", str(out))
    assert result.returncode == 4, result.stderr
    assert not out.exists()
    assert "13811112222" in result.stderr and "已删除" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr

    unchecked = run(
        "redact", str(src), "--review", str(review_path), "--out", str(out), "--no-rescan"
    )
    assert unchecked.returncode == 0, unchecked.stderr  # only the rescan knew of that number
    assert "13920231234" not in out.read_text("utf-8")


def test_cli_redact_copy_in_another_format_is_a_usage_error(
    examples_dir: Path, tmp_path: Path
) -> None:
    src = examples_dir / "关于征收土地的公告.docx"
    review = review_of(src, tmp_path)
    result = run("redact", str(src), "--review", str(review), "--out", str(tmp_path / "a.pdf"))
    assert result.returncode == 2
    assert "格式" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "a.pdf").exists()
