"""``gkreview train``: rebuild a shipped model in ``models/`` from ``corpus/``.

``--task ner`` (the default) trains the NER; ``--task disclosure`` the disclosure-attribute
classifier (``review/commands/train_disclosure.py``).
"""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gkreview.models import MODELS_DIR, NER_MODEL
from gkreview.redact.ner.card import render_card
from gkreview.redact.ner.corpus import load_split
from gkreview.redact.ner.tokenizer import SEGMENTERS

DISCLOSURE_MODEL = "disclosure"


class Task(StrEnum):
    ner = "ner"
    disclosure = "disclosure"


def train(
    corpus: Annotated[
        Path,
        typer.Option(
            "--corpus", help="语料目录（含 ner/ 或 disclosure/ 的 train、dev、test.jsonl）。"
        ),
    ] = Path("corpus"),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="模型输出目录（默认 models/zh_gkreview_ner 或 models/disclosure）/ output folder.",
        ),
    ] = None,
    task: Annotated[
        Task,
        typer.Option(
            "--task",
            help="训练哪个模型：ner（姓名住址识别，默认）或 disclosure（公开属性分类）。",
        ),
    ] = Task.ner,
    segmenter: Annotated[
        str,
        typer.Option(
            "--segmenter",
            help="分词方式：auto（逐一训练、按 dev F1 择优）或 jieba_dict、jieba、char 之一。",
        ),
    ] = "auto",
    max_steps: Annotated[
        int | None,
        typer.Option(
            "--max-steps",
            help="每个模型的最大训练步数（ner 默认见 ner.cfg；disclosure 只限 spaCy 候选）。",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="随机种子 / random seed.")] = 0,
) -> None:
    """从 corpus/ 训练模型写入 models/，并附模型卡：默认训练姓名、住址、出生日期识别模型；
    --task disclosure 训练公开属性分类模型。

    Trains the Chinese NER (PERSON, ADDRESS, DATE_OF_BIRTH) from corpus/ner, choosing the
    segmenter on the dev split, writes it to models/ with a model card holding the held-out
    test metrics. With --task disclosure, trains the disclosure-attribute classifier from
    corpus/disclosure (n-gram logistic regression and spaCy textcat, the better on dev kept)
    into models/disclosure. The test split is never used for training or selection.
    """
    if task is Task.disclosure:
        from gkreview.review.commands.train_disclosure import run_train_disclosure

        target = out if out is not None else MODELS_DIR / DISCLOSURE_MODEL
        typer.echo(run_train_disclosure(corpus, target, seed=seed, max_steps=max_steps))
        return
    from gkreview.redact.ner.train import train_segmenters  # spaCy's trainer is heavy

    out = out if out is not None else MODELS_DIR / NER_MODEL

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
    from gkreview.review.pipeline import Reviewer  # loads spaCy: only when needed

    reviewer = Reviewer.build(model_dir=out)
    from gkreview.review.evaluation import evaluate_jieba_nr, evaluate_personal_data

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
