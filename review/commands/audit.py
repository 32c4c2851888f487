"""``gkreview audit verify``: prove that the audit trail was not edited."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from platformdirs import user_data_dir

from gkreview.errors import EXIT_OK, EXIT_USAGE

app = typer.Typer(
    help="审计记录 / the audit trail.", no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False, rich_markup_mode=None,
)  # fmt: skip
EXIT_TAMPERED = 5


def default_db() -> Path:
    return Path(user_data_dir("gkreview")) / "gkreview.sqlite"


@app.command("verify")
def verify(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", metavar="FILE", help="审计记录所在的 SQLite 数据库（默认：用户数据目录）。"
        ),
    ] = None,
) -> None:
    """核验审计记录的哈希链：任何改动、插入或删除都会被发现。

    Verify the hash chain of the audit trail: an edited, inserted or deleted entry breaks it.
    Exit 0 when intact, 5 when not (each break on one line), 2 when there is no database.
    """
    from gkreview.review.audit import AuditLog

    path = db or default_db()
    if not path.is_file():
        typer.echo(f"gkreview: 没有审计数据库 {path} / no such database", err=True)
        raise typer.Exit(EXIT_USAGE)
    log = AuditLog(path)
    try:
        entries = log.entries()
        problems = log.verify()
    finally:
        log.close()
    if problems:
        for line in problems:
            typer.echo(f"gkreview: {line}", err=True)
        raise typer.Exit(EXIT_TAMPERED)
    tip = entries[-1].hash[:16] if entries else "—"
    typer.echo(f"审计记录完好：{len(entries)} 条，末条哈希 {tip}…")
    raise typer.Exit(EXIT_OK)
