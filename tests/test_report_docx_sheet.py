"""The 审查单 as a Word file, and ``check --format docx|html`` end to end."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import docx
from docx.table import Table

from gkreview.review.pipeline import Reviewer
from gkreview.review.report_docx import FINDING_COLUMNS, SIGNERS, render_review_docx
from tests.docmakers import make_docx, make_txt

GKREVIEW = [sys.executable, "-m", "gkreview"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*GKREVIEW, *args], capture_output=True, text=True, env=env, timeout=300)


def table_starting(document: docx.document.Document, first_cell: str) -> Table:
    for table in document.tables:
        if table.rows[0].cells[0].text == first_cell:
            return table
    raise AssertionError(f"no table starting with {first_cell}")


def pairs(table: Table) -> dict[str, str]:
    return {row.cells[0].text: row.cells[1].text for row in table.rows}


def test_report_docx_sheet_fields(examples_dir: Path, reviewer: Reviewer) -> None:
    review = reviewer.review_path(examples_dir / "关于征收土地的公告.docx").to_dict()
    sheet = docx.Document(io.BytesIO(render_review_docx(review)))
    doc, disc = review["document"], review["disclosure"]

    meta = pairs(table_starting(sheet, "标题"))
    assert meta["标题"] == doc["title"]
    assert meta["文号"] == doc["doc_number"]
    assert meta["发文机关"] == doc["issuer"]
    assert meta["成文日期"] == doc["date"]
    assert meta["SHA-256"] == doc["sha256"]
    assert meta["格式"].startswith(doc["format"])

    attribute = pairs(table_starting(sheet, "建议公开属性"))
    assert attribute["建议公开属性"] == disc["label"]
    assert attribute["区分处理"].startswith("是" if disc["partial"] else "否")

    grounds = [t for t in sheet.tables if t.rows[0].cells[0].text == "依据"]
    rows = [row for t in grounds for row in t.rows[1:]]
    reasons = [*disc["reasons"], *disc["parts"]]
    assert len(rows) == len(reasons) > 0
    for row, reason in zip(rows, reasons, strict=True):
        assert row.cells[1].text == reason["article"]
        for ev in reason["evidence"]:
            assert ev["text"] in row.cells[3].text

    findings = table_starting(sheet, "序号")
    assert [c.text for c in findings.rows[0].cells] == list(FINDING_COLUMNS)
    assert len(findings.rows) == len(review["findings"]) + 1 > 1
    for row, f in zip(findings.rows[1:], review["findings"], strict=True):
        cells = [c.text for c in row.cells]
        assert cells[1] == f["label"] and cells[2] == f["text"]
        assert cells[4] == (f["replacement"] or "—")
        assert cells[5] == f"{f['score']:.2f}"
        assert cells[7] == "待审核"

    signatures = table_starting(sheet, "环节")
    assert [c.text for c in signatures.rows[0].cells] == ["环节", "意见", "签名", "日期"]
    assert [row.cells[0].text for row in signatures.rows[1:]] == list(SIGNERS)
    for row in signatures.rows[1:]:
        assert row.cells[2].text.strip() == ""  # a blank to sign
        assert all(ch in row.cells[3].text for ch in "年月日")


def test_report_docx_hidden_content_listed(tmp_path: Path, reviewer: Reviewer) -> None:
    path = make_docx(tmp_path / "a.docx", ["联系人张伟，电话13800138000。"], author="王五")
    review = reviewer.review_path(path).to_dict()
    assert review["warnings"]
    sheet = docx.Document(io.BytesIO(render_review_docx(review)))
    hidden = table_starting(sheet, "问题")
    assert len(hidden.rows) == len(review["warnings"]) + 1
    assert any("王五" in row.cells[2].text for row in hidden.rows[1:])


def test_report_docx_cli_needs_out_dir(tmp_path: Path) -> None:
    path = make_txt(tmp_path / "a.txt", "联系电话13800138000。")
    result = run("check", "--format", "docx", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--out" in lines[0] and "Traceback" not in result.stderr

    result = run("check", "--format", "html", str(path), str(path))
    assert result.returncode == 2 and "--out" in result.stderr


def test_report_docx_cli_writes_sheet_and_annotated_copy(tmp_path: Path) -> None:
    source = make_docx(
        tmp_path / "通知.docx", ["关于核实救助对象的通知", ["联系电话：138", "0013", "8000。"]]
    )
    text_source = make_txt(tmp_path / "请示.txt", "联系电话13912345678。")
    out = tmp_path / "out"
    result = run("check", "--format", "docx", "--out", str(out), str(source), str(text_source))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "请示.txt.review.docx",
        "通知.docx.annotated.docx",
        "通知.docx.review.docx",
    ]
    annotated = docx.Document(str(out / "通知.docx.annotated.docx"))
    assert any("13800138000" in c.text for c in annotated.comments)
    sheet = docx.Document(str(out / "请示.txt.review.docx"))
    assert "13912345678" in [row.cells[2].text for row in table_starting(sheet, "序号").rows]


def test_report_html_cli_stdout_and_out_dir(tmp_path: Path) -> None:
    path = make_txt(tmp_path / "a.txt", "<b>联系电话</b>13800138000。")
    result = run("check", "--format", "html", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;联系电话&lt;/b&gt;" in result.stdout and "<b>联系电话" not in result.stdout

    out = tmp_path / "out"
    result = run("check", "--format", "html", "--out", str(out), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = (out / "a.txt.review.html").read_text(encoding="utf-8")
    assert 'data-finding="f1"' in written
