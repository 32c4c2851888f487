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
from gkreview.redact.policy import PolicyError
from gkreview.review.report_files import html_path, write_docx, write_html
from gkreview.review.report_html import render_html
from gkreview.review.report_text import render_text


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    docx = "docx"


def _usage_problem(fmt: OutputFormat, out: Path | None, n_files: int) -> str | None:
    """Why these options cannot work together, before any engine is built."""
    if fmt is OutputFormat.docx and out is None:
        return "gkreview: --format docx 需要 --out 目录 / --format docx needs --out DIR"
    if fmt is OutputFormat.html and out is None and n_files > 1:
        return (
            "gkreview: 多个文件输出 HTML 时需要 --out 目录 / "
            "--format html with several files needs --out DIR"
        )
    return None


def _render(review: dict, fmt: OutputFormat, text: str | None, pretty: bool) -> str:
    if fmt is OutputFormat.json:
        return json.dumps(review, ensure_ascii=False, indent=2 if pretty else None) + "\n"
    if fmt is OutputFormat.html:
        return render_html(review, text)
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
            help=(
                "text：给人看的中文摘要；json：合同规定的审查单 JSON（多个文件时每行一个）；"
                "html：单文件网页，原文中按类型标出个人信息（一个文件时可打印到标准输出）；"
                "docx：Word 审查单（含签字栏），原件为 .docx 时另写一份逐处加批注的副本"
                "（需要 --out）。"
            ),
        ),
    ] = OutputFormat.text,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="在 JSON 中附上提取的全文（偏移量即指向此文本）。")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=(
                "把每份审查单写入此目录（<文件名>.review.json/.txt/.html/.docx，"
                "批注副本为 <文件名>.annotated.docx），而不是打印。"
            ),
        ),
    ] = None,
    policy: Annotated[
        str,
        typer.Option(
            "--policy",
            metavar="NAME|FILE",
            help=(
                "去标识化策略：general（默认，通用）、penalty_publicity（处罚公示：保留被处罚人"
                "姓名，删除其住址联系方式证件号账号及他人姓名）、internal（内部使用），"
                "或自定义 .toml 文件（格式见 redact/policies/general.toml）。"
            ),
        ),
    ] = "general",
) -> None:
    """审查文件：建议公开属性（附条款与原文依据），标出需去标识化的个人信息。

    Review documents: propose the disclosure attribute with its article and evidence, and flag
    personal data with a proposed de-identification. One review per document (一事一审).

    Examples:

      gkreview check 通知.docx

      gkreview check --format json --with-text 请示.pdf > review.json

      gkreview check --out reviews/ *.docx

      gkreview check --format html 通知.docx > 通知.html

      gkreview check --format docx --out reviews/ 通知.docx

      gkreview check --policy penalty_publicity 行政处罚决定书.docx
    """
    problem = _usage_problem(fmt, out, len(files))
    if problem is not None:
        typer.echo(problem, err=True)
        raise typer.Exit(EXIT_USAGE)
    if out is not None:
        if out.exists() and not out.is_dir():
            typer.echo(out_not_directory(str(out)), err=True)
            raise typer.Exit(EXIT_USAGE)
        out.mkdir(parents=True, exist_ok=True)

    try:
        from gkreview.review.pipeline import Reviewer  # loads spaCy: only when needed

        reviewer = Reviewer.build(policy=policy)
    except PolicyError as err:
        typer.echo(f"gkreview: --policy {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
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
        if fmt is OutputFormat.docx and out is not None:
            try:
                written, _ = write_docx(path, data, review.text, out)
            except ReadError as err:
                typer.echo(unreadable(str(path), str(err)), err=True)
                failed += 1
                continue
            for target in written:
                typer.echo(f"已写入 {target}", err=True)
            continue
        if fmt is OutputFormat.html and out is not None:
            target = write_html(data, review.text, html_path(out, path))
            typer.echo(f"已写入 {target}", err=True)
            continue
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
