"""Trained artifacts shipped with gkreview, each with a model card; nothing is downloaded."""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
NER_MODEL = "zh_gkreview_ner"


def ner_model_dir() -> Path | None:
    """The shipped NER pipeline, or None when it has not been built (see the README)."""
    path = MODELS_DIR / NER_MODEL
    return path if (path / "config.cfg").exists() else None
