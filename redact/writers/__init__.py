"""De-identified copies: the findings a review approves, removed from the file in its own
format (txt, docx, pdf), and the output proved clean before it is kept.

``write_redacted`` is the one entry point (the CLI's ``redact`` and the web app's signing
both call it). It reads the source again with gkreview's readers, checks that the review was
made of this very file (sha256), plans the edits from the review (``plan``), writes with the
format's writer, re-reads the output and verifies it (``verify``). A failed verification
deletes the output and raises: a copy that leaks is never written (the check runs on the
bytes in memory) and no earlier file is left at ``out``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gkreview.ingest.document import ExtractedDocument, ReadError
from gkreview.ingest.reader import load_bytes, read_bytes
from gkreview.redact.writers.plan import Edit, ReviewMismatch, plan_edits, repeat_edits
from gkreview.redact.writers.txt import UnencodableReplacement
from gkreview.redact.writers.verify import (
    Rescan,
    left_in_place,
    verify_docx_parts,
    verify_text,
)

__all__ = [
    "OutputError",
    "ReadError",
    "RedactionResult",
    "Rescan",
    "ReviewMismatch",
    "UnencodableReplacement",
    "UnsupportedFormat",
    "VerificationError",
    "rescan_with",
    "write_redacted",
]

MIN_PRESERVED = 0.99
# A PDF's copy is read again by extraction or, for a scan, by OCR, which drops a lone comma
# beside a box (98% of a ten-line scan kept, every character still on the page): below this
# share something was wiped, not misread. txt and docx copies must match character for
# character anyway.
MIN_PRESERVED_PDF = 0.95
ANALYZER = "analyzer"  # ``rescan``'s default: gkreview's analyzer, built once per process


class VerificationError(RuntimeError):
    """The output still held redacted data (or lost other text); it has been deleted."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "；".join(problems[:3]))


class UnsupportedFormat(ValueError):
    """No writer for this format (yet)."""


class OutputError(OSError):
    """The copy cannot be written where asked (no such folder, no permission)."""


@dataclass(slots=True)
class RedactionResult:
    source: Path
    output: Path
    format: str
    applied: int  # edits made
    by_type: dict[str, int] = field(default_factory=dict)
    removed_chars: int = 0
    preserved: float = 1.0  # share of the other characters found again in the output
    repeated: int = 0  # of ``applied``: other places of an approved text, not findings


