"""Training the disclosure model: every candidate on train, selection on dev, refit on both.

``train_disclosure`` fits each candidate (:mod:`.train_ngram`, :mod:`.train_spacy`), fits
the temperatures of its heads on dev, scores it on dev as the lead will use it (attribute,
and the proposed grounds when the attribute is not_public) and keeps the best. The kept
n-gram settings are then refitted on train + dev, with temperatures and the blend's ground
threshold from grouped cross-validation on train + dev (:func:`_refit`), and written.
The test split is never read here.

Kept: the candidate with the highest mean of dev attribute macro F1 and dev not_public
ground recall; ties go to dev accuracy, then to the earlier (lighter) candidate.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from gkreview.classify.blend import GROUND_THRESHOLD
from gkreview.classify.model.backends import HeadLogits, Heads
from gkreview.classify.model.calibration import fit_temperature, sigmoid_nll, softmax_nll
from gkreview.classify.model.data import (
    ATTRIBUTE_LABELS,
    GROUND_LABELS,
    DisclosureDoc,
    load_split,
)
from gkreview.classify.model.metrics import DisclosureGuess, DisclosureScores, score_disclosure
from gkreview.classify.model.predictor import CONFIG_FILE, FORMAT, DisclosureModel
from gkreview.classify.model.selection import ground_scores, not_public, topic_accuracy

CANDIDATES = ("ngram_logreg", "spacy_bow", "spacy_ensemble")
CV_FOLDS = 5


@dataclass(slots=True)
class CandidateResult:
    name: str
    backend: str
    settings: dict[str, Any]
    temperature: dict[str, float]
    dev: DisclosureScores  # end to end, calibrated
    dev_ground_head: dict[str, float]  # the grounds head alone, on gold not_public documents
    dev_topic_accuracy: float
    dev_nll: dict[str, dict[str, float]]  # head -> {"raw": .., "calibrated": ..}
    seconds: float
    size_bytes: int = 0

    @property
    def selection_score(self) -> float:
        return round((self.dev.macro_f1 + self.dev.ground_recall.recall) / 2, 4)


@dataclass(slots=True)
class TrainReport:
    kept: CandidateResult
    candidates: list[CandidateResult]
    counts: dict[str, dict[str, int]]  # split -> attribute -> documents
    out_dir: Path
    size_bytes: int
    seconds: float
    seed: int
    extra: dict[str, Any] = field(default_factory=dict)
    refit: dict[str, Any] | None = None  # the shipped refit on train + dev, with its CV scores


def guesses_of(model: DisclosureModel, z: HeadLogits) -> list[DisclosureGuess]:
    """What the lead gets: the attribute, and its grounds only when it is not_public."""
    out = []
    for p in model.from_logits(z):
        grounds = p.grounds() if p.attribute == "not_public" else ()
        out.append(DisclosureGuess(p.attribute, grounds, p.confidence))
    return out


def _fit(
    name: str,
    train: Sequence[DisclosureDoc],
    dev: Sequence[DisclosureDoc],
    topics: Sequence[str],
    seed: int,
    max_steps: int | None,
) -> tuple[Heads, dict[str, Any]]:
    if name == "ngram_logreg":
        from gkreview.classify.model.train_ngram import train_ngram

        return train_ngram(train, dev, topics)
    if name in ("spacy_bow", "spacy_ensemble"):
        from gkreview.classify.model.train_spacy import train_spacy

        arch = name.removeprefix("spacy_")
        return train_spacy(train, dev, topics, architecture=arch, seed=seed, max_steps=max_steps)
    raise ValueError(f"unknown candidate {name!r}; choose from {', '.join(CANDIDATES)}")


def calibrate(
    z: HeadLogits, dev: Sequence[DisclosureDoc], topics: Sequence[str]
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Temperatures per head on dev, and dev NLL before and after."""
    y_attr = np.array([ATTRIBUTE_LABELS.index(d.attribute) for d in dev], dtype=int)
    np_rows = [i for i, d in enumerate(dev) if d.attribute == "not_public"]
    y_grounds = np.array(
        [[float(g in dev[i].not_public_grounds) for g in GROUND_LABELS] for i in np_rows]
    ).reshape(len(np_rows), len(GROUND_LABELS))
    t_rows = [i for i, d in enumerate(dev) if d.topic in topics]
    y_topic = np.array([list(topics).index(dev[i].topic) for i in t_rows], dtype=int)
    heads = {
        "attribute": (z.attribute, y_attr, False),
        "grounds": (z.grounds[np_rows], y_grounds, True),
        "topic": (z.topic[t_rows], y_topic, False),
    }
    temperature, nll = {}, {}
    for head, (logits, y, multilabel) in heads.items():
        t = fit_temperature(logits, y, multilabel=multilabel)
        temperature[head] = t
        if len(y):
            f = sigmoid_nll if multilabel else softmax_nll
            nll[head] = {
                "raw": round(f(logits, y, 1.0), 4),
                "calibrated": round(f(logits, y, t), 4),
            }
    return temperature, nll


