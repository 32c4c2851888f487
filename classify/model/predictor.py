"""The trained disclosure classifier as gkreview ships it: load once, predict per document.

    model = DisclosureModel.load()          # models/disclosure/, or None when not built
    p = model.predict(text)
    p.attribute_probs   # {"not_public": .., "on_request": .., "public": ..}, sums to 1
    p.ground_probs      # P(ground | the document is not_public) for the 8 contract codes
    p.topic, p.topic_confidence

Probabilities are temperature-calibrated on the dev split (see MODEL_CARD.md). Loading reads
JSON and NPZ (``allow_pickle=False``), or spaCy's own format; never a pickle.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from gkreview.classify.model.backends import BACKENDS, HeadLogits, Heads
from gkreview.classify.model.calibration import sigmoid, softmax
from gkreview.classify.model.data import ATTRIBUTE_LABELS, GROUND_LABELS
from gkreview.classify.model.metrics import proposed_grounds
from gkreview.models import MODELS_DIR

DISCLOSURE_MODEL = "disclosure"
CONFIG_FILE = "config.json"
FORMAT = "gkreview-disclosure/1"


def default_model_dir() -> Path:
    return MODELS_DIR / DISCLOSURE_MODEL


@dataclass(frozen=True, slots=True)
class ModelPrediction:
    attribute_probs: dict[str, float]  # the three attributes, summing to 1
    ground_probs: dict[str, float]  # each of the 8 codes, given the document is not_public
    topic: str  # 主题分类
    topic_confidence: float
    ground_threshold: float = 0.5

    @property
    def attribute(self) -> str:
        """The most probable attribute; a tie goes to the more restrictive one."""
        return max(ATTRIBUTE_LABELS, key=lambda a: self.attribute_probs[a])

    @property
    def confidence(self) -> float:
        return self.attribute_probs[self.attribute]

    def grounds(self, threshold: float | None = None) -> tuple[str, ...]:
        """The not_public grounds to propose: the most probable, then any ≥ threshold."""
        cut = self.ground_threshold if threshold is None else threshold
        return proposed_grounds(self.ground_probs, cut)


class DisclosureModel:
    """Calibrated heads: attribute (softmax), not_public grounds (sigmoid), topic (softmax)."""

    def __init__(self, heads: Heads, config: dict[str, Any], path: Path | None = None) -> None:
        self.heads = heads
        self.config = config
        self.path = path
        t = config["temperature"]
        self.temperature = {h: float(t[h]) for h in ("attribute", "grounds", "topic")}
        if min(self.temperature.values()) <= 0:
            raise ValueError(f"temperatures must be positive: {self.temperature}")
        self.ground_threshold = float(config.get("ground_threshold", 0.5))
        self.topics = tuple(config["topics"])

    @property
    def backend(self) -> str:
        return self.heads.backend

    @classmethod
    def load(cls, path: Path | str | None = None) -> DisclosureModel | None:
        """The model in ``path`` (default: the shipped ``models/disclosure/``).

        Returns None when the default folder holds no model; a ``path`` given explicitly
        must hold one (FileNotFoundError otherwise).
        """
        directory = Path(path) if path is not None else default_model_dir()
        config_path = directory / CONFIG_FILE
        if not config_path.is_file():
            if path is None:
                return None
            raise FileNotFoundError(f"没有找到公开属性模型 {config_path} (no disclosure model)")
        config = json.loads(config_path.read_text(encoding="utf-8"))
        if config.get("format") != FORMAT:
            raise ValueError(f"{config_path}: format {config.get('format')!r}, need {FORMAT!r}")
        if (
            tuple(config["attributes"]) != ATTRIBUTE_LABELS
            or tuple(config["grounds"]) != GROUND_LABELS
        ):
            raise ValueError(f"{config_path}: label order differs from this gkreview")
        backend = BACKENDS[config["backend"]]
        return cls(backend.load(directory, config), config, directory)

    def predict(self, text: str) -> ModelPrediction:
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[ModelPrediction]:
        return self.from_logits(self.heads.logits(list(texts)))

    def from_logits(self, z: HeadLogits) -> list[ModelPrediction]:
        """Calibrated predictions from raw logits (used by training to score candidates)."""
        t = self.temperature
        attribute = softmax(z.attribute / t["attribute"])
        grounds = sigmoid(z.grounds / t["grounds"])
        topic = softmax(z.topic / t["topic"]) if z.topic.shape[1] else z.topic
        out = []
        for i in range(len(attribute)):
            best = int(np.argmax(topic[i])) if topic.shape[1] else -1
            out.append(
                ModelPrediction(
                    attribute_probs={
                        a: float(attribute[i, k]) for k, a in enumerate(ATTRIBUTE_LABELS)
                    },
                    ground_probs={g: float(grounds[i, k]) for k, g in enumerate(GROUND_LABELS)},
                    topic=self.topics[best] if best >= 0 else "",
                    topic_confidence=float(topic[i, best]) if best >= 0 else 0.0,
                    ground_threshold=self.ground_threshold,
                )
            )
        return out
