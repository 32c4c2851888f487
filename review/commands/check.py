"""``gkreview check``: one review per document, for the drafter before signing."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gkreview.errors import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, out_not_directory, unreadable
from gkreview.ingest.document import ReadError
from gkreview.review.pipeline import Reviewer
from gkreview.review.report_text import render_text


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _render(review: dict, fmt: OutputFormat, text: str | None, pretty: bool) -> str:
    if fmt is OutputFormat.json:
        return json.dumps(review, ensure_ascii=False, indent=2 if pretty else None) + "\n"
    return render_text(review, text)


def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE", help="要审查的文件：.docx、.pdf 或 .txt（UTF-8/UTF-16/GBK）。"
        ),
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text：给人看的中文摘要；json：合同规定的审查单 JSON（多个文件时每行一个）。",
        ),
    ] = OutputFormat.text,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="在 JSON 中附上提取的全文（偏移量即指向此文本）。")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="把每份审查单写入此目录（<文件名>.review.json 或 .review.txt），而不是打印。",
        ),
    ] = None,
) -> None:
    """审查文件：建议公开属性（附条款与原文依据），标出需去标识化的个人信息。

    Review documents: propose the disclosure attribute with its article and evidence, and flag
    personal data with a proposed de-identification. One review per document (一事一审).

    Examples:

      gkreview check 通知.docx

      gkreview check --format json --with-text 请示.pdf > review.json

      gkreview check --out reviews/ *.docx
    """
    if out is not None:
        if out.exists() and not out.is_dir():
            typer.echo(out_not_directory(str(out)), err=True)
            raise typer.Exit(EXIT_USAGE)
        out.mkdir(parents=True, exist_ok=True)

    reviewer = Reviewer.build()
    failed = 0
    several = len(files) > 1
    for index, path in enumerate(files):
        try:
            review = reviewer.review_path(path)
        except ReadError as err:
            typer.echo(unreadable(str(path), str(err)), err=True)
            failed += 1
            continue
        data = review.to_dict(with_text=with_text)
        if out is not None:
            suffix = "json" if fmt is OutputFormat.json else "txt"
            target = out / f"{path.name}.review.{suffix}"
            target.write_text(_render(data, fmt, review.text, pretty=True), encoding="utf-8")
            typer.echo(f"已写入 {target}", err=True)
            continue
        if fmt is OutputFormat.text and several and index:
            sys.stdout.write("\n" + "─" * 40 + "\n\n")
        sys.stdout.write(_render(data, fmt, review.text, pretty=not several))
    raise typer.Exit(EXIT_UNREADABLE if failed else EXIT_OK)
