"""Names in running text: PERSON precision and recall on ``corpus/ner/running_dev/``.

The corpus's dev and test splits are template sentences, on which the detection is close to
saturated; this set is hand-written running text (names that no cue announces), kept out of
training. It measures a model against the shipped one, side by side, with jieba's ``nr``
tags as the baseline:

    .venv/bin/python benchmarks/measure_running_text.py
    .venv/bin/python benchmarks/measure_running_text.py --model /path/to/retrained/model
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jieba.posseg

from gkreview.review.pipeline import Reviewer

DEV = Path(__file__).resolve().parent.parent / "corpus" / "ner" / "running_dev"
MARK = re.compile(r"\[\[([^\[\]|]+)\|PERSON\]\]")


def load(folder: Path = DEV) -> list[tuple[str, set[tuple[int, int]]]]:
    """(text, name spans) per line."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            text, gold, at = "", set(), 0
            for m in MARK.finditer(line):
                text += line[at : m.start()]
                gold.add((len(text), len(text) + len(m.group(1))))
                text += m.group(1)
                at = m.end()
            out.append((text + line[at:], gold))
    return out


def score(found: list[set[tuple[int, int]]], lines: list) -> tuple[float, float, int, int, int]:
    tp = sum(len(f & g) for f, (_, g) in zip(found, lines, strict=True))
    fp = sum(len(f - g) for f, (_, g) in zip(found, lines, strict=True))
    fn = sum(len(g - f) for f, (_, g) in zip(found, lines, strict=True))
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def jieba_nr(text: str) -> set[tuple[int, int]]:
    spans, at = set(), 0
    for word, flag in jieba.posseg.cut(text):
        if flag == "nr":
            spans.add((at, at + len(word)))
        at += len(word)
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a retrained NER to compare")
    args = parser.parse_args()
    lines = load()
    rows = {"jieba nr (baseline)": [jieba_nr(t) for t, _ in lines]}
    for label, model in (("shipped", None), ("--model", args.model)):
        if label == "--model" and model is None:
            continue
        analyzer = Reviewer.build(model_dir=model).analyzer
        rows[label] = [
            {(d.start, d.end) for d in analyzer.analyze(t) if d.type == "PERSON"} for t, _ in lines
        ]
    names = sum(len(g) for _, g in lines)
    print(f"running text: {len(lines)} lines, {names} names ({DEV.name}/)")
    print(f"{'detector':<22}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    base = score(rows["shipped"], lines)[1]
    for label, found in rows.items():
        p, r, tp, fp, fn = score(found, lines)
        print(f"{label:<22}{p:>10.3f}{r:>8.3f}{tp:>5}{fp:>5}{fn:>5}   recall ×{r / base:.2f}")


if __name__ == "__main__":
    main()
