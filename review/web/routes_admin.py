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
        {"who": who, "csrf": who.csrf, "users": services(request).users.all(), "roles": ROLES,
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
