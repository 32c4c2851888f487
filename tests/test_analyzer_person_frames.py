"""Names in running text, in frames met while probing new wording: the whole analyzer (model
and rules) finds each private name with its exact span, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "person_frames.txt"
LINES = [
    line
    for line in FIXTURE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def unmark(line: str) -> tuple[str, list[tuple[int, int]]]:
    text, gold, at = "", [], 0
    for m in re.finditer(r"\[\[(.+?)\]\]", line):
        text += line[at : m.start()]
        gold.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        at = m.end()
    return text + line[at:], gold


@pytest.mark.parametrize("line", LINES)
def test_analyzer_person_frames(analyzer, line: str) -> None:
    text, gold = unmark(line)
    found = sorted((d.start, d.end) for d in analyzer.analyze(text) if d.type == "PERSON")
    assert found == gold, [text[a:b] for a, b in found]
