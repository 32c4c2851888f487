"""Upload, the queue, the review page and its decisions, signing and downloads."""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.engine import Connection
from starlette.datastructures import UploadFile

from gkreview.classify.grounds import GROUNDS, LABELS
from gkreview.ingest.document import ReadError
from gkreview.redact.entities import LABELS as TYPE_LABELS
from gkreview.review.audit import ACTION_LABELS, explanation_fields
from gkreview.review.web import decisions
from gkreview.review.web.auth import Caller, caller, check_csrf, require, services
from gkreview.review.web.highlight import pieces
from gkreview.review.web.risk import risk_level
from gkreview.review.web.sniff import UnacceptedUpload, sniff
from gkreview.review.web.store import Listed, ReviewClosed, now, safe_name

router = APIRouter()
REVIEW_ID = re.compile(r"^[0-9a-f]{32}$")
FINDING_ID = re.compile(r"^[a-z]{1,3}[0-9]{1,6}$")
UPLOADERS = ("drafter", "officer")


def _page(request: Request, name: str, who: Caller | None, status: int = 200,
          **context: Any) -> Response:  # fmt: skip
    return request.app.state.templates.TemplateResponse(
        request, name,
        {"who": who, "csrf": who.csrf if who else "", "risk_level": risk_level,
         "attribute_labels": {k: v.label for k, v in LABELS.items()}, **context},
        status_code=status,
    )  # fmt: skip


def _load(request: Request, who: Caller, review_id: str) -> tuple[Listed, dict[str, Any]]:
    """The review, if this caller may see it: an officer any, a drafter only their own."""
    if not REVIEW_ID.match(review_id):
        raise HTTPException(404, "没有这份审查 / no such review")
    found = services(request).store.get(review_id)
    if found is None:
        raise HTTPException(404, "没有这份审查 / no such review")
    listed, review = found
    if who.user.role == "officer" or (
        who.user.role == "drafter" and listed.owner_id == who.user.id
    ):
        return listed, review
    raise HTTPException(403, "这份审查不是您的 / not your review")


# -- upload ---------------------------------------------------------------------------------


@router.get("/upload")
def upload_form(request: Request) -> Response:
    who = caller(request)
    require(who, *UPLOADERS)
    limit = services(request).settings.max_upload_bytes // (1024 * 1024)
    return _page(request, "upload.html", who, limit=limit)


@router.post("/upload")
async def upload(request: Request) -> Response:
    who = caller(request)
    require(who, *UPLOADERS)
    form = await request.form()
    check_csrf(request, form, who.csrf)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        raise HTTPException(400, "请选择要上传的文件 / choose a file")
    data = await file.read()
    svc = services(request)
    try:
        fmt = sniff(data)
    except UnacceptedUpload as exc:
        raise HTTPException(415, f"{safe_name(file.filename, 'x')[:-2]}：{exc}") from None
    name = safe_name(file.filename, fmt)
    try:
        review = await run_in_threadpool(svc.review_bytes, data, name)
    except ReadError as exc:
        raise HTTPException(422, f"{name}：无法读取 / cannot read: {exc}") from None
    svc.audit.append(who.user.name, "upload", review["review_id"],
                     document_sha256=hashlib.sha256(data).hexdigest(), format=fmt)  # fmt: skip
    review_id = svc.store.create(who.user.id, who.user.name, name, fmt, data, review)
    return RedirectResponse(f"/reviews/{review_id}", status_code=303)


# -- lists ----------------------------------------------------------------------------------


@router.get("/mine")
def mine(request: Request) -> Response:
    who = caller(request)
    rows = services(request).store.listing(owner_id=who.user.id)
    return _page(request, "list.html", who, rows=rows, title="我提交的文件")


@router.get("/queue")
def queue(request: Request) -> Response:
    who = caller(request)
    require(who, "officer")
    rows = services(request).store.listing()
    return _page(request, "list.html", who, rows=rows, title="审查队列（按风险排序）", queue=True)


# -- the review page ------------------------------------------------------------------------


def _review_context(listed: Listed, review: dict[str, Any]) -> dict[str, Any]:
    disclosure = review["disclosure"]
    grounds = [(code, g.label, g.article, g.attribute) for code, g in GROUNDS.items()]
    return {
        "listed": listed, "review": review, "disclosure": disclosure,
        "pieces": pieces(review.get("text") or "", review.get("findings", [])),
        "findings": review.get("findings", []), "pending": len(decisions.pending(review)),
        "grounds": grounds, "type_labels": TYPE_LABELS,
    }  # fmt: skip


