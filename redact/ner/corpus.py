"""The NER corpus (``corpus/ner/*.jsonl``) as records and as spaCy training data."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin
from spacy.util import filter_spans

LABELS = ("PERSON", "ADDRESS", "DATE_OF_BIRTH")


@dataclass(frozen=True, slots=True)
class NerRecord:
    id: str
    text: str
    entities: tuple[tuple[int, int, str], ...]
    split: str
    template: str = ""
    public_role: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class AlignmentReport:
    """Entities whose boundaries fall inside a token cannot be learned by a token tagger."""

    total: int = 0
    misaligned: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.misaligned / self.total if self.total else 0.0


def load_split(corpus_dir: Path, split: str) -> list[NerRecord]:
    path = corpus_dir / f"{split}.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; rebuild the corpus with corpus/ner/build.py")
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            records.append(
                NerRecord(
                    id=row["id"],
                    text=row["text"],
                    entities=tuple((s, e, label) for s, e, label in row["entities"]),
                    split=row.get("split", split),
                    template=row.get("template", ""),
                    public_role=tuple((s, e) for s, e in row.get("public_role", [])),
                )
            )
    return records


def to_docbin(nlp: Language, records: Iterable[NerRecord]) -> tuple[DocBin, AlignmentReport]:
    """Tokenise each record with ``nlp``'s tokenizer and attach the entities that align."""
    docbin = DocBin(store_user_data=False)
    report = AlignmentReport()
    for record in records:
        doc = nlp.make_doc(record.text)
        spans, missing = [], []
        for start, end, label in record.entities:
            report.total += 1
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is None:
                report.misaligned += 1
                if len(report.examples) < 20:
                    report.examples.append(f"{record.id}: {record.text[start:end]}")
                missing.append(doc.char_span(start, end, alignment_mode="expand"))
                continue
            spans.append(span)
        # Tokens of a misaligned entity are marked missing, not "outside", so that they teach
        # the model nothing wrong; every other token is outside.
        taken = {i for span in spans for i in range(span.start, span.end)}
        blocked = [
            m
            for m in filter_spans([m for m in missing if m is not None])
            if not taken.intersection(range(m.start, m.end))
        ]
        doc.set_ents(spans, missing=blocked, default="outside")
        docbin.add(doc)
    return docbin, report
