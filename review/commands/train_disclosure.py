"""``gkreview train --task disclosure``: rebuild ``models/disclosure/`` from the corpus.

Trains every candidate on ``corpus/disclosure/train.jsonl``, keeps the best on dev and refits
it on train + dev (see :mod:`gkreview.classify.model.train`), then measures the shipped model
alone on the held-out test split, the rules beside it, and writes MODEL_CARD.md and
metrics.json.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from gkreview.classify.model.card import render_card
from gkreview.classify.model.data import DisclosureDoc, load_split
from gkreview.classify.model.predictor import DisclosureModel
from gkreview.classify.model.train import CANDIDATES, train_disclosure
from gkreview.review.evaluation_disclosure import (
    evaluate_disclosure,
    model_predictor,
    rules_predictor,
)


def measure_speed(path: Path, docs: Sequence[DisclosureDoc]) -> dict[str, Any]:
    """Load time and per-document prediction time (ms) of the model at ``path``."""
    t0 = time.perf_counter()
    model = DisclosureModel.load(path)
    load_ms = (time.perf_counter() - t0) * 1000
    assert model is not None
    times = []
    for doc in docs:
        t = time.perf_counter()
        model.predict(doc.text)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "load_ms": round(load_ms, 1),
        "mean_ms": round(sum(times) / len(times), 3) if times else 0.0,
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3) if times else 0.0,
    }


def run_train_disclosure(
    corpus: Path,
    out: Path,
    seed: int = 0,
    max_steps: int | None = None,
    candidates: Sequence[str] = CANDIDATES,
) -> str:
    """Train, evaluate on test, write the card; return the card's text."""
    corpus_dir = corpus / "disclosure"
    try:
        test = load_split(corpus_dir, "test")
        report = train_disclosure(corpus_dir, out, candidates, seed=seed, max_steps=max_steps)
    except (FileNotFoundError, FileExistsError, ValueError) as err:
        typer.echo(f"gkreview: {err}", err=True)
        raise typer.Exit(2) from err
    model = DisclosureModel.load(out)
    assert model is not None
    test_scores = evaluate_disclosure(model_predictor(model), test)
    rules_scores = evaluate_disclosure(rules_predictor(), test)
    speed = measure_speed(out, test)
    predictions = model.predict_many([d.text for d in test])
    topic_accuracy = (
        round(
            sum(p.topic == d.topic for p, d in zip(predictions, test, strict=True)) / len(test), 4
        )
        if test
        else 0.0
    )
    test_counts = {
        a: sum(d.attribute == a for d in test) for a in ("public", "on_request", "not_public")
    }
    metrics = {
        "kept": report.kept.name,
        "dev": {
            r.name: {
                **r.dev.as_dict(),
                "selection_score": r.selection_score,
                "ground_head": r.dev_ground_head,
                "topic_accuracy": r.dev_topic_accuracy,
                "temperature": r.temperature,
                "seconds": r.seconds,
                "size_bytes": r.size_bytes,
            }
            for r in report.candidates
        },
        "test_model": test_scores.as_dict(),
        "test_model_topic_accuracy": topic_accuracy,
        "test_rules": rules_scores.as_dict(),
        "refit": report.refit,
        "speed": speed,
        "training_seconds": report.seconds,
    }
    (out / "metrics.json").write_text(
        json.dumps(metrics, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    report.size_bytes += (out / "metrics.json").stat().st_size
    card = render_card(report, test_scores, test_counts, rules_scores, speed, topic_accuracy)
    (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    return card
