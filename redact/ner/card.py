"""The model card written beside the trained NER: data, metrics, how to rebuild."""

from __future__ import annotations

from collections.abc import Sequence

from gkreview.redact.ner.evaluate import SpanScores
from gkreview.redact.ner.train import TrainResult

REBUILD = "bash scripts/install.sh && .venv/bin/gkreview train --corpus corpus"


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


def render_card(
    best: TrainResult,
    candidates: Sequence[TrainResult],
    test: SpanScores,
    baseline: SpanScores,
    corpus_counts: dict[str, int],
    seconds: float,
) -> str:
    lines = [
        "# zh_gkreview_ner: names, addresses and birth dates in Chinese government documents",
        "",
        "A spaCy pipeline (tok2vec CNN + transition-based NER) trained by `gkreview train` from",
        "`corpus/ner/`: synthetic sentences from hand-written templates, and hand-written",
        "documents (see `corpus/ner/PROVENANCE.md`). Labels: PERSON, ADDRESS, DATE_OF_BIRTH.",
        "No pretrained vectors; nothing is downloaded. Presidio uses it as its NLP engine",
        "(`redact/nlp.py`), through `ZhNerRecognizer` (`redact/recognizers/zh_ner.py`).",
        "",
        "## Data",
        "",
        "| split | records |",
        "| --- | --- |",
        *[f"| {k} | {v} |" for k, v in corpus_counts.items()],
        "",
        "The test split uses templates and values (names, counties) never used in training.",
        "",
        "## Segmenter (chosen on dev F1)",
        "",
        "| segmenter | dev P | dev R | dev F1 | misaligned train entities | size |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in candidates:
        mark = " (kept)" if r.segmenter == best.segmenter else ""
        lines.append(
            f"| {r.segmenter}{mark} | {r.dev_precision:.3f} | {r.dev_recall:.3f} | "
            f"{r.dev_f1:.3f} | {r.alignment.misaligned}/{r.alignment.total} "
            f"({r.alignment.rate:.2%}) | {_mb(r.size_bytes)} |"
        )
    lines += [
        "",
        "`jieba_dict` is jieba's dictionary segmentation without its HMM (see",
        "`redact/ner/tokenizer.py`): the HMM glues names to the next character (张伟于).",
        "",
        "## Held-out test split: the whole detection (model + rules + public role)",
        "",
        "| type | precision | recall | F1 | support |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, s in sorted(test.per_type.items()):
        lines.append(
            f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp + s.fn} |"
        )
    lines += [
        "",
        f"Unflagged personal-data characters: {test.leak.unflagged}/{test.leak.total} "
        f"({test.leak.share:.2%}).",
        "",
    ]
    person = baseline.per_type.get("PERSON")
    if person is not None:
        lines += [
            f"Baseline, jieba `nr` tags for PERSON: precision {person.precision:.3f}, "
            f"recall {person.recall:.3f}, F1 {person.f1:.3f}.",
            "",
        ]
    lines += [
        "## Rebuild",
        "",
        "```",
        REBUILD,
        "```",
        "",
        f"Training took {seconds:.0f} s on this machine for all candidates (CPU).",
        "`gkreview eval --corpus corpus` re-measures the shipped model.",
        "",
    ]
    return "\n".join(lines)
