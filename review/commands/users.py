"""``gkreview users add``: create the web app's users from the command line."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from gkreview.errors import EXIT_OK, EXIT_USAGE
from gkreview.review.commands.audit import DB_HELP, open_db_or_exit

app = typer.Typer(
    help="用户管理 / users of the web app.", no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False, rich_markup_mode=None,
)  # fmt: skip


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="用户名（字母、数字）。")],
    role: Annotated[
        str, typer.Option("--role", help="drafter（拟稿人）、officer（审查员）或 admin（管理员）。")
    ] = "drafter",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="从标准输入读取密码（脚本用）。")
    ] = False,
    db: Annotated[str | None, typer.Option("--db", metavar="URL|FILE", help=DB_HELP)] = None,
) -> None:
    """新建用户：密码以 Argon2id 加盐哈希保存，不保存明文。

    Create a user of the web app; the password is prompted for (or read from stdin) and
    stored only as an Argon2id hash.

    Example:

      gkreview users add zhangsan --role officer
    """
    from gkreview.review.audit import AuditLog
    from gkreview.review.users import UserError, UserStore

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("密码 / password", hide_input=True, confirmation_prompt=True)
    engine = open_db_or_exit(db)
    try:
        user = UserStore(engine).add(name, role, password)
        AuditLog(engine).append("cli", "user_created", user_id=str(user.id), role=user.role)
    except UserError as err:
        typer.echo(f"gkreview: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        engine.dispose()
    typer.echo(f"已创建用户 {user.name}（{user.role}）")
    raise typer.Exit(EXIT_OK)