def build_config(
    name: str,
    heads: Heads,
    settings: dict[str, Any],
    temperature: dict[str, float],
    backend_settings: dict[str, Any],
    counts: dict[str, dict[str, int]],
    seed: int,
    ground_threshold: float = GROUND_THRESHOLD,
) -> dict[str, Any]:
    kept = {k: v for k, v in settings.items() if k not in ("grid", "dev_curves")}
    return {
        "format": FORMAT,
        "backend": heads.backend,
        "candidate": name,
        "attributes": list(ATTRIBUTE_LABELS),
        "grounds": list(GROUND_LABELS),
        "ground_probs": "P(ground | the document is not_public), one sigmoid per code",
        "topics": list(heads.topics),
        "temperature": temperature,
        "ground_threshold": ground_threshold,
        "backend_settings": {**kept, **backend_settings},
        "training": {"documents": counts, "seed": seed, "selection": "dev", "calibration": "dev"},
    }


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _counts(docs: Sequence[DisclosureDoc]) -> dict[str, int]:
    c = Counter(d.attribute for d in docs)
    return {a: c.get(a, 0) for a in ("public", "on_request", "not_public")}


def _check_training_data(train: Sequence[DisclosureDoc]) -> None:
    attributes = {d.attribute for d in train}
    if len(attributes) < 2 or "not_public" not in attributes:
        raise ValueError("the train split needs not_public documents and another attribute")
    if len({d.topic for d in train}) < 2:
        raise ValueError("the train split needs at least two topics")


