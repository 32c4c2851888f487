"""Document metadata from extracted text: 标题, 文号, 发文机关, 成文日期, 密级, 份号, 文种, 附注.

Why this exists: the disclosure rules must look at a document's *structure* (its title and
文种, the header lines, the 主送机关, the 附注) rather than at a keyword anywhere in the text,
and every value must keep its span so that a reason can cite the exact characters it rests on.
GB/T 9704-2012 (党政机关公文格式) fixes where each element sits, which is what makes this
possible with plain functions: 份号, 密级和保密期限 and 紧急程度 at the top left; the red
发文机关标志 ("XX人民政府文件"); the 发文字号; the title; the 主送机关 ending in a colon; the
body; the signature and 成文日期 near the end; then the 附注 in brackets.

Everything is matched on a width-folded copy of the text (full-width digits and punctuation
turned half-width, one character for one character), so offsets found there are offsets in
the original text, which is never changed. Values are normalised (ISO dates, half-width
digits); spans always satisfy ``text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date as _date
from typing import Any, Literal

from gkreview.ingest.normalize import fold_width

__all__ = [
    "DOC_TYPES",
    "DocumentMetadata",
    "ExistingMarking",
    "InternalMarking",
    "SecrecyMarking",
    "Span",
    "extract_metadata",
    "fold_width",
]

# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value was read: ``text[start:end] == text`` of the document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SecrecyMarking:
    """A state-secret marking (密级和保密期限), e.g. ``机密★10年``; ``period`` None if absent."""

    level: Literal["绝密", "机密", "秘密"]
    period: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class InternalMarking:
    """A 工作秘密 marking (``内部``, ``内部事项``, ``工作秘密``): not a state secret, no star."""

    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExistingMarking:
    """A printed 附注 such as ``（此件公开发布）`` and the attribute it states."""

    attribute: Literal["public", "on_request", "not_public"]
    marking: str  # normalised: 此件公开发布 | 此件依申请公开 | 此件不予公开
    text: str
    start: int
    end: int


@dataclass(slots=True)
class DocumentMetadata:
    """What the rules and the review record need to know about a document's structure."""

    title: str | None = None
    title_span: Span | None = None
    doc_number: str | None = None
    doc_number_span: Span | None = None
    issuer: str | None = None
    issuer_span: Span | None = None
    date: str | None = None  # ISO 8601
    date_span: Span | None = None
    secrecy: SecrecyMarking | None = None
    internal_marking: InternalMarking | None = None
    copy_number: str | None = None
    copy_number_span: Span | None = None
    doc_type: str | None = None
    doc_type_span: Span | None = None
    addressee: str | None = None  # 主送机关, without the colon
    addressee_span: Span | None = None
    existing_marking: ExistingMarking | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (spans as ``{start, end, text}``)."""
        return asdict(self)


# --------------------------------------------------------------------------- vocabulary

_DOC_TYPE_WORDS = """
    通知 通报 意见 决定 决议 命令 令 公报 批复 请示 报告 函 复函 会议纪要 纪要 会议记录
    公告 通告 公示 议案 方案 实施方案 要点 工作要点 规划 纲要 计划 办法 规定 条例 细则
    实施细则 规则 章程 应急预案 预案 行政处罚决定书 处罚决定书 行政许可决定书
    不予行政许可决定书 决定书 告知书 询问笔录 讯问笔录 调查笔录 勘验笔录 现场检查笔录
    现场检查记录 笔录 评标报告 总结 说明 病历
