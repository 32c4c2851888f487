"""Proof that a de-identified copy holds nothing it should not, before anyone gets it.

The output is read back with gkreview's own readers and checked three ways:
1. no removed string (an approved finding's original text) is left in its text, unless the
   review leaves the same string in place elsewhere (a rejected finding, an official kept);
2. for a docx, no removed string is left in any XML part either, counting the text that the
   reader does not show (deleted revisions, comments, field codes, properties);
3. the analyzer, run again on the output, finds nothing of an approved type that the review
   did not leave in place and that is not one of the replacements written.

It also measures how much of the other text survived, in order.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from lxml import etree

from gkreview.redact.writers.plan import FULL_BLOCK, Edit, applies, apply_to_text

# A finding found again in the output: (type, start, end, action).
Rescan = Callable[[str], Iterable[tuple[str, int, int, str]]]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_MIN_LEAK = 2  # one character (a surname alone) is no evidence of a leak
# In a PDF, text is re-extracted with a new layout and the boxes' labels, and a name or an
# address may be read where a row's cells now touch; there the rescan counts a name or an
# address only when it holds removed characters. Numbers with checksums count always.
_CHECKED_TYPES = frozenset(
    {"CN_ID_CARD", "PHONE_NUMBER", "BANK_CARD", "EMAIL_ADDRESS", "CN_PASSPORT",
     "LICENSE_PLATE", "IP_ADDRESS"}
)  # fmt: skip


@dataclass(slots=True)
class Verification:
    leaks: list[str] = field(default_factory=list)  # one line each, for a person
    preserved: float = 1.0  # share of the other characters found again, in order

    @property
    def ok(self) -> bool:
        return not self.leaks


def left_in_place(findings: Iterable[Mapping[str, Any]], all_proposed: bool) -> set[str]:
    """Texts the review keeps: rejected findings, kept officials, unapproved proposals."""
    return {str(f.get("text", "")) for f in findings if not applies(f, all_proposed)}


def verify_text(
    original: str,
    output: str,
    edits: Sequence[Edit],
    kept: set[str],
    rescan: Rescan | None = None,
    exact: bool = True,
) -> Verification:
    """``exact``: the output's text must be the original with the edits made, character for
    character (txt, docx); otherwise (pdf, whose boxes print the type and whose lines are
    re-extracted) any text the output has beyond that must share nothing with what was
    removed."""
    result = Verification()
    expected = apply_to_text(original, edits)
    if exact and output != expected:
        result.leaks.extend(_differences(expected, output, edits, strict=True))
    elif not exact:
        result.leaks.extend(_differences(expected, output, edits, strict=False))
    removed = {e.original for e in edits if len(e.original.strip()) >= _MIN_LEAK}
    for value in sorted(removed - kept):
        at = output.find(value)
        if at >= 0:
            result.leaks.append(f"“{value}”仍在输出文本中（第 {at} 字）")
    if rescan is not None:
        approved_types = {e.type for e in edits}
        replacements = {e.replacement for e in edits}
        scanned = output if exact else _blank_labels(output, approved_types)
        for type_, start, end, action in rescan(scanned):
            value = output[start:end]
            if type_ not in approved_types or action == "keep":
                continue
            if value in kept or value in replacements or len(value.strip()) < _MIN_LEAK:
                continue
            if any(value in r for r in replacements):
                continue
            if (
                not exact
                and type_ not in _CHECKED_TYPES
                and not any(_shares(value, e.original) for e in edits)
            ):
                continue  # a PDF's re-extracted layout, not a leak: see _CHECKED_TYPES
            result.leaks.append(f"重新扫描在输出中发现 {type_}“{value}”（第 {start} 字）")
    result.preserved = preserved_share(original, output, edits)
    return result


def _blank_labels(output: str, codes: set[str]) -> str:
    """A PDF's redaction boxes print the type code (PERSON): blanked before the rescan, so
    that a box beside 武清区 is not read as part of an address."""
    if not codes:
        return output
    pattern = re.compile("|".join(sorted(map(re.escape, codes), key=len, reverse=True)))
    return pattern.sub(lambda m: FULL_BLOCK * len(m.group()), output)


def _differences(expected: str, output: str, edits: Sequence[Edit], strict: bool) -> list[str]:
    """Text the output has and the expected copy has not, when it holds removed characters
    (strict: any such text at all)."""
    removed = [e.original for e in edits]
    problems: list[str] = []
    same = True
    for op, _, extra in diff_blocks(expected, output):
        same = same and op == "equal"
        if op not in ("insert", "replace"):
            continue
        leaked = any(_shares(extra, value) for value in removed)
        if leaked or (strict and extra):
            what = "含被处理的文字" if leaked else "与预期不符"
            problems.append(f"输出多出“{extra[:20]}”（{what}）")
    if strict and not problems and not same:
        problems.append("输出文字与预期不符（有文字缺失）")
    return problems


def _shares(extra: str, value: str, size: int = 2) -> bool:
    """Whether ``extra`` holds a run of ``size`` characters of ``value`` (all of it if shorter)."""
    value = _strip_space(value)
    if len(value) < size:
        return bool(value) and value in extra
    return any(value[i : i + size] in extra for i in range(len(value) - size + 1))


def verify_docx_parts(data: bytes, edits: Sequence[Edit], kept: set[str]) -> list[str]:
    """Removed strings in any XML part of the package: hidden text (deleted revisions,
    comments, field codes, properties) and attribute values (hyperlink targets, alt text)."""
    removed = {e.original for e in edits if len(e.original.strip()) >= _MIN_LEAK} - kept
    leaks: list[str] = []
    if not removed:
        return leaks
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.lower().endswith((".xlsx", ".xlsm", ".docx", ".docm", ".pptx")):
                nested = package.read(name)
                if zipfile.is_zipfile(io.BytesIO(nested)):
                    leaks += [f"{leak}（嵌入的 {name}）" for leak in
                              verify_docx_parts(nested, edits, kept)]  # fmt: skip
                continue
            if not name.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(package.read(name), _PARSER)
            text = "".join(root.itertext())
            attributes = "\n".join(v for el in root.iter() for v in el.attrib.values())
            for value in sorted(removed):
                if value in text:
                    leaks.append(f"“{value}”仍在 {name} 中")
                elif value in attributes:
                    leaks.append(f"“{value}”仍在 {name} 的属性中（如链接目标、替代文字）")
    return leaks


def preserved_share(original: str, output: str, edits: Sequence[Edit]) -> float:
    """The share of the characters no edit touched that the output still has, in order."""
    pieces, pos = [], 0
    for e in edits:
        pieces.append(original[pos : e.start])
        pos = e.end
    pieces.append(original[pos:])
    other = "".join(pieces)
    total = len(_strip_space(other))
    if not total:
        return 1.0
    matched = sum(len(a) for op, a, _ in diff_blocks(other, output) if op == "equal")
    return matched / total


_CHAR_DIFF_LIMIT = 20_000  # characters a side: beyond, difflib's junk heuristic keeps it fast


def diff_blocks(a_text: str, b_text: str) -> Iterator[tuple[str, str, str]]:
    """(op, a, b) blocks turning ``a_text`` into ``b_text``, spaces and line ends ignored.

    Two levels, so that a long document is compared in linear time when little differs: the
    lines (each without its spaces) first, then the characters of each changed group of
    lines only. A character diff of two whole documents is quadratic (a 100,000-character
    text took half a minute)."""
    a_lines = [line for line in map(_strip_space, a_text.splitlines()) if line]
    b_lines = [line for line in map(_strip_space, b_text.splitlines()) if line]
    matcher = SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = "".join(a_lines[i1:i2]), "".join(b_lines[j1:j2])
        if op == "equal" or not a or not b:
            yield op, a, b
            continue
        big = max(len(a), len(b)) > _CHAR_DIFF_LIMIT
        chars = SequenceMatcher(None, a, b, autojunk=big)
        for cop, ci1, ci2, cj1, cj2 in chars.get_opcodes():
            yield cop, a[ci1:ci2], b[cj1:cj2]


def _strip_space(text: str) -> str:
    """Spaces and line ends are layout (a PDF re-extracted wraps differently)."""
    return "".join(text.split())
