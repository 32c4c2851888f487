"""The database behind the web app, its users and the audit trail: a SQLite file by default,
PostgreSQL when given a ``postgresql://`` URL. Opening it applies the named migrations in
``review/migrations/versions`` (Alembic), each in one transaction, so an old database is
brought up to date and a new one is created the same way.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

MIGRATIONS = Path(__file__).parent / "migrations"


def default_db() -> Path:
    return Path(user_data_dir("gkreview")) / "gkreview.sqlite"


def database_url(target: str | Path | None) -> str:
    """A SQLAlchemy URL from what a person typed: a URL as is, anything else a SQLite file."""
    if target is None:
        target = default_db()
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):  # psycopg 3, not SQLAlchemy's default
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def is_sqlite_file(target: str | Path | None) -> Path | None:
    """The file a SQLite target names, or None for a database server's URL."""
    url = database_url(target)
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # One writer at a time, decided at BEGIN (IMMEDIATE): two deferred transactions that
        # both read the audit chain's tip and then write would otherwise fail at once.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_connection.isolation_level = None  # SQLAlchemy issues BEGIN itself
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or migrated; the message is one line for a person."""


def open_database(target: str | Path | None) -> Engine:
    """An engine on the database, migrated to the newest schema."""
    try:
        engine = make_engine(database_url(target))
        migrate(engine)
    except (SQLAlchemyError, OSError, ImportError) as exc:
        cause = getattr(exc, "orig", None) or exc
        text = " ".join(str(cause).split()) or type(cause).__name__
        shown = target if target is not None else default_db()
        raise DatabaseUnavailable(f"无法打开数据库 {shown}：{text[:300]}") from exc
    return engine