"""
#: 文种 recognised at the end of a title, longest first so that 复函 wins over 函.
DOC_TYPES: tuple[str, ...] = tuple(sorted(set(_DOC_TYPE_WORDS.split()), key=lambda w: (-len(w), w)))
# Folded forms of 文种 that are named by a shorter canonical word.
_DOC_TYPE_CANONICAL = {"实施方案": "方案", "工作要点": "要点", "实施细则": "细则"}

_LEVELS = "绝密|机密|秘密"
_PERIOD = r"长期|\d+\s*个月|\d+\s*年(?:\s*\d+\s*月(?:\s*\d+\s*日)?)?"
_STAR_MARK = re.compile(rf"({_LEVELS})\s*★\s*({_PERIOD})?")
_INTERNAL_WORDS = ("内部事项", "工作秘密", "内部资料", "内部文件", "内部")
_URGENCY = {"特急", "加急", "平急", "特提", "急件", "紧急"}
_HEADER_TOKEN = re.compile(
    rf"^(?:\d{{6}}|份号:?\d*|(?:{_LEVELS})(?:★.*)?|★?(?:{_PERIOD})|★"
    r"|内部事项|工作秘密|内部资料|内部文件|内部|注意保存|注意保管"
    r"|特急|加急|平急|特提|急件|紧急|密级:?\S*|紧急程度:?\S*)$"
)
_COPY_LABEL = re.compile(r"份号\s*:?\s*(\d{1,8})")

_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{1,12})\s*[〔\[(【]\s*(\d{4})\s*[〕\])】]\s*(第?\s*\d+\s*号)"
)
_DIGIT_CN = {c: 0 for c in "〇○零Oo0Ο"} | {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_DATE_ARABIC = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CHINESE = re.compile(
    r"([〇○零Oo0Ο一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
_EXISTING = re.compile(
    r"\(\s*此\s*件\s*(公开发布|主动公开|依申请公开|不予公开|不公开)\s*(?:[,;:，；：][^()\n]{0,80})?\)"
)
_EXISTING_ATTRIBUTE = {
    "公开发布": ("public", "此件公开发布"),
    "主动公开": ("public", "此件公开发布"),
    "依申请公开": ("on_request", "此件依申请公开"),
    "不予公开": ("not_public", "此件不予公开"),
    "不公开": ("not_public", "此件不予公开"),
}
_SENTENCE_PUNCT = re.compile(r"[。,;:!?，；：！？“”《》]")
_PROSE_PUNCT = re.compile(r"[。,;!?，；！？“”《》]")  # a 密级 line may say 份号： or 密级：
# Last character of an organisation's name (人民政府, 办公厅, 委员会, 局, 公司, 街道办事处 …).
_ORG_END = set("府厅室会委局部院署心办处科所站队组司馆社团行庭镇乡道校学狱关盟")
_SEPARATOR = re.compile(r"^[─━—\-_=*·…★]+$")
_ISSUE_NO = re.compile(r"^\(?第[\d一二三四五六七八九十百]+[期次号]\)?$")
_DRAFT_NOTE = re.compile(r"^\((?:[^()]*(?:征求意见稿|草案|送审稿|讨论稿|试行|暂行|修订)[^()]*)\)$")
_TRAILING_PARENS = re.compile(r"(?:\([^()]*\))+$")
_TOP_LINES = 15


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line, its surrounding whitespace trimmed (``\\r``, tabs, 全角空格 too)."""

    start: int
    end: int
    folded: str  # folded text of [start, end)

    @property
    def compact(self) -> str:
        return "".join(self.folded.split())


