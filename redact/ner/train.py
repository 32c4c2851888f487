"""Training the NER from ``corpus/ner`` with spaCy's own training loop and config.

``train_segmenters`` trains one pipeline per segmenter and keeps the one with the best
entity F1 on the dev split; the test split is never seen here.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from thinc.api import Config

from gkreview.redact.ner import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)
from gkreview.redact.ner.corpus import AlignmentReport, load_split, to_docbin
from gkreview.redact.ner.tokenizer import tokenizer_config
from gkreview.redact.nlp import configure_jieba

BASE_CONFIG = Path(__file__).with_name("ner.cfg")


@dataclass(slots=True)
class TrainResult:
    segmenter: str
    dev_f1: float
    dev_precision: float
    dev_recall: float
    dev_per_type: dict[str, dict[str, float]]
    alignment: AlignmentReport
    model_dir: Path
    size_bytes: int


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def forget_training_paths(config_path: Path) -> None:
    """The shipped config must not name the temporary folders it was trained from."""
    config = Config().from_disk(config_path, interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(config_path)


def train_one(
    corpus_dir: Path, work_dir: Path, segmenter: str, max_steps: int | None = None, seed: int = 0
) -> TrainResult:
    """Train one pipeline in ``work_dir``; return its dev scores and where it is."""
    configure_jieba()
    config = Config().from_disk(BASE_CONFIG, interpolate=False)
    config["nlp"]["tokenizer"] = tokenizer_config(segmenter)
    config["system"]["seed"] = seed
    if max_steps is not None:
        config["training"]["max_steps"] = max_steps
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": config["nlp"]["tokenizer"]}})
    work_dir.mkdir(parents=True, exist_ok=True)
    train_db, alignment = to_docbin(nlp, load_split(corpus_dir, "train"))
    dev_db, _ = to_docbin(nlp, load_split(corpus_dir, "dev"))
    train_db.to_disk(work_dir / "train.spacy")
    dev_db.to_disk(work_dir / "dev.spacy")
    config_path = work_dir / "config.cfg"
    config.to_disk(config_path)
    output = work_dir / "output"
    spacy_train(
        config_path,
        output,
        overrides={
            "paths.train": str(work_dir / "train.spacy"),
            "paths.dev": str(work_dir / "dev.spacy"),
        },
    )
    best = output / "model-best"
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    perf = meta.get("performance", {})
    return TrainResult(
        segmenter=segmenter,
        dev_f1=float(perf.get("ents_f", 0.0)),
        dev_precision=float(perf.get("ents_p", 0.0)),
        dev_recall=float(perf.get("ents_r", 0.0)),
        dev_per_type=perf.get("ents_per_type", {}),
        alignment=alignment,
        model_dir=best,
        size_bytes=_dir_size(best),
    )


def train_segmenters(
    corpus_dir: Path,
    target_dir: Path,
    segmenters: tuple[str, ...],
    max_steps: int | None = None,
    seed: int = 0,
) -> tuple[TrainResult, list[TrainResult]]:
    """Train one model per segmenter, copy the best (dev F1) to ``target_dir``."""
    with tempfile.TemporaryDirectory(prefix="gkreview-train-") as tmp:
        results = [
            train_one(corpus_dir, Path(tmp) / seg, seg, max_steps=max_steps, seed=seed)
            for seg in segmenters
        ]
        best = max(results, key=lambda r: r.dev_f1)
        if target_dir.exists():
            shutil.rmtree(target_dir)
        shutil.copytree(best.model_dir, target_dir)
        forget_training_paths(target_dir / "config.cfg")
    best.model_dir = target_dir
    for r in results:
        if r is not best:
            r.model_dir = Path()
    return best, results
