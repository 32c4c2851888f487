"""Log in, log out, and the start page that sends each role to its work."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from gkreview.review.web.auth import CSRF_FIELD, caller, check_csrf, services
from gkreview.review.web.security import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    close_session,
    new_token,
    open_session,
    record_attempt,
    tokens_match,
    too_many_failures,
)

router = APIRouter()
HOME = {"officer": "/queue", "drafter": "/mine", "admin": "/users"}


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site: no scheme, no host, no ``//evil``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_page(request: Request, status: int = 200, error: str | None = None,
                next_: str | None = None, name: str = "") -> Response:  # fmt: skip
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or new_token()
    response = request.app.state.templates.TemplateResponse(
        request, "login.html",
        {"who": None, "csrf": token, "error": error, "next": next_ or "", "name": name},
        status_code=status,
    )  # fmt: skip
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
        secure=services(request).settings.secure_cookies, max_age=3600,
    )  # fmt: skip
    return response


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return _login_page(request, next_=_safe_next(next))


@router.post("/login")
async def login(request: Request) -> Response:
    svc = services(request)
    form = await request.form()
    name = str(form.get("name", ""))[:64]
    password = str(form.get("password", ""))
    next_ = _safe_next(str(form.get("next", "")))
    if not tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE), str(form.get(CSRF_FIELD, ""))):
        return _login_page(request, 403, "表单已过期，请重新登录 / the form expired", next_, name)
    limits, client = svc.settings.limits, _client(request)
    if too_many_failures(svc.engine, name, client, limits):
        svc.audit.append("anonymous", "login_limited")
        minutes = limits.window_seconds // 60
        return _login_page(
            request, 429, f"登录失败次数过多，请 {minutes} 分钟后再试 / too many attempts",
            next_, name,
        )  # fmt: skip
    user = svc.users.authenticate(name, password)
    record_attempt(svc.engine, name, client, user is not None, limits)
    if user is None:
        svc.audit.append("anonymous", "login_failed")
        return _login_page(request, 401, "用户名或密码不对 / wrong name or password", next_, name)
    token = open_session(svc.engine, user.id, limits)
    svc.audit.append(user.name, "login", user_id=str(user.id), role=user.role)
    response = RedirectResponse(next_ or HOME[user.role], status_code=303)
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, samesite="strict",
        secure=svc.settings.secure_cookies, max_age=limits.session_seconds, path="/",
    )  # fmt: skip
    response.delete_cookie(LOGIN_CSRF_COOKIE, httponly=True, samesite="strict")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    who = caller(request)
    check_csrf(request, await request.form(), who.csrf)
    svc = services(request)
    close_session(svc.engine, who.token)
    svc.audit.append(who.user.name, "logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.get("/")
def home(request: Request) -> Response:
    who = caller(request)
    return RedirectResponse(HOME[who.user.role], status_code=303)
