"""``gkreview eval``'s measurements of the disclosure attribute on a split of the corpus.

Any predictor is measured the same way: a function from a document's text to a
:class:`DisclosureGuess` (attribute, proposed reasons' codes, confidence). Two are ready:
:func:`rules_predictor` (``classify.propose``, the explainable rules) and
:func:`model_predictor` (the trained model). The scores (:class:`DisclosureScores`, with
``as_dict()``) are computed in :mod:`gkreview.classify.model.metrics`, so that training scores
dev the same way; this module runs the predictor and renders rich tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from gkreview.classify.model.calibration import ReliabilityBin
from gkreview.classify.model.data import GROUND_LABELS, DisclosureDoc, load_split
from gkreview.classify.model.metrics import (
    ClassScores,
    DisclosureGuess,
    DisclosureScores,
    GroundRecall,
    score_disclosure,
)
from gkreview.classify.model.predictor import DisclosureModel

Predict = Callable[[str], DisclosureGuess | tuple[str, Sequence[str], float]]

__all__ = [
    "ClassScores",
    "DisclosureGuess",
    "DisclosureScores",
    "GroundRecall",
    "Predict",
    "combined_predictor",
    "evaluate_disclosure",
    "load_disclosure_split",
    "model_predictor",
    "print_disclosure",
    "render_disclosure",
    "rules_predictor",
]


def load_disclosure_split(corpus: Path, split: str) -> list[DisclosureDoc]:
    """``corpus/disclosure/<split>.jsonl`` (``corpus`` is the folder ``gkreview eval`` takes)."""
    return load_split(Path(corpus) / "disclosure", split)


def evaluate_disclosure(
    predict: Predict, docs: Sequence[DisclosureDoc], bins: int = 10
) -> DisclosureScores:
    """Run ``predict`` on every document and score it against the gold labels."""
    guesses = []
    for doc in docs:
        attribute, grounds, confidence = predict(doc.text)
        guesses.append(DisclosureGuess(attribute, tuple(grounds), float(confidence)))
    return score_disclosure(docs, guesses, bins)


def rules_predictor() -> Callable[[str], DisclosureGuess]:
    """``propose()`` on the text and its metadata, without personal-data findings.

    Findings only decide the withheld parts of a released document, never the attribute or
    its grounds, so the attribute is measured without running the NER.
    """
    from gkreview.classify.propose import propose
    from gkreview.ingest.metadata import extract_metadata

    def predict(text: str) -> DisclosureGuess:
        p = propose(text, extract_metadata(text), ())
        return DisclosureGuess(p.attribute, tuple(r.code for r in p.reasons), p.confidence)

    return predict


def model_predictor(model: DisclosureModel) -> Callable[[str], DisclosureGuess]:
    """The model's attribute and confidence; its grounds only when it proposes not_public."""

    def predict(text: str) -> DisclosureGuess:
        p = model.predict(text)
        grounds = p.grounds() if p.attribute == "not_public" else ()
        return DisclosureGuess(p.attribute, grounds, p.confidence)

    return predict


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def reliability_rich(table: Sequence[ReliabilityBin], title: str) -> Table:
    t = Table(title=title)
    for column in ("confidence", "mean confidence", "accuracy", "documents"):
        t.add_column(column, justify="left" if column == "confidence" else "right")
    for b in table:
        t.add_row(
            f"{b.lower:.1f}–{b.upper:.1f}", _num(b.mean_confidence), _num(b.accuracy), str(b.count)
        )
    return t


def render_disclosure(scores: DisclosureScores, title: str) -> list[Table]:
    """Per-class P/R/F1, confusion, not_public ground recall, reliability: four tables."""
    per_class = Table(
        title=f"{title}: accuracy {scores.accuracy:.3f}, macro F1 {scores.macro_f1:.3f}, "
        f"{scores.documents} 篇"
    )
    for column in ("attribute", "precision", "recall", "F1", "support", "proposed"):
        per_class.add_column(column, justify="left" if column == "attribute" else "right")
    for a, c in scores.per_class.items():
        per_class.add_row(
            a,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.support),
            str(c.predicted),
        )

    columns = list(next(iter(scores.confusion.values())).keys())
    confusion = Table(title=f"{title}: confusion (rows gold, columns proposed)")
    confusion.add_column("gold \\ proposed")
    for c in columns:
        confusion.add_column(c, justify="right")
    for gold, row in scores.confusion.items():
        confusion.add_row(gold, *(str(row[c]) for c in columns))

    gr = scores.ground_recall
    grounds = Table(
        title=f"{title}: not_public ground recall {gr.recall:.3f} ({gr.recalled}/{gr.support}), "
        f"precision {scores.ground_precision:.3f}"
    )
    for column in ("ground", "recalled", "support", "recall"):
        grounds.add_column(column, justify="left" if column == "ground" else "right")
    for g in GROUND_LABELS:
        r = scores.per_ground[g]
        grounds.add_row(g, str(r.recalled), str(r.support), f"{r.recall:.3f}")

    reliability = reliability_rich(
        scores.reliability, f"{title}: reliability (expected calibration error {scores.ece:.3f})"
    )
    return [per_class, confusion, grounds, reliability]


def print_disclosure(console: Console, scores: DisclosureScores, title: str) -> None:
    for table in render_disclosure(scores, title):
        console.print(table)


def combined_predictor(model: DisclosureModel) -> Callable[[str], DisclosureGuess]:
    """What ``check`` proposes: the rules and the model blended (``classify.blend``)."""
    from gkreview.classify.propose import propose
    from gkreview.ingest.metadata import extract_metadata

    def predict(text: str) -> DisclosureGuess:
        p = propose(text, extract_metadata(text), (), model=model.predict(text))
        return DisclosureGuess(p.attribute, tuple(r.code for r in p.reasons), p.confidence)

    return predict
