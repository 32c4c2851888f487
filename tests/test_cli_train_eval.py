"""`gkreview train` and `gkreview eval` end to end, on a small corpus made here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _row(text: str, *entities: tuple[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    spans = [
        (text.index(value), text.index(value) + len(value), label) for value, label in entities
    ]
    return text, spans


ROWS = [
    _row(
        "申请人张建国，住河南省周口市郸城县汲冢镇李楼村三组。",
        ("张建国", "PERSON"),
        ("河南省周口市郸城县汲冢镇李楼村三组", "ADDRESS"),
    ),
    _row(
        "当事人李秀英，1965年3月12日出生。",
        ("李秀英", "PERSON"),
        ("1965年3月12日", "DATE_OF_BIRTH"),
    ),
    _row(
        "户主王小明家住湖北省武汉市洪山区珞南街道广八路12号。",
        ("王小明", "PERSON"),
        ("湖北省武汉市洪山区珞南街道广八路12号", "ADDRESS"),
    ),
    _row("会议由市政府办公厅组织召开。"),
]


def _write_corpus(root: Path) -> Path:
    ner = root / "ner"
    ner.mkdir(parents=True)
    for split in ("train", "dev", "test"):
        with (ner / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for i, (text, ents) in enumerate(ROWS * (4 if split == "train" else 1)):
                row = {"id": f"{split}-{i}", "text": text, "entities": ents, "split": split}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return root


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "gkreview", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("corpus"))


def test_cli_train_writes_model_and_card(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = _run(
        "train", "--corpus", str(corpus), "--out", str(out),
        "--segmenter", "jieba_dict", "--max-steps", "10",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert (out / "config.cfg").exists() and (out / "ner" / "model").exists()
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "jieba_dict (kept)" in card and "## Rebuild" in card and "PERSON" in card


def test_cli_eval_prints_json_per_type(corpus: Path, tmp_path: Path) -> None:
    json_file = tmp_path / "eval.json"
    result = _run("eval", "--corpus", str(corpus), "--format", "json", "--json", str(json_file))
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data == json.loads(json_file.read_text(encoding="utf-8"))
    per_type = data["personal_data"]["per_type"]
    assert set(per_type) >= {"PERSON", "ADDRESS", "DATE_OF_BIRTH"}
    assert per_type["PERSON"]["support"] == 3
    assert 0.0 <= data["personal_data"]["unflagged_personal_chars"]["share"] <= 1.0
    assert data["baseline_jieba_nr"]["per_type"]["PERSON"]["support"] == 3


def test_cli_eval_table_and_missing_corpus(corpus: Path, tmp_path: Path) -> None:
    table = _run("eval", "--corpus", str(corpus))
    assert table.returncode == 0 and "precision" in table.stdout and "jieba" in table.stdout
    missing = _run("eval", "--corpus", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
