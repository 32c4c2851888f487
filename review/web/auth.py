"""Who is asking, and may they: the session behind the cookie, roles, CSRF checks."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request
from starlette.datastructures import FormData

from gkreview.review.users import User
from gkreview.review.web.security import SESSION_COOKIE, find_session, tokens_match
from gkreview.review.web.services import Services

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class LoginRequired(Exception):
    """No valid session: the browser is sent to the login page."""


@dataclass(frozen=True, slots=True)
class Caller:
    user: User
    csrf: str
    token: str


def services(request: Request) -> Services:
    return request.app.state.services


def caller(request: Request) -> Caller:
    token = request.cookies.get(SESSION_COOKIE)
    svc = services(request)
    session = find_session(svc.engine, token)
    user = svc.users.get(session.user_id) if session else None
    if session is None or user is None or token is None:
        raise LoginRequired
    return Caller(user, session.csrf, token)


def require(who: Caller, *roles: str) -> None:
    if who.user.role not in roles:
        raise HTTPException(403, "您的角色无权进行此操作 / your role may not do this")


def check_csrf(request: Request, form: FormData | None, expected: str) -> None:
    given = request.headers.get(CSRF_HEADER)
    if given is None and form is not None:
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not tokens_match(expected, given):
        raise HTTPException(403, "表单已过期或来源不明，请刷新页面后重试 / CSRF check failed")
