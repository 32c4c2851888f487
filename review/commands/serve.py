"""``gkreview serve``: the officers' web app; ``gkreview import-batch``: a batch into its queue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gkreview.errors import EXIT_OK, EXIT_USAGE
from gkreview.review.commands.audit import DB_HELP, open_db_or_exit


def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址；默认只在本机。")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口。")] = 8000,
    db: Annotated[str | None, typer.Option("--db", metavar="URL|FILE", help=DB_HELP)] = None,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, help="上传文件大小上限（MB）。")
    ] = 20,
    secure_cookies: Annotated[
        bool, typer.Option("--secure-cookies", help="在 HTTPS 反向代理之后运行时打开。")
    ] = False,
) -> None:
    """启动保密审查网页：拟稿人上传，审查员逐项审定、签发并下载去标识化副本。

    Start the officers' web app. It listens on 127.0.0.1 unless --host says otherwise and
    keeps users, reviews and the audit trail in SQLite unless --db names another database
    (postgresql://user@host/db, with the postgresql extra installed).

    First create an officer, then open http://127.0.0.1:8000 :

      gkreview users add li --role officer

      gkreview serve
    """
    import uvicorn

    from gkreview.review.database import DatabaseUnavailable
    from gkreview.review.web import WebSettings, create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(
            f"gkreview: 注意：在 {host} 上监听，其他机器可以访问；请放在 HTTPS 之后。", err=True
        )
    settings = WebSettings(
        db=db, max_upload_bytes=max_upload_mb * 1024 * 1024, secure_cookies=secure_cookies,
        warm=True,
    )  # fmt: skip
    try:
        app = create_app(settings)
    except DatabaseUnavailable as exc:
        typer.echo(f"gkreview: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(f"gkreview 审查网页：http://{host}:{port}/  （Ctrl+C 停止）")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def import_batch(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="gkreview batch 的 --out 文件夹。")],
    source: Annotated[
        Path, typer.Argument(metavar="DIR", help="batch 审查的文件夹（原文件在这里）。")
    ],
    owner: Annotated[str, typer.Option("--as", metavar="USER", help="记为谁提交（用户名）。")],
    db: Annotated[str | None, typer.Option("--db", metavar="URL|FILE", help=DB_HELP)] = None,
) -> None:
    """把 gkreview batch 的结果导入审查队列（按风险排序），由审查员逐份审定、签发。

    Bring the reviews of a batch into the web app's queue, with their documents (checked
    against each review's sha256). Reviews already in the queue are skipped.

      gkreview batch 档案/ --out 结果/

      gkreview import-batch 结果/ 档案/ --as li
    """
    from gkreview.review.audit import AuditLog
    from gkreview.review.users import UserStore
    from gkreview.review.web.importer import import_batch as run_import
    from gkreview.review.web.store import ReviewStore

    engine = open_db_or_exit(db)
    try:
        user = next((u for u in UserStore(engine).all() if u.name == owner), None)
        if user is None:
            typer.echo(f"gkreview: 没有用户 {owner}；先用 gkreview users add 创建", err=True)
            raise typer.Exit(EXIT_USAGE)
        try:
            result = run_import(
                ReviewStore(engine, AuditLog(engine)), out, source, user.id, user.name
            )
        except FileNotFoundError as exc:
            typer.echo(f"gkreview: {exc}", err=True)
            raise typer.Exit(EXIT_USAGE) from None
    finally:
        engine.dispose()
    for relative, why in result.skipped:
        typer.echo(f"跳过 {relative}：{why}", err=True)
    typer.echo(f"已导入 {len(result.added)} 份，跳过 {len(result.skipped)} 份")
    raise typer.Exit(EXIT_OK)
