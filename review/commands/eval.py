"""``gkreview eval``: accuracy on the held-out test split of ``corpus/``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from gkreview.redact.ner.corpus import load_split
from gkreview.redact.ner.evaluate import SpanScores
from gkreview.review.evaluation_disclosure import (
    DisclosureScores,
    combined_predictor,
    evaluate_disclosure,
    load_disclosure_split,
    model_predictor,
    print_disclosure,
    rules_predictor,
)

if TYPE_CHECKING:
    from gkreview.review.pipeline import Reviewer

DEFAULT_CORPUS = Path("corpus")


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def _table(title: str, scores: SpanScores) -> Table:
    table = Table(title=title)
    for column in ("type", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for label, s in sorted(scores.per_type.items()):
        support = str(s.tp + s.fn)
        table.add_row(label, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", support)
    return table


def evaluate(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="语料目录（含 ner/test.jsonl）/ the corpus folder.")
    ] = DEFAULT_CORPUS,
    split: Annotated[
        str, typer.Option("--split", help="评测哪一份：test（留出集，默认）或 dev。")
    ] = "test",
    fmt: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="table：表格；json：机器可读。")
    ] = EvalFormat.table,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="另把 JSON 结果写入此文件 / also write JSON here.")
    ] = None,
) -> None:
    """在留出测试集上评测：个人信息识别（各类型准确率、召回率、F1，漏标字符比例）与公开属性
    （准确率、各类准确率与召回率、不予公开理由召回率、混淆矩阵、校准表）。

    Measures detection of PERSON, ADDRESS and DATE_OF_BIRTH on the held-out split, the share
    of personal-data characters left unflagged, and jieba's `nr` tags as a baseline; and the
    disclosure attribute (rules, model, and both combined) with a reliability table.
    Run from the repository: gkreview eval --corpus corpus
    """
    try:
        records = load_split(corpus / "ner", split)
    except FileNotFoundError as err:
        typer.echo(f"gkreview: {err}", err=True)
        raise typer.Exit(2) from err
    from gkreview.review.pipeline import Reviewer  # loads spaCy: only when needed

    reviewer = Reviewer.build()
    disclosure = _disclosure(corpus, split, reviewer)
    from gkreview.review.evaluation import evaluate_jieba_nr, evaluate_personal_data

    ours = evaluate_personal_data(reviewer, records)
    baseline = evaluate_jieba_nr(records)
    result = {
        "split": split,
        "records": len(records),
        "model": str(reviewer.model_dir) if reviewer.model_dir else None,
        "personal_data": ours.as_dict(),
        "baseline_jieba_nr": baseline.as_dict(),
        "disclosure": {name: scores.as_dict() for name, scores in disclosure.items()},
    }
    as_json = json.dumps(result, ensure_ascii=False, indent=2)
    if json_out is not None:
        json_out.write_text(as_json + "\n", encoding="utf-8")
    if fmt is EvalFormat.json:
        typer.echo(as_json)
        return
    console = Console()
    console.print(_table(f"个人信息识别 / personal data ({split}, {len(records)} 句)", ours))
    console.print(
        f"漏标的个人信息字符 / unflagged personal-data characters: "
        f"{ours.leak.unflagged}/{ours.leak.total} = {ours.leak.share:.2%}"
    )
    console.print(_table("基线：jieba 词性 nr / baseline: jieba nr tags", baseline))
    if "combined" in disclosure:
        print_disclosure(console, disclosure["combined"], f"公开属性 / attribute ({split})")
    summary = Table(title="公开属性：规则、模型与二者结合 / rules, model, combined")
    for column in ("predictor", "accuracy", "macro F1", "ground recall", "ECE"):
        summary.add_column(column, justify="left" if column == "predictor" else "right")
    for name, sc in disclosure.items():
        summary.add_row(
            name, f"{sc.accuracy:.3f}", f"{sc.macro_f1:.3f}", f"{sc.ground_recall.recall:.3f}",
            f"{sc.ece:.3f}",
        )  # fmt: skip
    console.print(summary)


def _disclosure(corpus: Path, split: str, reviewer: Reviewer) -> dict[str, DisclosureScores]:
    """The attribute on ``corpus/disclosure/<split>``: rules alone, the model alone, and
    both blended as ``check`` proposes; empty when that corpus is absent."""
    try:
        docs = load_disclosure_split(corpus, split)
    except FileNotFoundError:
        return {}
    results = {"rules": evaluate_disclosure(rules_predictor(), docs)}
    model = reviewer.disclosure_model
    if model is not None:
        results["model"] = evaluate_disclosure(model_predictor(model), docs)
        results["combined"] = evaluate_disclosure(combined_predictor(model), docs)
    return results
