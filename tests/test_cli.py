"""The command line end to end, as a drafter runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

GKREVIEW = [sys.executable, "-m", "gkreview"]


def run(
    *args: str, cwd: Path | None = None, input_text: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [*GKREVIEW, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300,
        input=input_text,
    )  # fmt: skip


def test_cli_check_json_one_file(examples_dir: Path, review_schema: dict) -> None:
    result = run("check", "--format", "json", "--with-text", str(examples_dir / "常务会议纪要.pdf"))
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    jsonschema.validate(review, review_schema)
    assert review["text"].startswith("市政府常务会议纪要")


def test_cli_check_several_files_text_and_bad_file(examples_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = run(
        "check",
        str(examples_dir / "关于征收土地的公告.docx"),
        str(broken),
        str(examples_dir / "关于追加防控经费的请示.gbk.txt"),
    )
    assert result.returncode == 3
    error_lines = result.stderr.strip().splitlines()
    assert len(error_lines) == 1
    assert "损坏.docx" in error_lines[0] and "Traceback" not in result.stderr
    assert result.stdout.count("建议公开属性") == 2
    assert "此件不予公开" in result.stdout and "国家秘密" in result.stdout
    assert "139****1234" in result.stdout
    # the 四至 of the expropriated land (南至东村三组) is a boundary, not someone's address
    assert "东村三组" not in result.stdout.split("个人信息：")[1]
    # several cue words in one sentence: the sentence is quoted once under its reason
    for block in result.stdout.split("  理由：")[1:]:
        quotes = [line for line in block.splitlines() if "依据原文" in line]
        assert len(quotes) == len(set(quotes)), block


def test_cli_check_empty_document_exit_3(tmp_path: Path) -> None:
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    result = run("check", str(empty))
    assert result.returncode == 3
    (line,) = result.stderr.strip().splitlines()
    assert "空文件.txt" in line and "没有文字" in line and "建议公开属性" not in result.stdout


def test_cli_check_json_lines_and_out_dir(examples_dir: Path, tmp_path: Path) -> None:
    files = [str(examples_dir / n) for n in ("常务会议纪要.pdf", "关于征收土地的公告.docx")]
    result = run("check", "--format", "json", *files)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["document"]["format"] for line in lines] == ["pdf", "docx"]

    out = tmp_path / "reviews"
    result = run("check", "--format", "json", "--out", str(out), *files)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = sorted(p.name for p in out.iterdir())
    assert written == ["关于征收土地的公告.docx.review.json", "常务会议纪要.pdf.review.json"]


def test_cli_missing_file_exit_3(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "没有这个文件.docx"))
    assert result.returncode == 3
    assert "没有这个文件.docx" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_bad_usage_exit_2(examples_dir: Path) -> None:
    result = run("check", "--format", "xml", str(examples_dir / "常务会议纪要.pdf"))
    assert result.returncode == 2


def test_cli_every_command_has_help() -> None:
    top = run("--help")
    assert top.returncode == 0 and "check" in top.stdout
    check = run("check", "--help")
    assert check.returncode == 0
    for word in ("--format", "--with-text", "--out", "一事一审"):
        assert word in check.stdout
