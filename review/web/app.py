"""The officers' web app (``gkreview serve``): FastAPI, pages rendered on the server with
Jinja2, a little htmx served from ``static/`` (no CDN: the app works on a closed network)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from gkreview.review.web.auth import LoginRequired
from gkreview.review.web.limits import BodyLimit
from gkreview.review.web.services import Services, WebSettings

HERE = Path(__file__).parent
_LOG = logging.getLogger("gkreview.web")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATUS_LABELS = {
    400: "请求有误", 401: "未登录", 403: "无权访问", 404: "找不到", 409: "无法完成",
    413: "文件过大", 415: "文件类型不支持", 422: "请求有误", 429: "尝试过多", 500: "出错了",
}  # fmt: skip


def templates() -> Jinja2Templates:
    return Jinja2Templates(directory=str(HERE / "templates"))


async def _headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
    response = await call_next(request)
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def create_app(settings: WebSettings | None = None, services: Services | None = None) -> FastAPI:
    from gkreview.review.web import routes_admin, routes_auth, routes_reviews

    if services is None:
        services = Services(settings or WebSettings())
    settings = services.settings
    app = FastAPI(title="gkreview", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.services = services
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_auth.router)
    app.include_router(routes_reviews.router)
    app.include_router(routes_admin.router)
    app.add_middleware(BaseHTTPMiddleware, dispatch=_headers)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired) -> Response:
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        if request.method != "GET":
            return error_page(request, 401, "请先登录 / please log in")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # One line in the server's log, one sentence for the person; never a traceback page.
        _LOG.error("%s %s: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
        message = "服务器内部错误，已记录；请重试或联系管理员 / internal error"
        return error_page(request, 500, message)

    @app.exception_handler(404)
    async def _missing(request: Request, _exc: Any) -> Response:
        return error_page(request, 404, "没有这个页面或文件 / not found")

    return app


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="")


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": STATUS_LABELS.get(status, "出错了"), "message": message,
         "who": None},
        status_code=status,
    )  # fmt: skip