def write_redacted(
    source: Path,
    review: Mapping[str, Any],
    out: Path,
    *,
    all_proposed: bool = False,
    rescan: Rescan | str | None = ANALYZER,
    writer: Any = None,
    repeat: bool = True,
) -> RedactionResult:
    """Write the de-identified copy of ``source`` to ``out`` and verify it.

    ``rescan`` (text → (type, start, end, action) of what is found) is the verification's
    analyzer pass: by default gkreview's own analyzer, built once per process (a caller that
    holds a ``Reviewer`` passes ``rescan_with(reviewer)`` instead; ``None`` skips the pass,
    leaving the character checks). ``writer`` replaces the format's writer (tests use it to
    prove that the verification catches a faulty one). ``repeat``: an approved finding's text
    is also replaced where else it occurs (``plan.repeat_edits``); without it such a place
    fails the verification.
    """
    source, out = Path(source), Path(out)
    if rescan == ANALYZER:
        rescan = _default_rescan()
    data = load_bytes(source)
    _check_same_file(data, review, source)
    doc = read_bytes(data, source.name)
    findings = list(review.get("findings", []))
    kept = left_in_place(findings, all_proposed)
    edits = plan_edits(doc.text, findings, all_proposed)
    if repeat:
        edits = repeat_edits(doc.text, edits, kept)
    write = writer or _writer_for(doc.format, kept)
    try:
        payload = write(data, doc, edits)
    except (ReviewMismatch, UnencodableReplacement):
        raise
    except Exception as exc:  # a part the reader skipped but the writer cannot parse
        cause = " ".join(str(exc).split()) or type(exc).__name__
        message = f"{source.name}：无法写出去标识化副本 / cannot write the copy: {cause}"
        raise ReadError(message) from exc

    # Verified in memory: a copy that leaks never reaches the disk.
    try:
        written = read_bytes(payload, out.stem + source.suffix)  # the source's format
    except Exception as exc:  # the output must be readable by our own readers
        out.unlink(missing_ok=True)
        raise VerificationError(out, [f"输出无法读取：{exc}"]) from exc
    check = verify_text(
        doc.text, written.text, edits, kept, rescan, exact=doc.format in ("txt", "docx")
    )
    problems = list(check.leaks)
    if doc.format == "docx":
        problems += verify_docx_parts(payload, edits, kept)
    floor = MIN_PRESERVED_PDF if doc.format == "pdf" else MIN_PRESERVED
    if check.preserved < floor:
        problems.append(f"其余文字只保留了 {check.preserved:.1%}（应不少于 {floor:.0%}）")
    if problems:
        out.unlink(missing_ok=True)  # an earlier copy at ``out`` is not this one
        raise VerificationError(out, problems)
    try:
        _atomic_write(out, payload)
    except OSError as exc:
        raise OutputError(f"{out}：无法写入 / cannot write: {exc.strerror or exc}") from exc
    return RedactionResult(
        source=source,
        output=out,
        format=doc.format,
        applied=len(edits),
        by_type=dict(Counter(e.type for e in edits)),
        removed_chars=sum(e.end - e.start for e in edits),
        preserved=check.preserved,
        repeated=sum(1 for e in edits if e.repeat),
    )


def rescan_with(reviewer: Any) -> Rescan:
    """The analyzer pass of the verification, from a built ``review.pipeline.Reviewer``: the
    findings the review would make of the copy's text, as (type, start, end, action)."""
    from gkreview.review.pipeline import make_findings

    def rescan(text: str) -> list[tuple[str, int, int, str]]:
        found = make_findings(text, reviewer.analyzer.analyze(text), reviewer.policy)
        return [(f.type, f.start, f.end, f.action) for f in found]

    return rescan


@functools.cache
def _default_rescan() -> Rescan:
    from gkreview.review.pipeline import Reviewer

    return rescan_with(Reviewer.build())


def _check_same_file(data: bytes, review: Mapping[str, Any], source: Path) -> None:
    expected = (review.get("document") or {}).get("sha256")
    actual = hashlib.sha256(data).hexdigest()
    if expected and expected != actual:
        raise ReviewMismatch(
            f"审查单是另一份文件的（sha256 不符）/ the review was made of another file: "
            f"review {expected[:12]}…, {source.name} {actual[:12]}…"
        )


def _writer_for(fmt: str, kept: set[str]) -> Any:
    if fmt == "txt":
        from gkreview.redact.writers.txt import write_txt

        return lambda data, doc, edits: write_txt(doc, edits)
    if fmt == "docx":
        from gkreview.redact.writers.docx import docx_cuts, sweep_pairs, write_package

        return lambda data, doc, edits: write_package(
            data, docx_cuts(doc, edits), sweep_pairs(edits, frozenset(kept))
        )
    if fmt == "pdf":
        from gkreview.redact.writers.pdf import write_pdf

        return write_pdf
    raise UnsupportedFormat(
        f"不支持写出 {fmt} 格式，请另存为 .docx 后重新审查 / no writer for {fmt}; "
        "save it as .docx and review it again"
    )


def _atomic_write(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gkreview-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def edits_for(doc: ExtractedDocument, review: Mapping[str, Any], all_proposed: bool) -> list[Edit]:
    """The edits a review makes on a document (for reports and tests)."""
    return plan_edits(doc.text, list(review.get("findings", [])), all_proposed)