@router.get("/reviews/{review_id}")
def review_page(request: Request, review_id: str) -> Response:
    who = caller(request)
    listed, review = _load(request, who, review_id)
    history = services(request).audit.entries(review_id)
    return _page(request, "review.html", who, history=history, action_labels=ACTION_LABELS,
                 **_review_context(listed, review))  # fmt: skip


async def _officer_change(request: Request, review_id: str) -> tuple[Caller, Any]:
    """An officer (who may see every review) posting a valid form about one that exists."""
    who = caller(request)
    require(who, "officer")
    form = await request.form()
    check_csrf(request, form, who.csrf)
    if not REVIEW_ID.match(review_id) or not services(request).store.exists(review_id):
        raise HTTPException(404, "没有这份审查 / no such review")
    return who, form


def _changed(request: Request, review_id: str, mutate: Any, record: Any, **kw: Any) -> Any:
    try:
        return services(request).store.change(review_id, mutate, record, **kw)
    except ReviewClosed as exc:
        raise HTTPException(409, str(exc)) from None
    except decisions.DecisionError as exc:
        raise HTTPException(409, str(exc)) from None


def _back(request: Request, review_id: str, fragment: str = "") -> Response:
    if request.headers.get("hx-request"):  # htmx: reload the page's parts in place
        return Response(status_code=204, headers={"HX-Refresh": "true"})
    return RedirectResponse(f"/reviews/{review_id}{fragment}", status_code=303)


@router.post("/reviews/{review_id}/findings/{finding_id}")
async def decide(request: Request, review_id: str, finding_id: str) -> Response:
    who, form = await _officer_change(request, review_id)
    if not FINDING_ID.match(finding_id):
        raise HTTPException(404, "没有这一项 / no such finding")
    status = str(form.get("decision", ""))
    audit = services(request).audit

    def record(d: decisions.Decided, conn: Connection) -> None:
        audit.append(who.user.name, "finding_decided", review_id, conn=conn,
                     finding_id=d.finding_id, type=d.type, start=d.start, end=d.end,
                     status=d.status, previous_status=d.previous_status)  # fmt: skip

    decided = _changed(
        request, review_id, lambda r: decisions.decide(r, finding_id, status, who.user.name), record
    )
    if request.headers.get("hx-request"):
        listed, review = _load(request, who, review_id)
        f = decisions.finding(review, finding_id)
        return _page(request, "_finding_update.html", who, f=f, listed=listed,
                     type_labels=TYPE_LABELS, pending=len(decisions.pending(review)))  # fmt: skip
    return _back(request, review_id, f"#row-{decided.finding_id}")


@router.post("/reviews/{review_id}/approve-all")
async def approve_all(request: Request, review_id: str) -> Response:
    who, _form = await _officer_change(request, review_id)
    audit = services(request).audit

    def record(done: list[decisions.Decided], conn: Connection) -> None:
        for d in done:
            audit.append(who.user.name, "finding_decided", review_id, conn=conn,
                         finding_id=d.finding_id, type=d.type, start=d.start, end=d.end,
                         status=d.status, previous_status=d.previous_status)  # fmt: skip

    _changed(request, review_id, lambda r: decisions.decide_all(r, who.user.name), record)
    return _back(request, review_id)


@router.post("/reviews/{review_id}/findings")
async def add_finding(request: Request, review_id: str) -> Response:
    who, form = await _officer_change(request, review_id)
    try:
        start, end = int(str(form.get("start", ""))), int(str(form.get("end", "")))
    except ValueError:
        raise HTTPException(400, "请先在原文中选中要添加的文字 / select the text first") from None
    entity_type = str(form.get("type", ""))
    audit = services(request).audit

    def record(f: dict[str, Any], conn: Connection) -> None:
        audit.append(
            who.user.name, "finding_added", review_id, conn=conn, finding_id=f["id"],
            type=f["type"], start=f["start"], end=f["end"], status=f["status"],
        )  # fmt: skip

    added = _changed(
        request, review_id,
        lambda r: decisions.add_finding(r, start, end, entity_type, who.user.name), record,
    )  # fmt: skip
    return _back(request, review_id, f"#row-{added['id']}")


