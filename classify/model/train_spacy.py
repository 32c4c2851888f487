"""Candidate (b): spaCy text classifiers, ``textcat`` (exclusive) for the attribute and the
topic, ``textcat_multilabel`` for the not_public grounds.

One blank ``zh`` pipeline per head (character tokens, no pretrained vectors): an exclusive
``textcat`` refuses the multi-label gold of the grounds, and the grounds head learns from
not_public documents only. Each head trains for up to ``MAX_EPOCHS`` and keeps the epoch
with the best dev score (spaCy's ``model-best``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import numpy as np

from gkreview.classify.model.backends import SpacyHeads
from gkreview.classify.model.data import ATTRIBUTE_LABELS, GROUND_LABELS, DisclosureDoc
from gkreview.classify.model.selection import (
    attribute_scores,
    ground_scores,
    not_public,
    topic_accuracy,
)

MAX_EPOCHS = 20
PATIENCE = 5
BATCH = 8
DROPOUT = 0.2
BOW_LENGTH = 2**15  # hashed n-gram buckets; spaCy's 2**18 makes a 29 MB artifact


def _model_config(architecture: str, exclusive: bool) -> dict[str, Any]:
    """``bow``: a sparse linear model over character 1- to 3-grams, the closest to candidate
    (a). ``ensemble``: spaCy's default textcat model (CNN tok2vec with attention plus a bag of
    unigrams), its hashed table cut to ``BOW_LENGTH`` too."""
    from spacy.pipeline.textcat import single_label_default_config
    from thinc.api import Config

    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": exclusive,
        "ngram_size": 3,
        "no_output_layer": False,
        "length": BOW_LENGTH,
    }
    if architecture == "bow":
        return bow
    if architecture != "ensemble":
        raise ValueError(f"unknown spaCy textcat architecture {architecture!r}")
    model = Config().from_str(single_label_default_config)["model"]
    model["linear_model"].update(exclusive_classes=exclusive, length=BOW_LENGTH)
    return dict(model)


def _pipeline(component: str, labels: Sequence[str], architecture: str) -> Any:
    import spacy

    nlp = spacy.blank("zh")
    model = _model_config(architecture, exclusive=component == "textcat")
    pipe = nlp.add_pipe(component, config={"model": model})
    for label in labels:
        pipe.add_label(label)
    return nlp


def _train_head(
    component: str,
    labels: Sequence[str],
    gold: Sequence[tuple[str, dict[str, float]]],
    score: Any,
    architecture: str,
    seed: int,
    max_steps: int | None,
) -> tuple[Any, list[float]]:
    """Train one pipeline; return it at its best dev epoch, and the dev score per epoch."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = _pipeline(component, labels, architecture)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": cats}) for t, cats in gold]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    curve: list[float] = []
    best: tuple[float, bytes] | None = None
    steps = 0
    for _ in range(MAX_EPOCHS):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses={})
            steps += 1
            if max_steps is not None and steps >= max_steps:
                break
        curve.append(score(nlp))
        if best is None or curve[-1] > best[0]:
            best = (curve[-1], nlp.to_bytes())
        elif len(curve) - 1 - curve.index(best[0]) >= PATIENCE:
            break
        if max_steps is not None and steps >= max_steps:
            break
    assert best is not None
    nlp.from_bytes(best[1])
    return nlp, curve


def train_spacy(
    train: Sequence[DisclosureDoc],
    dev: Sequence[DisclosureDoc],
    topics: Sequence[str],
    architecture: str = "bow",
    seed: int = 0,
    max_steps: int | None = None,
) -> tuple[SpacyHeads, dict[str, Any]]:
    np_train, np_dev = not_public(train), not_public(dev)

    def cats(labels: Sequence[str], on: Sequence[str]) -> dict[str, float]:
        return {label: float(label in on) for label in labels}

    def probs(nlp: Any, docs: Sequence[DisclosureDoc], labels: Sequence[str]) -> np.ndarray:
        rows = [[d.cats.get(lab, 0.0) for lab in labels] for d in nlp.pipe(x.text for x in docs)]
        return np.array(rows).reshape(len(docs), len(labels))

    def attr_score(nlp: Any) -> float:
        macro_f1, accuracy = attribute_scores(probs(nlp, dev, ATTRIBUTE_LABELS), dev)
        return macro_f1 + accuracy / 1000  # accuracy breaks ties

    def ground_score(nlp: Any) -> float:
        p = np.clip(probs(nlp, np_dev, GROUND_LABELS), 1e-7, 1 - 1e-7)
        f1, recall, _ = ground_scores(np.log(p / (1 - p)), np_dev)
        return f1 + recall / 1000

    def topic_score(nlp: Any) -> float:
        return topic_accuracy(probs(nlp, dev, topics), dev, topics)

    common = {"architecture": architecture, "seed": seed, "max_steps": max_steps}
    attribute, attr_curve = _train_head(
        "textcat",
        ATTRIBUTE_LABELS,
        [(d.text, cats(ATTRIBUTE_LABELS, [d.attribute])) for d in train],
        attr_score,
        **common,
    )
    grounds, ground_curve = _train_head(
        "textcat_multilabel",
        GROUND_LABELS,
        [(d.text, cats(GROUND_LABELS, d.not_public_grounds)) for d in np_train],
        ground_score,
        **common,
    )
    topic, topic_curve = _train_head(
        "textcat",
        topics,
        [(d.text, cats(topics, [d.topic])) for d in train],
        topic_score,
        **common,
    )
    heads = SpacyHeads({"attribute": attribute, "grounds": grounds, "topic": topic}, topics)
    settings = {
        "architecture": architecture,
        "tokens": "characters (spacy.blank('zh'))",
        "batch": BATCH,
        "dropout": DROPOUT,
        "epochs": {
            "attribute": 1 + int(np.argmax(attr_curve)),
            "grounds": 1 + int(np.argmax(ground_curve)),
            "topic": 1 + int(np.argmax(topic_curve)),
        },
        "dev_curves": {
            "attribute": [round(v, 4) for v in attr_curve],
            "grounds": [round(v, 4) for v in ground_curve],
            "topic": [round(v, 4) for v in topic_curve],
        },
    }
    return heads, settings
