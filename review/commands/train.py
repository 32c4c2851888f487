"""``gkreview train``: rebuild the shipped NER in ``models/`` from ``corpus/``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from gkreview.models import MODELS_DIR, NER_MODEL
from gkreview.redact.ner.card import render_card
from gkreview.redact.ner.corpus import load_split
from gkreview.redact.ner.tokenizer import SEGMENTERS
from gkreview.review.evaluation import evaluate_jieba_nr, evaluate_personal_data
from gkreview.review.pipeline import Reviewer


def train(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="语料目录（含 ner/train.jsonl 与 ner/dev.jsonl）。")
    ] = Path("corpus"),
    out: Annotated[
        Path, typer.Option("--out", help="模型输出目录 / where the pipeline is written.")
    ] = MODELS_DIR / NER_MODEL,
    segmenter: Annotated[
        str,
        typer.Option(
            "--segmenter",
            help="分词方式：auto（逐一训练、按 dev F1 择优）或 jieba_dict、jieba、char 之一。",
        ),
    ] = "auto",
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", help="每个模型的最大训练步数（默认见 ner.cfg）。")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="随机种子 / random seed.")] = 0,
) -> None:
    """从 corpus/ 训练姓名、住址、出生日期识别模型，写入 models/，并附模型卡。

    Trains the Chinese NER (PERSON, ADDRESS, DATE_OF_BIRTH) from corpus/ner, choosing the
    segmenter on the dev split, writes it to models/ with a model card holding the held-out
    test metrics. The test split is never used for training or selection.
    """
    from gkreview.redact.ner.train import train_segmenters  # spaCy's trainer is heavy

    if segmenter == "auto":
        candidates = SEGMENTERS
    elif segmenter in SEGMENTERS:
        candidates = (segmenter,)
    else:
        typer.echo(f"gkreview: --segmenter 应为 auto 或 {', '.join(SEGMENTERS)}", err=True)
        raise typer.Exit(2)
    ner_dir = corpus / "ner"
    try:
        counts = {s: len(load_split(ner_dir, s)) for s in ("train", "dev", "test")}
    except FileNotFoundError as err:
        typer.echo(f"gkreview: {err}", err=True)
        raise typer.Exit(2) from err
    started = time.perf_counter()
    best, results = train_segmenters(ner_dir, out, candidates, max_steps=max_steps, seed=seed)
    seconds = time.perf_counter() - started
    test_records = load_split(ner_dir, "test")
    reviewer = Reviewer.build(model_dir=out)
    card = render_card(
        best,
        results,
        evaluate_personal_data(reviewer, test_records),
        evaluate_jieba_nr(test_records),
        counts,
        seconds,
    )
    (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    typer.echo(card)
