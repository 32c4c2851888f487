"""``gkreview redact``: the de-identified copy of one file, from the findings a review approves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

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

    Write the de-identified copy of FILE: the findings REVIEW.json marks "approved" (with
    --all-proposed, every one not rejected) are replaced as the review proposes, in FILE's own
    format. A docx also loses its tracked changes, comments and author properties; a pdf is
    truly redacted (characters removed, a box with the type printed in their place) and loses
    its metadata, annotations and links. The copy is then read back and scanned again; if any
    redacted text is still there, it is deleted and the command fails (exit 4).

    Examples:

      gkreview check --format json --with-text 通知.docx > 通知.review.json

      gkreview redact 通知.docx --review 通知.review.json --out 通知.公开版.docx --all-proposed
    """
    from gkreview.redact.writers import (
        ReviewMismatch,
        UnsupportedFormat,
        VerificationError,
        write_redacted,
    )
    from gkreview.redact.writers.txt import UnencodableReplacement

    data = _load_review(review)
    if out.exists() and out.is_dir():
        typer.echo(f"gkreview: --out {out} 是目录；请给出输出文件名 / give a file name", err=True)
        raise typer.Exit(EXIT_USAGE)
    if out.resolve() == file.resolve():
        typer.echo("gkreview: --out 不能覆盖原文件 / --out must not be the input file", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        result = write_redacted(
            file, data, out, all_proposed=all_proposed, rescan=_rescanner() if rescan else None
        )
    except ReadError as err:
        typer.echo(unreadable(str(file), str(err)), err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except (ReviewMismatch, UnsupportedFormat, UnencodableReplacement, KeyError) as err:
        typer.echo(bad_review(str(review), str(err)), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except VerificationError as err:
        typer.echo(verification_failed(str(out), err.problems), err=True)
        raise typer.Exit(EXIT_VERIFICATION) from None
    kinds = "、".join(f"{ENTITY_LABELS.get(t, t)} {n}" for t, n in sorted(result.by_type.items()))
    typer.echo(
        f"已写入 {result.output}：处理 {result.applied} 处（{kinds or '无'}），"
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


def _rescanner():  # type: ignore[no-untyped-def]
    """The analyzer as the verification's second pass: (type, start, end, action) per finding."""
    from gkreview.review.pipeline import Reviewer, make_findings

    reviewer = Reviewer.build()

    def rescan(text: str) -> list[tuple[str, int, int, str]]:
        found = make_findings(text, reviewer.analyzer.analyze(text), reviewer.policy)
        return [(f.type, f.start, f.end, f.action) for f in found]

    return rescan
