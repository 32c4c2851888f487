"""``gkreview audit verify``: prove that the audit trail was not edited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from gkreview.errors import EXIT_OK, EXIT_USAGE

app = typer.Typer(
    help="审计记录 / the audit trail.", no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False, rich_markup_mode=None,
)  # fmt: skip
EXIT_TAMPERED = 5

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DB_HELP = "数据库：SQLite 文件或 postgresql://… 地址（默认：用户数据目录中的 gkreview.sqlite）。"


def open_db_or_exit(db: str | None) -> Engine:
    """gkreview's database, migrated; one line and exit 2 when it cannot be opened."""
    from gkreview.review.database import DatabaseUnavailable, open_database

    try:
        return open_database(db)
    except DatabaseUnavailable as exc:
        typer.echo(f"gkreview: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


@app.command("verify")
def verify(
    db: Annotated[str | None, typer.Option("--db", metavar="URL|FILE", help=DB_HELP)] = None,
) -> None:
    """核验审计记录的哈希链：任何改动、插入或删除都会被发现。

    Verify the hash chain of the audit trail: an edited, inserted or deleted entry breaks it.
    Exit 0 when intact, 5 when not (each break on one line), 2 when there is no database.
    """
    from gkreview.review.audit import AuditLog
    from gkreview.review.database import is_sqlite_file

    path = is_sqlite_file(db)
    if path is not None and not path.is_file():
        typer.echo(f"gkreview: 没有审计数据库 {path} / no such database", err=True)
        raise typer.Exit(EXIT_USAGE)
    engine = open_db_or_exit(db)
    try:
        log = AuditLog(engine)
        entries = log.entries()
        problems = log.verify()
    finally:
        engine.dispose()
    if problems:
        for line in problems:
            typer.echo(f"gkreview: {line}", err=True)
        raise typer.Exit(EXIT_TAMPERED)
    tip = entries[-1].hash[:16] if entries else "—"
    typer.echo(f"审计记录完好：{len(entries)} 条，末条哈希 {tip}…")
    raise typer.Exit(EXIT_OK)
