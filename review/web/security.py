"""Sessions, CSRF tokens and the login rate limit, kept in the database.

A session cookie holds a random token; the database keeps only its SHA-256, so a stolen
database copy opens no session. Each session has its own CSRF token, which every form
carries in a hidden field (htmx sends it as the ``X-CSRF-Token`` header). The login form,
which comes before any session, uses a double-submit token: a cookie and a field that must
match. Failed logins are counted per user name and per client address over a window.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from gkreview.review.tables import login_attempts, sessions

SESSION_COOKIE = "gk_session"
LOGIN_CSRF_COOKIE = "gk_login_csrf"


@dataclass(frozen=True, slots=True)
class Limits:
    session_seconds: int = 8 * 3600
    window_seconds: int = 15 * 60
    failures_per_name: int = 5
    failures_per_client: int = 20


@dataclass(frozen=True, slots=True)
class Session:
    user_id: int
    csrf: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


def open_session(engine: Engine, user_id: int, limits: Limits) -> str:
    """A new session for the user; returns the cookie's token."""
    token, now = new_token(), int(time.time())
    with engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.expires_at < now))
        conn.execute(
            sessions.insert().values(
                token_hash=_digest(token), user_id=user_id, csrf=new_token(),
                created_at=now, expires_at=now + limits.session_seconds,
            )
        )  # fmt: skip
    return token


def find_session(engine: Engine, token: str | None) -> Session | None:
    if not token or len(token) > 128:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(sessions.c.user_id, sessions.c.csrf).where(
                sessions.c.token_hash == _digest(token), sessions.c.expires_at >= int(time.time())
            )
        ).first()
    return Session(row.user_id, row.csrf) if row else None


def close_session(engine: Engine, token: str | None) -> None:
    if token:
        with engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.token_hash == _digest(token)))


def too_many_failures(engine: Engine, name: str, client: str, limits: Limits) -> bool:
    since = int(time.time()) - limits.window_seconds
    failed = (login_attempts.c.ok.is_(False)) & (login_attempts.c.at >= since)
    with engine.connect() as conn:
        by_name = conn.execute(
            select(func.count()).where(failed, login_attempts.c.name == name[:64])
        ).scalar_one()
        by_client = conn.execute(
            select(func.count()).where(failed, login_attempts.c.client == client[:64])
        ).scalar_one()
    return by_name >= limits.failures_per_name or by_client >= limits.failures_per_client


def record_attempt(engine: Engine, name: str, client: str, ok: bool, limits: Limits) -> None:
    now = int(time.time())
    with engine.begin() as conn:
        conn.execute(delete(login_attempts).where(login_attempts.c.at < now - 86400))
        conn.execute(
            login_attempts.insert().values(name=name[:64], client=client[:64], at=now, ok=ok)
        )
        if ok:  # a good login clears that name's failures
            conn.execute(
                delete(login_attempts).where(
                    login_attempts.c.name == name[:64], login_attempts.c.ok.is_(False)
                )
            )
