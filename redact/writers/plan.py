"""Which characters of the extracted text a de-identified copy replaces, and with what.

Pure logic over the review (the contract's JSON): the writers and the verification share it,
so that what is written and what is checked come from one list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any

FULL_BLOCK = "■"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (``original``) by ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    type: str  # the finding's entity type, printed in a PDF's redaction box
    finding_id: str
    repeat: bool = False  # another place of an approved finding's text, not itself a finding


class ReviewMismatch(ValueError):
    """The review does not describe this file (other sha256, offsets outside its text)."""


def applies(finding: Mapping[str, Any], all_proposed: bool) -> bool:
    """An officer's approval, or with ``all_proposed`` every proposal not rejected; never a
    finding recorded as ``keep`` (an official in his public role)."""
    if finding.get("action") == "keep":
        return False
    status = finding.get("status", "proposed")
    return status == "approved" or (all_proposed and status == "proposed")


def plan_edits(
    text: str, findings: Iterable[Mapping[str, Any]], all_proposed: bool = False
) -> list[Edit]:
    """The edits, sorted and without overlaps (of two overlapping findings the longer span is
    kept, so that no character of either is left)."""
    chosen: list[Edit] = []
    for f in findings:
        if not isinstance(f, Mapping):
            raise ReviewMismatch(f"a finding is not an object: {str(f)[:40]!r}")
        if not applies(f, all_proposed):
            continue
        try:
            start, end, type_ = int(f["start"]), int(f["end"]), str(f["type"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ReviewMismatch(
                f"finding {f.get('id')} has no valid start, end or type ({exc})"
            ) from None
        if not 0 <= start < end <= len(text):
            raise ReviewMismatch(f"finding {f.get('id')} [{start}, {end}) lies outside the text")
        original = text[start:end]
        if f.get("text") is not None and f["text"] != original:
            raise ReviewMismatch(
                f"finding {f.get('id')}: the review says {f['text']!r}, the file has {original!r}"
            )
        replacement = f.get("replacement")
        if replacement is None or replacement == original:
            replacement = FULL_BLOCK * (end - start)
        chosen.append(Edit(start, end, original, str(replacement), type_, str(f.get("id", ""))))
    return _merge_overlaps(chosen)


def repeat_edits(text: str, edits: Sequence[Edit], kept: Set[str]) -> list[Edit]:
    """``edits`` plus every other place where the text of one of them occurs, replaced alike.

    The verification refuses a copy in which an approved finding's text is still to be read
    anywhere (a name the analyzer found once but missed in a table row a PDF runs together),
    so the writers remove it there too, through the same offset map. A text the review also
    leaves in place (a rejected finding, an official kept) is not repeated, and neither is a
    single character (a surname alone would hit every other word)."""
    taken = [(e.start, e.end) for e in edits]
    added: list[Edit] = []
    for e in sorted(edits, key=lambda e: -(e.end - e.start)):
        value = e.original
        if len(value.strip()) < 2 or value in kept:
            continue
        at = text.find(value)
        while at >= 0:
            end = at + len(value)
            if not any(at < b and a < end for a, b in taken):
                added.append(Edit(at, end, value, e.replacement, e.type, e.finding_id, True))
                taken.append((at, end))
            at = text.find(value, at + 1)
    return _merge_overlaps([*edits, *added]) if added else list(edits)


def _merge_overlaps(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            last = out[-1]
            if e.end <= last.end:
                continue  # inside the previous one
            # Partial overlap: one edit covering both, fully blocked.
            end = e.end
            original = last.original + e.original[last.end - e.start :]
            out[-1] = Edit(
                last.start, end, original, FULL_BLOCK * (end - last.start), last.type,
                last.finding_id,
            )  # fmt: skip
            continue
        out.append(e)
    return out


def apply_to_text(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made (edits sorted, not overlapping)."""
    parts, pos = [], 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)