def train_disclosure(
    corpus_dir: Path,
    out_dir: Path,
    candidates: Sequence[str] = CANDIDATES,
    seed: int = 0,
    max_steps: int | None = None,
    refit_all: bool = True,
) -> TrainReport:
    """Train every candidate on ``corpus_dir/train.jsonl``, keep the best on dev, refit it on
    train + dev (an n-gram candidate; see :func:`_refit`), write it."""
    started = time.perf_counter()
    _check_replaceable(out_dir)
    train, dev = load_split(corpus_dir, "train"), load_split(corpus_dir, "dev")
    _check_training_data(train)
    counts = {"train": _counts(train), "dev": _counts(dev)}
    topics = sorted({d.topic for d in train})
    results: list[CandidateResult] = []
    with tempfile.TemporaryDirectory(prefix="gkreview-disclosure-") as tmp:
        for name in candidates:
            t0 = time.perf_counter()
            heads, settings = _fit(name, train, dev, topics, seed, max_steps)
            z = heads.logits([d.text for d in dev])
            temperature, nll = calibrate(z, dev, topics)
            where = Path(tmp) / name
            where.mkdir()
            config = build_config(
                name, heads, settings, temperature, heads.save(where), counts, seed
            )
            (where / CONFIG_FILE).write_text(
                json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            model = DisclosureModel(heads, config, where)
            np_rows = [i for i, d in enumerate(dev) if d.attribute == "not_public"]
            f1, recall, precision = ground_scores(z.grounds[np_rows], not_public(dev))
            results.append(
                CandidateResult(
                    name=name,
                    backend=heads.backend,
                    settings=settings,
                    temperature=temperature,
                    dev=score_disclosure(dev, guesses_of(model, z)),
                    dev_ground_head={"micro_f1": f1, "recall": recall, "precision": precision},
                    dev_topic_accuracy=topic_accuracy(z.topic, dev, topics),
                    dev_nll=nll,
                    seconds=round(time.perf_counter() - t0, 1),
                    size_bytes=_size(where),
                )
            )
        kept = max(results, key=lambda r: (r.selection_score, r.dev.accuracy, -results.index(r)))
        built, refit = Path(tmp) / kept.name, None
        if refit_all and kept.backend == "ngram_logreg" and dev:
            built = Path(tmp) / "refit"
            built.mkdir()
            refit = _refit(kept, train, dev, counts, seed, built)
        _replace(out_dir, built)
    return TrainReport(
        kept=kept,
        candidates=results,
        counts=counts,
        out_dir=out_dir,
        size_bytes=_size(out_dir),
        seconds=round(time.perf_counter() - started, 1),
        seed=seed,
        refit=refit,
    )


def _refit(
    kept: CandidateResult,
    train: Sequence[DisclosureDoc],
    dev: Sequence[DisclosureDoc],
    counts: dict[str, dict[str, int]],
    seed: int,
    where: Path,
) -> dict[str, Any]:
    """The kept n-gram settings refitted on train + dev, written to ``where``.

    Why: dev's families were only needed to choose; once chosen, a model that has seen a
    quarter more families generalises better to families it has not. What dev measured is
    then measured again without it: temperatures and the blend's ground threshold come from
    5-fold out-of-fold logits on train + dev, grouped by family (:mod:`.crossval`).
    """
    from gkreview.classify.model.crossval import NgramSettings, choose_threshold, crossvalidate

    docs = [*train, *dev]
    settings = NgramSettings.of_settings(kept.settings)
    cv = crossvalidate(docs, settings, folds=CV_FOLDS)
    threshold, sweep = choose_threshold(cv)
    heads = settings.fit(docs, sorted({d.topic for d in docs}))
    config = build_config(
        kept.name, heads, kept.settings, cv.temperature, heads.save(where), counts, seed,
        ground_threshold=threshold,
    )  # fmt: skip
    config["training"].update(
        fitted_on=["train", "dev"],
        calibration=f"{CV_FOLDS}-fold out-of-fold logits on train + dev, grouped by family",
        ground_threshold="chosen on the same cross-validation (crossval.choose_threshold)",
    )
    (where / CONFIG_FILE).write_text(
        json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return {
        "documents": len(docs),
        "families": len({d.family or d.id for d in docs}),
        "folds": cv.folds,
        "temperature": cv.temperature,
        "ground_threshold": threshold,
        "crossval": {name: s.as_dict() for name, s in sweep[threshold].items()},
        "threshold_sweep": {
            str(t): {
                "ground_recall": s["combined"].ground_recall.recall,
                "ground_precision": s["combined"].ground_precision,
                "accuracy": s["combined"].accuracy,
            }
            for t, s in sweep.items()
        },
    }


def _check_replaceable(out_dir: Path) -> None:
    """Refuse, before any training, to overwrite a folder that is not a model of ours."""
    if out_dir.exists() and (
        not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / CONFIG_FILE).is_file())
    ):
        raise FileExistsError(f"{out_dir} 不是公开属性模型目录，拒绝覆盖 (not a model folder)")


def _replace(out_dir: Path, built: Path) -> None:
    """Put ``built`` at ``out_dir`` (a model folder of ours, an empty one, or none)."""
    _check_replaceable(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(built, out_dir)
