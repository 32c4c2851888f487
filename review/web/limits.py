"""The upload size limit, enforced before the body is parsed: a declared Content-Length over
the limit is refused at once; a body sent without one (chunked) is read up to the limit and
refused as soon as it passes it, so that no oversized upload is ever parsed or spooled."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOO_LARGE = "上传的文件过大 / the upload is too large"


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.max_bytes:
                await _refuse(send, self.max_bytes)
                return
            await self.app(scope, receive, send)  # the server delivers no more than declared
            return
        # No length declared: read it all (at most the limit) before the app sees any of it.
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await _refuse(send, self.max_bytes)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(send: Send, max_bytes: int) -> None:
    limit = f"{max_bytes / 1024 / 1024:.0f} MB"
    body = (
        f"<!doctype html><meta charset=utf-8><title>413</title><p>{TOO_LARGE}（上限 {limit}）</p>"
    ).encode()
    headers: list[Any] = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