def _lines(folded: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in folded.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _is_header_line(line: _Line) -> bool:
    """份号 / 密级 / 紧急程度 / 内部 tokens, separators, 签发人, red header, 文号 or 期号 lines."""
    tokens = line.folded.split()
    if all(_HEADER_TOKEN.match(t) for t in tokens):
        return True
    compact = line.compact
    return bool(
        _SEPARATOR.match(compact)
        or _ISSUE_NO.match(compact)
        or "签发人" in compact
        or _red_header_issuer(line) is not None
        or _doc_number_in_line(line) is not None
    )


def _red_header_issuer(line: _Line) -> str | None:
    """``天津市人民政府办公厅文件`` → ``天津市人民政府办公厅``; None if not a red header."""
    compact = line.compact
    if not (4 <= len(compact) <= 32 and compact.endswith("文件")):
        return None
    issuer = compact[:-2]
    if _SENTENCE_PUNCT.search(issuer) or issuer[-1] not in _ORG_END:
        return None
    return issuer


def _doc_number_in_line(line: _Line) -> re.Match[str] | None:
    """A 文号 standing on a header line (short, not a citation inside 《》 or a sentence)."""
    if len(line.compact) > 48 or "《" in line.folded or "。" in line.folded:
        return None
    return _DOC_NUMBER.search(line.folded)


def _is_addressee_line(line: _Line) -> bool:
    return line.folded.endswith(":") and "。" not in line.folded and len(line.compact) <= 100


def _is_body_line(line: _Line) -> bool:
    return "。" in line.folded or len(line.compact) > 60


def _is_date_line(line: _Line) -> bool:
    compact = line.compact
    return bool(_DATE_ARABIC.fullmatch(compact) or _DATE_CHINESE.fullmatch(compact))


# --------------------------------------------------------------------------- title, 文种


def _doc_type_of(title_compact: str) -> str | None:
    core = _TRAILING_PARENS.sub("", title_compact)
    for word in DOC_TYPES:
        if core.endswith(word):
            return _DOC_TYPE_CANONICAL.get(word, word)
    return None


def _title_lines(lines: list[_Line]) -> list[_Line]:
    """The title: the first top group of lines that ends in a 文种 or says 关于.

    A title may wrap over up to three lines (``关于印发…`` / ``的通知``) and may be followed
    by a draft note such as ``（征求意见稿）``. Header lines (red header, 文号, 密级) are
    skipped; the search stops at the 主送机关 or the first body paragraph. If no group ends in a
    文种, the first short group is taken.
    """
    top = lines[:_TOP_LINES]
    fallback: list[_Line] = []
    i = 0
    while i < len(top):
        line = top[i]
        if _is_addressee_line(line) or _is_body_line(line):
            break
        if _is_header_line(line) or _is_date_line(line) or _EXISTING.match(line.folded):
            i += 1
            continue
        group = [line]
        j = i + 1
        while (
            j < len(top)
            and len(group) < 3
            and _doc_type_of("".join(g.compact for g in group)) is None
            and _title_continues(top[j])
        ):
            group.append(top[j])
            j += 1
        if j < len(top) and _DRAFT_NOTE.match(top[j].compact):
            group.append(top[j])
            j += 1
        joined = "".join(g.compact for g in group)
        if _doc_type_of(joined) is not None or "关于" in joined:
            return group
        if not fallback and len(joined) <= 50:
            fallback = group
        i = j
    return fallback


def _title_continues(line: _Line) -> bool:
    return not (
        _is_addressee_line(line)
        or _is_body_line(line)
        or _is_header_line(line)
        or _is_date_line(line)
        or len(line.compact) > 40
    )


def _doc_type_span(text: str, folded: str, title: Span, doc_type: str) -> Span | None:
    """Where the 文种 word sits in the title (the last occurrence, spaces or a wrap allowed)."""
    for word in DOC_TYPES:  # longest first: 实施方案 before 方案
        if _DOC_TYPE_CANONICAL.get(word, word) != doc_type:
            continue
        pattern = re.compile(r"\s*".join(map(re.escape, word)))
        matches = list(pattern.finditer(folded, title.start, title.end))
        if matches:
            return _span(text, matches[-1].start(), matches[-1].end())
    return None


# --------------------------------------------------------------------------- markings


def _secrecy(text: str, top: list[_Line]) -> SecrecyMarking | None:
    """A level with ★ on a short top line, or a level alone on a header line."""
    for line in top:
        if len(line.compact) <= 30 and not _PROSE_PUNCT.search(line.folded):
            m = _STAR_MARK.search(line.folded)
            if m:
                start, end = line.start + m.start(), line.start + m.end()
                period = "".join(m.group(2).split()) if m.group(2) else None
                return SecrecyMarking(m.group(1), period, text[start:end], start, end)  # type: ignore[arg-type]
        tokens = line.folded.split()
        if tokens and all(_HEADER_TOKEN.match(t) for t in tokens):
            for m in re.finditer(r"\S+", line.folded):
                if m.group() in ("绝密", "机密", "秘密"):
                    start, end = line.start + m.start(), line.start + m.end()
                    return SecrecyMarking(m.group(), None, text[start:end], start, end)  # type: ignore[arg-type]
    return None


def _internal(text: str, top: list[_Line]) -> InternalMarking | None:
    """``内部`` / ``内部事项`` / ``工作秘密`` as a token of a header line (never in prose)."""
    for line in top:
        tokens = line.folded.split()
        if not tokens or not all(_HEADER_TOKEN.match(t) for t in tokens):
            continue
        for m in re.finditer(r"\S+", line.folded):
            if m.group() in _INTERNAL_WORDS:
                start, end = line.start + m.start(), line.start + m.end()
                return InternalMarking(m.group(), text[start:end], start, end)
    return None


def _copy_number(text: str, top: list[_Line]) -> Span | None:
    """``份号：000123``, or a 6-digit serial as the first token of a header line."""
    for line in top[:6]:
        labelled = _COPY_LABEL.search(line.folded)
        if labelled:
            return _span(text, line.start + labelled.start(1), line.start + labelled.end(1))
        tokens = line.folded.split()
        if tokens and all(_HEADER_TOKEN.match(t) for t in tokens):
            first = re.match(r"\d{6}(?=\s|$)", line.folded)
            if first:
                return _span(text, line.start, line.start + 6)
    return None


def _existing_marking(text: str, folded: str, lines: list[_Line]) -> ExistingMarking | None:
    """The last 附注 line ``（此件…）`` (it must open its line: a quotation in prose is not one)."""
    for line in reversed(lines):
        m = _EXISTING.match(line.folded)
        if m:
            attribute, marking = _EXISTING_ATTRIBUTE[m.group(1)]
            start, end = line.start, line.start + m.end()
            return ExistingMarking(attribute, marking, text[start:end], start, end)  # type: ignore[arg-type]
    return None


# --------------------------------------------------------------------------- date, issuer


def _cn_small_number(s: str) -> int:
    """一 … 三十一 (month or day written in Chinese numerals)."""
    if "十" not in s:
        return _DIGIT_CN[s] if len(s) == 1 else -1
    tens, _, units = s.partition("十")
    value = (_DIGIT_CN.get(tens, -1) if tens else 1) * 10
    return value + (_DIGIT_CN.get(units, -100) if units else 0)


def parse_date(s: str) -> str | None:
    """``2017年3月12日`` or ``二〇一七年三月十二日`` (folded) → ``2017-03-12``; None if invalid."""
    compact = "".join(fold_width(s).split())
    m = _DATE_ARABIC.fullmatch(compact)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DATE_CHINESE.fullmatch(compact)
        if not m:
            return None
        y = int("".join(str(_DIGIT_CN[c]) for c in m.group(1)))
        mo, d = _cn_small_number(m.group(2)), _cn_small_number(m.group(3))
    try:
        return _date(y, mo, d).isoformat()
    except ValueError:
        return None


def _is_org_line(line: _Line) -> bool:
    """A signature line: one or more organisation names, no sentence punctuation."""
    names = line.folded.split()
    return bool(names) and all(
        2 <= len(n) <= 40 and not _SENTENCE_PUNCT.search(n) and n[-1] in _ORG_END for n in names
    )


def _signature(lines: list[_Line], date_index: int) -> list[_Line]:
    """The organisation lines directly above the date line (joint issuers: several)."""
    sig: list[_Line] = []
    k = date_index - 1
    while k >= 0 and len(sig) < 4 and _is_org_line(lines[k]):
        sig.insert(0, lines[k])
        k -= 1
    return sig


def _date_and_signature(lines: list[_Line], after: int) -> tuple[int | None, list[_Line]]:
    """Index of the signing-date line and its signature lines.

    A date line with a signature above it wins (the last one); otherwise the last date-only
    line in the second half of the document. Date lines in the 版记 (``…印发``) are not
    date-only and are never taken.
    """
    candidates = [i for i in range(len(lines)) if i > after and _is_date_line(lines[i])]
    for i in reversed(candidates):
        sig = _signature(lines, i)
        if sig:
            return i, sig
    half = lines[len(lines) // 2].start if lines else 0
    late = [i for i in candidates if lines[i].start >= half]
    return (late[-1], []) if late else (None, [])


# --------------------------------------------------------------------------- main entry


def extract_metadata(text: str) -> DocumentMetadata:
    """Read the structural metadata of one document from its extracted text (pure)."""
    folded = fold_width(text)
    lines = _lines(folded)
    top = lines[:_TOP_LINES]
    meta = DocumentMetadata()

    title = _title_lines(lines)
    title_index = lines.index(title[-1]) if title else -1
    head = lines[: lines.index(title[0])] if title else top[:10]
    if title:
        meta.title = "".join(_title_piece(text[g.start : g.end]) for g in title)
        meta.title_span = _span(text, title[0].start, title[-1].end)
        meta.doc_type = _doc_type_of("".join(g.compact for g in title))
        if meta.doc_type:
            meta.doc_type_span = _doc_type_span(text, folded, meta.title_span, meta.doc_type)

    meta.secrecy = _secrecy(text, head)
    meta.internal_marking = _internal(text, head)
    copy = _copy_number(text, head)
    if copy:
        meta.copy_number, meta.copy_number_span = fold_width(copy.text), copy

    for line in top[: title_index + 3] if title else top:
        m = _doc_number_in_line(line)
        if m:
            start, end = line.start + m.start(), line.start + m.end()
            meta.doc_number = "".join(fold_width(text[start:end]).split())
            meta.doc_number_span = _span(text, start, end)
            break

    _addressee(meta, text, lines, title_index)

    date_index, signature = _date_and_signature(lines, title_index)
    if date_index is not None:
        d = lines[date_index]
        meta.date = parse_date(d.folded)
        meta.date_span = _span(text, d.start, d.end)
    else:
        _minutes_header(meta, text, lines[title_index + 1 : title_index + 4] if title else [])
    if signature:
        meta.issuer = "、".join(n for line in signature for n in line.folded.split())
        meta.issuer_span = _span(text, signature[0].start, signature[-1].end)
    elif meta.issuer is None:
        for line in top[:6]:
            issuer = _red_header_issuer(line)
            if issuer:
                wen = folded.rindex("文", line.start, line.end)
                meta.issuer = issuer
                meta.issuer_span = _span(text, line.start, len(folded[:wen].rstrip()))
                break

    meta.existing_marking = _existing_marking(text, folded, lines)
    return meta


def _minutes_header(meta: DocumentMetadata, text: str, lines: list[_Line]) -> None:
    """A 纪要 has no signature: ``天津市人民政府办公厅    2021年3月12日`` under its title."""
    for line in lines:
        m = re.fullmatch(r"(\S+)\s+(\S.*)", line.folded)
        if not m or not _is_org_line(_Line(line.start, line.start + m.end(1), m.group(1))):
            continue
        iso = parse_date(m.group(2))
        if iso:
            start = line.start + m.start(2)
            meta.date, meta.date_span = iso, _span(text, start, line.end)
            meta.issuer = m.group(1)
            meta.issuer_span = _span(text, line.start, line.start + m.end(1))
            return


def _title_piece(line: str) -> str:
    """A title line without the spaces that pad CJK characters (``通  知``); words keep theirs."""
    if re.search(r"[A-Za-z0-9]\s+[A-Za-z0-9]", fold_width(line)):
        return line
    return "".join(line.split())


_RECIPIENT_ENDS = (*_ORG_END, *"位门构织民人员", "同志", "先生", "女士", "群众")


def _names_recipients(folded: str) -> bool:
    """Every comma-separated item names an organisation or a person (``3月10日，…`` does not)."""
    items = [i for i in re.split(r"[,，、;；\s]+", folded) if i]
    return bool(items) and all(
        i.endswith(_RECIPIENT_ENDS) or re.fullmatch(r"[\u4e00-\u9fff]{2,4}", i) for i in items
    )


def _addressee(meta: DocumentMetadata, text: str, lines: list[_Line], title_index: int) -> None:
    """The 主送机关: a colon-ended line within three lines after the title (may wrap once)."""
    if title_index < 0:
        return
    for k in range(title_index + 1, min(title_index + 4, len(lines))):
        line = lines[k]
        if _is_addressee_line(line) and _names_recipients(line.folded[:-1]):
            first = line
            prev = lines[k - 1]
            if (
                k - 1 > title_index
                and prev.folded.endswith((",", "、"))
                and not _is_body_line(prev)
            ):
                first = prev
            meta.addressee = "".join(text[first.start : line.end - 1].split())
            meta.addressee_span = _span(text, first.start, line.end - 1)
            return
        if _is_body_line(line):
            return
