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
MARK = re.compile(r"\[\[([^\[\]|]+)\|(PERSON|ADDRESS|DATE_OF_BIRTH)\]\]")
TYPES = ("PERSON", "ADDRESS", "DATE_OF_BIRTH")

Line = tuple[str, dict[str, set[tuple[int, int]]]]


def load(folder: Path = DEV) -> list[Line]:
    """(text, spans by type) per line; names always, addresses and birth dates where marked."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            text, gold, at = "", {t: set() for t in TYPES}, 0
            for m in MARK.finditer(line):
                text += line[at : m.start()]
                gold[m.group(2)].add((len(text), len(text) + len(m.group(1))))
                text += m.group(1)
                at = m.end()
            out.append((text + line[at:], gold))
    return out


def score(
    found: list[set[tuple[int, int]]], lines: list[Line], kind: str = "PERSON"
) -> tuple[float, float, int, int, int]:
    """Exact-span precision and recall of one type."""
    pairs = list(zip(found, (g[kind] for _, g in lines), strict=True))
    tp = sum(len(f & g) for f, g in pairs)
    fp = sum(len(f - g) for f, g in pairs)
    fn = sum(len(g - f) for f, g in pairs)
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
    rows: dict[str, dict[str, list[set[tuple[int, int]]]]] = {
        "jieba nr (baseline)": {"PERSON": [jieba_nr(t) for t, _ in lines]}
    }
    for label, model in (("shipped", None), ("--model", args.model)):
        if label == "--model" and model is None:
            continue
        analyzer = Reviewer.build(model_dir=model).analyzer
        found = [analyzer.analyze(t) for t, _ in lines]
        rows[label] = {
            kind: [{(d.start, d.end) for d in ds if d.type == kind} for ds in found]
            for kind in TYPES
        }
    counts = {k: sum(len(g[k]) for _, g in lines) for k in TYPES}
    print(
        f"running text: {len(lines)} lines, {counts['PERSON']} names, {counts['ADDRESS']} "
        f"addresses, {counts['DATE_OF_BIRTH']} birth dates marked ({DEV.name}/)"
    )
    for kind in TYPES:
        if not counts[kind]:
            continue
        print(f"\n{kind}")
        print(f"{'detector':<22}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
        base = score(rows["shipped"][kind], lines, kind)[1]
        for label, by_kind in rows.items():
            if kind not in by_kind:
                continue
            p, r, tp, fp, fn = score(by_kind[kind], lines, kind)
            ratio = f"   recall ×{r / base:.2f}" if base else ""
            print(f"{label:<22}{p:>10.3f}{r:>8.3f}{tp:>5}{fp:>5}{fn:>5}{ratio}")


if __name__ == "__main__":
    main()
