"""The labelled disclosure corpus (``corpus/disclosure``) as the model sees it.

Label orders are fixed here, once: the columns of every head's weights and the keys of every
prediction follow them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from gkreview.classify.grounds import ATTRIBUTES, NOT_PUBLIC_CODES, Attribute

ATTRIBUTE_LABELS: tuple[Attribute, ...] = ATTRIBUTES
"""Most restrictive first (not_public, on_request, public): argmax ties go to the first."""

GROUND_LABELS: tuple[str, ...] = (
    "state_secret",
    "law_prohibited",
    "security_stability",
    "commercial_secret",
    "personal_privacy",
    "internal_affairs",
    "process_information",
    "enforcement_case_file",
)
"""The contract's eight not_public codes, in the order of the 条例 (第十四条 to 第十六条)."""

assert frozenset(GROUND_LABELS) == NOT_PUBLIC_CODES

SPLITS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class DisclosureDoc:
    id: str
    text: str
    attribute: Attribute
    grounds: tuple[str, ...]  # all codes of the record; not_public ones are GROUND_LABELS
    topic: str
    family: str = ""

    @property
    def not_public_grounds(self) -> tuple[str, ...]:
        return tuple(g for g in self.grounds if g in NOT_PUBLIC_CODES)


def load_split(corpus_dir: Path, split: str) -> list[DisclosureDoc]:
    """``corpus_dir/<split>.jsonl``; FileNotFoundError names the missing file."""
    path = Path(corpus_dir) / f"{split}.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"没有找到语料文件 {path} (disclosure corpus split missing)")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["attribute"] not in ATTRIBUTE_LABELS:
                raise ValueError(f"{path}:{number}: unknown attribute {row['attribute']!r}")
            docs.append(
                DisclosureDoc(
                    id=str(row.get("id", f"{split}-{number}")),
                    text=row["text"],
                    attribute=row["attribute"],
                    grounds=tuple(row.get("grounds", ())),
                    topic=str(row.get("topic", "")),
                    family=str(row.get("family", "")),
                )
            )
    return docs
