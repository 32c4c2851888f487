"""gkreview's database: migrations, an old database brought up to date, and PostgreSQL.

The PostgreSQL tests start a throwaway server from Debian's ``postgresql`` package (the
README's install command installs it) on a Unix socket in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from gkreview.review.audit import AuditLog
from gkreview.review.database import database_url, open_database
from gkreview.review.tables import metadata
from gkreview.review.users import UserStore

PASSWORD = "correct horse battery"


def test_database_migrations_match_tables(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "db.sqlite")
    schema = inspect(engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in schema.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert version == "0002_web_reviews"
    open_database(tmp_path / "db.sqlite").dispose()  # opening again changes nothing
    engine.dispose()


def test_database_url_forms(tmp_path: Path) -> None:
    assert database_url(tmp_path / "a.sqlite") == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_database_from_before_migrations_is_kept(tmp_path: Path) -> None:
    """A database made by the first users and audit modules (plain SQLite, no migrations)."""
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,
            role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
            action TEXT NOT NULL, review_id TEXT, detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        """
    )
    db.close()
    store = UserStore(path)
    store.add("li", "officer", PASSWORD)
    assert store.authenticate("li", PASSWORD) is not None
    log = AuditLog(store.engine)
    log.append("cli", "user_created", user_id="1", role="officer")
    assert log.verify() == []
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        sqlite3.connect(path).execute("DELETE FROM audit")
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run `bash scripts/install.sh`")
    bindir = found[-1].parent
    folder = Path(tempfile.mkdtemp(prefix="gkpg-"))  # short: a socket path has a length limit
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(folder, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    subprocess.run(
        [*as_postgres, str(bindir / "initdb"), "-D", str(data), "-U", "gk", "--auth=trust",
         "-E", "UTF8", "--locale=C"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    options = f"-k {folder} -p {port} -c listen_addresses=''"
    subprocess.run(
        [*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
         "-l", str(folder / "log"), "-w", "start"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    try:
        yield f"postgresql://gk@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run(
            [*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def test_database_postgresql_users_and_audit(postgres: str) -> None:
    engine = open_database(postgres)
    assert engine.dialect.name == "postgresql"
    store = UserStore(engine)
    user = store.add("pg_officer", "officer", PASSWORD)
    assert store.authenticate("pg_officer", PASSWORD) == user
    log = AuditLog(engine)
    for i in range(3):
        log.append("pg_officer", "finding_decided", "r1", finding_id=f"f{i}", status="approved")
    assert log.verify() == []
    for statement in ("UPDATE audit SET actor = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    engine.dispose()


def test_database_postgresql_web_workflow(postgres: str, reviewer, tmp_path: Path) -> None:
    """The same web app on PostgreSQL: upload, approve all, sign, and the trail holds."""
    import re

    from fastapi.testclient import TestClient

    from gkreview.ingest.reader import read_bytes
    from gkreview.review.web import WebSettings, create_app
    from gkreview.review.web.services import Services
    from tests.web_documents import ID_CARD, notice_docx

    services = Services(WebSettings(db=postgres), reviewer=reviewer)
    services.users.add("pg_web", "officer", PASSWORD)
    client = TestClient(create_app(services=services))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"name": "pg_web", "password": PASSWORD, "csrf_token": token})
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/upload").text).group(1)
    data = notice_docx(tmp_path).read_bytes()
    response = client.post(
        "/upload", data={"csrf_token": csrf}, files={"file": ("n.docx", data)},
        follow_redirects=False,
    )  # fmt: skip
    review_id = response.headers["location"].rsplit("/", 1)[1]
    assert client.post(f"/reviews/{review_id}/approve-all", data={"csrf_token": csrf}).is_success
    assert client.post(f"/reviews/{review_id}/sign", data={"csrf_token": csrf}).is_success
    copy = client.get(f"/reviews/{review_id}/redacted")
    assert copy.status_code == 200
    assert ID_CARD not in read_bytes(copy.content, "copy.docx").text
    assert services.audit.verify() == []
    services.close()
