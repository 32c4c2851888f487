"""The ``gkreview`` command line: a thin Typer layer, one module per command."""

from __future__ import annotations

import typer

from gkreview import __version__
from gkreview.review.commands.audit import app as audit_app
from gkreview.review.commands.batch import batch
from gkreview.review.commands.check import check
from gkreview.review.commands.eval import evaluate
from gkreview.review.commands.redact import redact
from gkreview.review.commands.serve import import_batch, serve
from gkreview.review.commands.train import train
from gkreview.review.commands.users import app as users_app

app = typer.Typer(
    name="gkreview",
    help=(
        "gkreview：政府信息公开属性审查与个人信息去标识化。\n\n"
        "Reviews Chinese government documents before publication: proposes 主动公开 / "
        "依申请公开 / 不予公开 with the article of the 政府信息公开条例 and the evidence, "
        "and flags personal data for de-identification (去标识化)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("check")(check)
app.command("batch")(batch)
app.add_typer(audit_app, name="audit")
app.add_typer(users_app, name="users")
app.command("eval")(evaluate)
app.command("redact")(redact)
app.command("train")(train)
app.command("serve")(serve)
app.command("import-batch")(import_batch)


@app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="显示版本号 / show the version."),
) -> None:
    if version:
        typer.echo(f"gkreview {__version__}")
        raise typer.Exit(0)


def main() -> None:
    app()
