"""``gkreview redact``: the de-identified copy of one file, from the findings a review approves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from gkreview.errors import (
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    EXIT_VERIFICATION,
    bad_review,
    unreadable,
    verification_failed,
)
from gkreview.ingest.document import ReadError
from gkreview.redact.entities import LABELS as ENTITY_LABELS


def redact(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="原文件：.docx、.pdf 或 .txt（审查单所审的那一份）。"),
    ],
    review: Annotated[
        Path,
        typer.Option(
            "--review",
            metavar="REVIEW.json",
            help="审查单 JSON（gkreview check --format json --with-text 的输出，经人工审批）。",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", metavar="OUT", help="去标识化副本写到此文件（与原文件同一格式）。"),
    ],
    all_proposed: Annotated[
        bool,
        typer.Option(
            "--all-proposed",
            help="不只是已批准（approved）的，所有建议（proposed）的发现都处理；已驳回的仍保留。",
        ),
    ] = False,
    rescan: Annotated[
        bool,
        typer.Option(
            "--rescan/--no-rescan",
            help="核验时用识别器重新扫描输出（默认开启）/ re-run the analyzer on the output.",
        ),
    ] = True,
) -> None:
    """写出去标识化副本，并核验其中不再含有被处理的个人信息。

    按审查单中已批准（approved）的发现处理原文件，输出与原文件同一格式：txt 保持原编码；docx
    在原有文字段落内替换并保留格式，接受修订、删除批注、清除作者等属性；pdf 真正删除文字（不是
    遮盖），在原处印上类型框，并删除元数据、注释和链接。已批准的文字在文中其他位置重复出现的，
    一并处理。写出后用本程序的读取器重新读取并扫描，若仍有被处理的内容，删除输出并报错（退出码 4）。

    Write the de-identified copy of FILE: the findings REVIEW.json marks "approved" (with
    --all-proposed, every one not rejected) are replaced as the review proposes, in FILE's own
    format. A docx also loses its tracked changes, comments and author properties; a pdf is
    truly redacted (characters removed, a box with the type printed in their place) and loses
    its metadata, annotations and links. An approved finding's text is replaced wherever else
    it occurs too (unless the review keeps it elsewhere). The copy is then read back and
    scanned again; if any redacted text is still there, it is deleted and the command fails
    (exit 4).

    Examples:

      gkreview check --format json --with-text 通知.docx > 通知.review.json

      gkreview redact 通知.docx --review 通知.review.json --out 公开版.docx

      gkreview redact --all-proposed 请示.pdf --review r.json --out 公开版.pdf
    """
    from gkreview.redact.writers import (
        ANALYZER,
        OutputError,
        ReviewMismatch,
        UnencodableReplacement,
        UnsupportedFormat,
        VerificationError,
        write_redacted,
    )

    data = _load_review(review)
    if out.exists() and out.is_dir():
        typer.echo(f"gkreview: --out {out} 是目录；请给出输出文件名 / give a file name", err=True)
        raise typer.Exit(EXIT_USAGE)
    if out.suffix.lower() != file.suffix.lower():
        typer.echo(
            f"gkreview: --out {out} 应与原文件同一格式（{file.suffix or '无扩展名'}）/ "
            "the copy is written in the input's own format",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    if out.resolve() == file.resolve():
        typer.echo("gkreview: --out 不能覆盖原文件 / --out must not be the input file", err=True)
        raise typer.Exit(EXIT_USAGE)
    console = Console(stderr=True)
    try:
        with console.status(f"正在写出并核验 {file.name} …"):
            result = write_redacted(
                file, data, out, all_proposed=all_proposed, rescan=ANALYZER if rescan else None
            )
    except ReadError as err:
        typer.echo(unreadable(str(file), str(err)), err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except OutputError as err:
        typer.echo(f"gkreview: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except UnsupportedFormat as err:
        typer.echo(f"gkreview: 无法写出 {file} 的去标识化副本: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except (ReviewMismatch, UnencodableReplacement) as err:
        typer.echo(bad_review(str(review), str(err)), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except VerificationError as err:
        typer.echo(verification_failed(str(out), err.problems), err=True)
        raise typer.Exit(EXIT_VERIFICATION) from None
    kinds = "、".join(f"{ENTITY_LABELS.get(t, t)} {n}" for t, n in sorted(result.by_type.items()))
    repeats = f"，其中 {result.repeated} 处是已批准文字在文中的重复出现" if result.repeated else ""
    typer.echo(
        f"已写入 {result.output}：处理 {result.applied} 处（{kinds or '无'}{repeats}），"
        f"核验通过，其余文字保留 {result.preserved:.1%}"
    )
    raise typer.Exit(EXIT_OK)


def _load_review(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        typer.echo(bad_review(str(path), "文件不存在 / no such file"), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        typer.echo(bad_review(str(path), f"不是有效的 JSON / not valid JSON ({err})"), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    if not isinstance(data, dict) or data.get("schema") != "gkreview.review/1":
        typer.echo(bad_review(str(path), "不是 gkreview.review/1 审查单 / not a review"), err=True)
        raise typer.Exit(EXIT_USAGE)
    return data
