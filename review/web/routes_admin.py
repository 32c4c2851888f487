"""Users, for the admin role: list them and add one (as ``gkreview users add`` does)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from gkreview.review.users import ROLE_LABELS, ROLES, UserError
from gkreview.review.web.auth import caller, check_csrf, require, services

router = APIRouter()


@router.get("/users")
def users_page(request: Request) -> Response:
    who = caller(request)
    require(who, "admin")
    return request.app.state.templates.TemplateResponse(
        request, "users.html",
        {"who": who, "csrf": who.csrf, "users": services(request).users.listing(), "roles": ROLES,
         "role_labels": ROLE_LABELS},
    )  # fmt: skip


@router.post("/users")
async def add_user(request: Request) -> Response:
    who = caller(request)
    require(who, "admin")
    form = await request.form()
    check_csrf(request, form, who.csrf)
    svc = services(request)
    try:
        user = svc.users.add(
            str(form.get("name", "")), str(form.get("role", "")), str(form.get("password", ""))
        )
    except UserError as exc:
        raise HTTPException(400, str(exc)) from None
    svc.audit.append(who.user.name, "user_created", user_id=str(user.id), role=user.role)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}")
async def change_user(request: Request, user_id: int) -> Response:
    """Disable or enable a user, or set a new password (the user is told it out of band)."""
    who = caller(request)
    require(who, "admin")
    form = await request.form()
    check_csrf(request, form, who.csrf)
    svc = services(request)
    known = {u.id: u for u, _active in svc.users.listing()}
    if user_id not in known:
        raise HTTPException(404, "没有这个用户 / no such user")
    action = str(form.get("action", ""))
    if action in ("disable", "enable"):
        if user_id == who.user.id:
            raise HTTPException(409, "不能停用自己 / you cannot disable yourself")
        svc.users.set_active(user_id, action == "enable")
        svc.audit.append(who.user.name, f"user_{action}d", user_id=str(user_id))
    elif action == "password":
        try:
            svc.users.set_password(user_id, str(form.get("password", "")))
        except UserError as exc:
            raise HTTPException(400, str(exc)) from None
        svc.audit.append(who.user.name, "password_reset", user_id=str(user_id))
    else:
        raise HTTPException(400, "未知操作 / unknown action")
    return RedirectResponse("/users", status_code=303)