@router.post("/reviews/{review_id}/attribute")
async def change_attribute(request: Request, review_id: str) -> Response:
    who, form = await _officer_change(request, review_id)
    attribute = str(form.get("attribute", ""))
    ground = str(form.get("ground", "")) or None
    explanation = str(form.get("explanation", ""))
    audit = services(request).audit

    def record(previous: str, conn: Connection) -> None:
        extra = {"ground": ground} if ground else {}
        audit.append(who.user.name, "attribute_changed", review_id, conn=conn,
                     attribute=attribute, previous_attribute=previous,
                     **extra, **explanation_fields(explanation.strip()))  # fmt: skip

    _changed(
        request, review_id,
        lambda r: decisions.settle_attribute(r, attribute, ground, explanation, who.user.name),
        record,
    )  # fmt: skip
    return _back(request, review_id)


@router.post("/reviews/{review_id}/sign")
async def sign(request: Request, review_id: str) -> Response:
    who, _form = await _officer_change(request, review_id)
    svc = services(request)
    listed, review = _load(request, who, review_id)
    if decisions.pending(review):
        raise HTTPException(409, f"还有 {len(decisions.pending(review))} 项未决定，不能签发 / "
                                 "decide every finding first")  # fmt: skip
    try:
        output = await run_in_threadpool(_write_copy, svc, listed, review)
    except _CopyRefused as exc:
        svc.audit.append(who.user.name, "sign_refused", review_id, reason=exc.code)
        raise HTTPException(409, f"去标识化副本未通过核验，未签发 / not signed: {exc}") from None
    digest = hashlib.sha256(output).hexdigest()
    stamp = now()

    def record(_: None, conn: Connection) -> None:
        svc.audit.append(who.user.name, "signed", review_id, conn=conn,
                         attribute=review["disclosure"]["attribute"],
                         document_sha256=listed.sha256, output_sha256=digest)  # fmt: skip

    _changed(
        request, review_id, lambda r: decisions.sign(r, who.user.name, stamp, digest), record,
        output=output, signed_by=who.user.id,
    )  # fmt: skip
    return _back(request, review_id)


class _CopyRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _write_copy(svc: Any, listed: Listed, review: dict[str, Any]) -> bytes:
    """The de-identified copy, by the writers of ``redact`` (which verify it)."""
    from gkreview.redact.writers import (
        ReviewMismatch,
        UnsupportedFormat,
        VerificationError,
        rescan_with,
        write_redacted,
    )

    reviewer = svc.reviewer()
    with tempfile.TemporaryDirectory(prefix="gkreview-sign-") as tmp:
        source = Path(tmp) / f"source.{listed.format}"
        source.write_bytes(svc.store.content(listed.id))
        out = Path(tmp) / f"copy.{listed.format}"
        try:
            write_redacted(source, review, out, rescan=rescan_with(reviewer))
        except VerificationError as exc:
            raise _CopyRefused("verification_failed", "；".join(exc.problems[:3])) from None
        except (ReviewMismatch, UnsupportedFormat, ReadError) as exc:
            raise _CopyRefused("cannot_write", str(exc)) from None
        return out.read_bytes()


# -- downloads ------------------------------------------------------------------------------

MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "txt": "text/plain",  # with the charset the copy is written in (the source's own)
}


def _attachment(name: str) -> str:
    ascii_name = name.encode("ascii", "ignore").decode() or "download"
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", ascii_name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


@router.get("/reviews/{review_id}/review.json")
def download_review(request: Request, review_id: str) -> Response:
    import json

    who = caller(request)
    listed, review = _load(request, who, review_id)
    services(request).audit.append(who.user.name, "downloaded", review_id, kind="review_json")
    body = json.dumps(review, ensure_ascii=False, indent=1)
    disposition = _attachment(f"{Path(listed.name).stem}.review.json")
    return Response(
        body,
        media_type="application/json; charset=utf-8",
        headers={"Content-Disposition": disposition},
    )


@router.get("/reviews/{review_id}/redacted")
def download_copy(request: Request, review_id: str) -> Response:
    who = caller(request)
    listed, review = _load(request, who, review_id)
    svc = services(request)
    output = svc.store.output(review_id) if listed.state == "signed" else None
    if output is None:
        raise HTTPException(404, "尚未签发，没有去标识化副本 / not signed yet")
    svc.audit.append(who.user.name, "downloaded", review_id, kind="redacted",
                     output_sha256=hashlib.sha256(output).hexdigest())  # fmt: skip
    name = f"{Path(listed.name).stem}_去标识化.{listed.format}"
    media = MEDIA.get(listed.format, "application/octet-stream")
    if listed.format == "txt":  # the txt writer keeps the source's encoding (GBK stays GBK)
        media += f"; charset={review['document'].get('encoding') or 'utf-8'}"
    return Response(output, media_type=media, headers={"Content-Disposition": _attachment(name)})
