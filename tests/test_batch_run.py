"""``gkreview batch``: every input once in the summary, bad files listed, resumable after a
SIGKILL without losing or repeating a file."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.docmakers import make_docx, make_pdf, make_txt

GKREVIEW = [sys.executable, "-m", "gkreview"]
TEXT = (
    "关于王建国同志信访事项的答复\n王建国：\n你反映的问题已收悉，联系电话13920231234。\n"
    "某某局\n2021年3月1日\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*GKREVIEW, *args], capture_output=True, text=True, env=env, timeout=600)


def summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "档案"
    (root / "2003").mkdir(parents=True)
    make_txt(root / "2003" / "答复.gbk.txt", TEXT, "gbk")
    make_txt(root / "答复.txt", TEXT)
    make_docx(
        root / "2003" / "通知.docx", ["关于开展安全检查的通知", "申请人李秀英，电话13811112222。"]
    )
    make_pdf(root / "纪要.pdf", [["市政府常务会议纪要", "会议讨论了城市更新方案。"]])
    (root / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    (root / "说明.md").write_text("not a document", encoding="utf-8")
    (root / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    return root


def test_batch_every_input_once_failures_listed(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("batch", str(archive), "--out", str(out), "--workers", "2")
    assert result.returncode == 0, result.stderr
    rows = summary(out)
    assert sorted(r["path"] for r in rows) == sorted(
        ["2003/答复.gbk.txt", "答复.txt", "2003/通知.docx", "纪要.pdf", "坏.docx"]
    )
    bad = next(r for r in rows if r["path"] == "坏.docx")
    assert bad["status"] == "failed" and "zip" in bad["error"]
    assert rows[0]["path"] == "坏.docx"  # failures first, for the human pass
    for r in rows:
        if r["status"] == "ok":
            assert (out / "reviews" / f"{r['path']}.json").is_file()
            assert r["attribute"] in ("public", "on_request", "not_public")
    reply = next(r for r in rows if r["path"] == "答复.txt")
    assert int(reply["findings"]) >= 2


def test_batch_resume_skips_unchanged_and_redoes_changed(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("batch", str(archive), "--out", str(out), "--workers", "1").returncode == 0
    make_txt(archive / "答复.txt", TEXT + "补充说明。\n")
    again = run("batch", str(archive), "--out", str(out), "--resume", "--workers", "1")
    assert again.returncode == 0
    assert "本次审查 2" in again.stdout  # the changed file and the failed one
    assert len(summary(out)) == 5


def test_batch_resume_after_sigkill_loses_and_repeats_nothing(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    from benchmarks.generate import generate_documents

    texts = generate_documents(150, seed=3)  # about 1.2 KB each: long enough to kill mid-run
    names = [f"{i:03d}.txt" for i in range(len(texts))]
    for name, text in zip(names, texts, strict=True):
        make_txt(root / name, text)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(
        [*GKREVIEW, "batch", str(root), "--out", str(out), "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )  # fmt: skip
    state = out / "state.sqlite"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if state.exists() and _recorded(state) >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    recorded = _recorded(state)
    assert 3 <= recorded < len(names), "killed mid-run"
    assert not (out / "summary.csv").exists() or len(summary(out)) < len(names)

    resumed = run("batch", str(root), "--out", str(out), "--resume", "--workers", "2")
    assert resumed.returncode == 0, resumed.stderr
    rows = summary(out)
    assert sorted(r["path"] for r in rows) == names  # every input exactly once
    assert all(r["status"] == "ok" for r in rows)
    assert f"跳过 {recorded}" in resumed.stdout
    reviews = sorted(p.name for p in (out / "reviews").iterdir())
    assert reviews == [f"{n}.json" for n in names]


def _recorded(state: Path) -> int:
    try:
        with sqlite3.connect(state, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM files WHERE status = 'ok'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_batch_usage_errors(tmp_path: Path) -> None:
    missing = run("batch", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 2 and "不是文件夹" in missing.stderr


def test_batch_xlsx_duplicates_period_and_conversions(archive: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    make_txt(archive / "答复副本.txt", TEXT)  # the same bytes as 答复.txt
    from benchmarks.generate import generate_documents

    long_text = generate_documents(1, seed=5)[0]
    make_txt(archive / "长文.txt", long_text)
    make_txt(archive / "长文改.txt", long_text.replace("。", "；", 1))  # a near copy
    previous = tmp_path / "previous.csv"
    previous.write_text("path,attribute\n纪要.pdf,not_public\n答复.txt,on_request\n", "utf-8")
    out = tmp_path / "out"
    result = run(
        "batch", str(archive), "--out", str(out), "--workers", "2",
        "--since", "2021-01-01", "--previous", str(previous),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {r["path"]: r for r in summary(out)}
    assert rows["答复副本.txt"]["duplicate_of"] == "答复.txt"
    assert rows["长文改.txt"]["duplicate_of"] == "长文.txt"
    # the same text in GBK, first in path order: a near duplicate across encodings
    assert rows["答复.txt"]["duplicate_of"] == "2003/答复.gbk.txt"
    assert rows["2003/答复.gbk.txt"]["duplicate_of"] == ""
    assert rows["答复.txt"]["in_period"] == "yes"
    assert rows["纪要.pdf"]["previous_attribute"] == "not_public"
    conversions = (out / "conversions.csv").read_text("utf-8-sig").splitlines()
    flagged = [r["path"] for r in rows.values() if r["conversion"] == "yes"]
    assert len(conversions) == 1 + len(flagged)
    assert all(rows[p]["attribute"] == "public" for p in flagged)

    sheet = load_workbook(out / "summary.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:8] == [
        "文件", "标题", "文号", "发文机关", "成文日期", "公开属性", "不予公开理由", "置信度",
    ]  # fmt: skip
    assert "姓名" in header and "电话号码" in header and "状态" in header
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(body) == len(rows)
    assert body[0][header.index("状态")] == "失败"  # failures first, then not_public
    attributes = [r[header.index("公开属性")] for r in body[1:]]
    order = {"不予公开": 0, "依申请公开": 1, "主动公开": 2}
    assert attributes == sorted(attributes, key=lambda a: order[a])


def test_batch_bad_dates_and_previous(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "o"
    assert run("batch", str(archive), "--out", str(out), "--since", "2021-13-01").returncode == 2
    missing = run("batch", str(archive), "--out", str(out), "--previous", str(tmp_path / "x.csv"))
    assert missing.returncode == 2


def test_batch_ray_engine_gives_the_local_results(archive: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    local, distributed = tmp_path / "local", tmp_path / "ray"
    assert run("batch", str(archive), "--out", str(local), "--workers", "2").returncode == 0
    result = run("batch", str(archive), "--out", str(distributed), "--engine", "ray",
                 "--workers", "2")  # fmt: skip
    assert result.returncode == 0, result.stderr

    def essentials(out: Path) -> list[tuple[str, ...]]:
        keys = ("path", "status", "attribute", "reasons", "findings", "duplicate_of", "sha256")
        return sorted(tuple(r[k] for k in keys) for r in summary(out))

    assert essentials(distributed) == essentials(local)
    for r in summary(local):
        if r["status"] == "ok":
            a = (local / "reviews" / f"{r['path']}.json").read_text("utf-8")
            b = (distributed / "reviews" / f"{r['path']}.json").read_text("utf-8")
            import json

            strip = ("review_id", "created_at")
            ja, jb = json.loads(a), json.loads(b)
            assert {k: v for k, v in ja.items() if k not in strip} == {
                k: v for k, v in jb.items() if k not in strip
            }
