"""``gkreview batch``: every document under a folder, on every core, resumable."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from gkreview.errors import EXIT_OK, EXIT_USAGE, out_not_directory


def batch(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="要审查的文件夹（含子文件夹）。")],
    out: Annotated[
        Path,
        typer.Option("--out", metavar="DIR", help="输出目录：reviews/<路径>.json、summary.csv。"),
    ],
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="并行进程数（默认：全部 CPU 核）/ worker processes."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="接着上次中断的批次：已审且未改动（sha256 相同）的文件跳过。"
        ),
    ] = False,
    policy: Annotated[
        str, typer.Option("--policy", metavar="NAME|FILE", help="去标识化策略，同 check。")
    ] = "general",
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="YYYY-MM-DD", help="只关注此日期（成文日期）之后的文件。"),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="YYYY-MM-DD", help="只关注此日期（成文日期）之前的文件。"),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            metavar="FILE.csv",
            help="上次的公开属性（列 path、attribute）：列出原依申请公开/不予公开、"
            "现可主动公开的文件（第十八条），写入 conversions.csv。",
        ),
    ] = None,
    timeout: Annotated[
        int, typer.Option("--timeout", min=0, help="每份文件最长处理秒数（0 不限）。")
    ] = 600,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="local|ray",
            help="local：本机进程池（默认）；ray：Ray 集群（RAY_ADDRESS 指向集群，DIR 与 OUT 须为"
            "各节点同一路径的共享目录）。",
        ),
    ] = "local",
    memory_mb: Annotated[
        int, typer.Option("--memory-mb", min=0, help="每个处理进程的内存上限（MB，0 不限）。")
    ] = 4096,
) -> None:
    """批量审查一个文件夹里的全部文件，写出每份审查单和汇总表 summary.csv。

    Review every document under DIR (.txt .docx .pdf .doc .wps .rtf) on N worker processes;
    write OUT/reviews/<path>.json per readable file, OUT/summary.csv (UTF-8 with BOM, one
    row per input, failures included, sorted for the human pass: failures, not_public, then
    lowest confidence) and OUT/summary.xlsx, with exact and near duplicates marked
    (duplicate_of). --since/--until mark each document's date as in the period or not;
    --previous adds the earlier attribute and OUT/conversions.csv. The state is kept in
    OUT/state.sqlite: after an interruption, run again with --resume.

    Examples:

      gkreview batch 档案/2003 --out 复审/2003

      gkreview batch 档案 --out 复审 --workers 2 --resume

      gkreview batch 档案 --out 复审 --since 2005-01-01 --previous 上次复审.csv
    """
    from gkreview.redact.policy import PolicyError, load_policy
    from gkreview.review.batch.run import BatchOptions, run_batch

    if not folder.is_dir():
        typer.echo(f"gkreview: {folder} 不是文件夹 / not a folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    if out.exists() and not out.is_dir():
        typer.echo(out_not_directory(str(out)), err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        load_policy(policy)
    except PolicyError as err:
        typer.echo(f"gkreview: --policy {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _is_date(value):
            typer.echo(f"gkreview: {name} {value} 应为 YYYY-MM-DD / expected YYYY-MM-DD", err=True)
            raise typer.Exit(EXIT_USAGE)
    if previous is not None and not previous.is_file():
        typer.echo(f"gkreview: --previous {previous} 不存在 / no such file", err=True)
        raise typer.Exit(EXIT_USAGE)
    if engine not in ("local", "ray"):
        typer.echo(f"gkreview: --engine {engine} 应为 local 或 ray", err=True)
        raise typer.Exit(EXIT_USAGE)
    if engine == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            message = "gkreview: --engine ray 需要安装 Ray：pip install 'gkreview[cluster]'"
            typer.echo(message, err=True)
            raise typer.Exit(EXIT_USAGE) from None
    options = BatchOptions(
        workers, resume, policy, timeout, memory_mb, since, until, previous, engine
    )

    with Progress(
        TextColumn("[bold]审查"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        transient=False,
    ) as bar:
        task = bar.add_task("batch", total=None, rate="")

        def progress(done: int, total: int, row: object) -> None:
            elapsed = bar.tasks[task].elapsed or 0.0
            rate = f"{done / elapsed:.1f} 份/秒" if elapsed > 1 and done else ""
            bar.update(task, completed=done, total=total, rate=rate)
            if row is not None and getattr(row, "status", "") == "failed":
                bar.console.print(f"[red]失败[/] {row.path}: {row.error}")  # type: ignore[attr-defined]

        result = run_batch(folder, out, options, progress)
    typer.echo(
        f"共 {result.total} 份：本次审查 {result.reviewed}，跳过 {result.skipped}，"
        f"失败 {result.failed}，重复 {result.duplicates}，可转为主动公开 {result.conversions}；"
        f"汇总表 {result.summary}"
    )
    raise typer.Exit(EXIT_OK)


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
