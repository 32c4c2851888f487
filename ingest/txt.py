"""Plain-text reader: find the encoding, decode, keep every character as it is.

The decoded text is returned unchanged (line endings, full-width characters and spaces stay;
only a byte-order mark is removed), so the offset map is the identity and a writer can
re-encode the redacted text with ``encoding`` to get an equivalent file back: the encoding
names are chosen so that ``text.encode(encoding)`` writes a BOM exactly when the source had
one ("utf-8-sig", "utf-16", "utf-32"; BOM-less UTF-16 is "utf-16-le"/"utf-16-be").

Order of detection:

1. byte-order mark (UTF-32, UTF-8, UTF-16);
2. NUL bytes: BOM-less UTF-16 if the NULs fall on alternate bytes, otherwise binary;
3. strict UTF-8, unless the result looks like GBK misread as UTF-8 (see below);
4. ``chardet``, trusted when its confidence is at least ``_CONFIDENT``;
5. strict GB18030 when the result is mostly Chinese;
6. ``chardet``'s low-confidence answer if at least ``_PLAUSIBLE``; otherwise ``ReadError``
   (chardet 7 gives short French or Russian texts 0.1-0.2, random bytes well under 0.05).

Why the GB18030 fallback: on short Chinese texts (a title of ten characters is twenty bytes)
chardet answers GB18030 with a confidence of 0.05-0.4, or sometimes another encoding, while
a strict GB18030 decode that yields Chinese characters is almost never wrong for documents
of mainland government bodies. Likewise a few GBK bytes can form valid UTF-8 (GBK "通知" is
valid UTF-8 for two Hebrew/combining marks), so a UTF-8 result made only of such unlikely
two-byte characters is re-tried as GB18030.
"""

from __future__ import annotations

import codecs
import unicodedata

import chardet

from gkreview.ingest.document import ExtractedDocument, ReadError
from gkreview.ingest.offsets import OffsetMap

_CONFIDENT = 0.5  # below this, chardet's answer loses to a strict GB18030 decode
_PLAUSIBLE = 0.1  # below this, chardet is guessing: binary or a mix of encodings
_MOSTLY_CJK = 0.6  # share of non-ASCII characters that must read as simplified Chinese
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz"}

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Pinyin letters with tone marks (GB2312 row 8), as in romanised names.
_PINYIN = frozenset("āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜüêńňǹɑɡ")

# Control characters that do occur in real text files.
_TEXT_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1a\x1b")


def read_txt(data: bytes, name: str) -> ExtractedDocument:
    """Decode a plain-text file; the text is the file's content, unchanged but for the BOM."""
    text, encoding = decode_text(data, name)
    return ExtractedDocument(
        text=text,
        offsets=OffsetMap.identity(len(text)),
        format="txt",
        encoding=encoding,
    )


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``ReadError`` for binary or undecodable data."""
    if not data:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ReadError(
                f"{name}：文件含二进制数据（NUL 字节），不是纯文本，请确认文件类型 / "
                "file contains binary data (NUL bytes), not plain text; check the file type"
            )
        return _checked(utf16[0], name), utf16[1]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _misdecoded_gbk(text):
            return _checked(text, name), "utf-8"
        gb = _try_decode(data, "gb18030")
        if gb is not None and _mostly_cjk(gb):
            return _checked(gb, name), "gb18030"
        return _checked(text, name), "utf-8"
    return _detect(data, name)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    guess = chardet.detect(data)
    encoding = _normalise(guess.get("encoding"))
    confidence = float(guess.get("confidence") or 0.0)
    guessed = _try_decode(data, encoding)
    if encoding is not None and guessed is not None and confidence >= _CONFIDENT:
        return _checked(guessed, name), encoding
    gb = _try_decode(data, "gb18030")
    if gb is not None and _mostly_cjk(gb):
        return _checked(gb, name), "gb18030"
    if encoding is not None and guessed is not None and confidence >= _PLAUSIBLE:
        return _checked(guessed, name), encoding
    raise ReadError(
        f"{name}：无法识别文本编码，请另存为 UTF-8 后重试 / "
        "cannot determine the text encoding; save the file as UTF-8 and retry"
    )


def _normalise(encoding: str | None) -> str | None:
    """Python's codec name for chardet's answer; the GB family becomes its superset gb18030."""
    if not encoding:
        return None
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return None
    if codec in _GB_FAMILY:
        return "gb18030"
    if codec == "ascii":
        return "utf-8"
    return codec.replace("_", "-")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{name}：按 {encoding} 解码时第 {exc.start} 字节无效，文件可能已损坏 / "
            f"invalid {encoding} data at byte {exc.start}; the file may be damaged"
        ) from exc


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for BOM-less UTF-16, else None.

    In UTF-16 the NUL bytes are the high bytes of ASCII characters, so they all fall on one
    parity (odd offsets for little-endian); binary data has NULs everywhere. The decoded
    text must also read as text. UTF-16 without any ASCII has no NUL at all and is left to
    chardet (Windows tools write a BOM, so this is rare).
    """
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if even_nuls and odd_nuls:
        return None
    encoding = "utf-16-le" if odd_nuls else "utf-16-be"
    text = _try_decode(data, encoding)
    if text is None:
        return None
    readable = sum(
        1 for ch in text if ch.isprintable() or ch in _TEXT_CONTROLS or _is_chinese_text_char(ch)
    )
    return (text, encoding) if readable >= 0.95 * len(text) else None


def _checked(text: str, name: str) -> str:
    """Reject decoded text that is mostly control characters: binary that happened to decode."""
    bad = sum(1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc")
    if bad > max(2, len(text) // 50):
        raise ReadError(
            f"{name}：文件含大量控制字符，不像纯文本，请确认文件类型 / "
            "file is full of control characters, not plain text; check the file type"
        )
    return text


def _is_chinese_text_char(ch: str) -> bool:
    """Characters a GB-encoded Chinese document is made of (ideographs, CJK punctuation...)."""
    cp = ord(ch)
    return (
        0x3400 <= cp <= 0x9FFF  # CJK ideographs and extension A
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= cp <= 0x3FFFF  # extensions B and later (GB18030 four-byte)
        or 0x3000 <= cp <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
        or 0x2010 <= cp <= 0x206F  # general punctuation: — “ ” ‘ ’ …
        or 0x2100 <= cp <= 0x25FF  # letterlike, numerals Ⅰ, ①, arrows, box drawing, shapes
        or 0x3200 <= cp <= 0x33FF  # enclosed CJK, CJK compatibility (㈠, ㎡)
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or cp in (0x00B7, 0x00D7, 0x00F7, 0x00A7, 0x00B0)  # · × ÷ § °
        or ch in _PINYIN
    )


def _mostly_cjk(text: str) -> bool:
    """True if the non-ASCII characters read as simplified Chinese.

    Ideographs must be in GB2312 (the 6,763 common simplified characters): Big5 or other
    double-byte text also decodes as GB18030, but into rare and traditional ideographs,
    kana and symbols, scoring under 0.35 where real text scores 0.8-1.0 (rare name
    characters such as 喆 or 堃 are outside GB2312 and lower the score a little).
    """
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return False
    chinese = sum(1 for ch in non_ascii if _is_chinese_text_char(ch) and _common(ch))
    return chinese >= _MOSTLY_CJK * len(non_ascii)


def _common(ch: str) -> bool:
    """False for ideographs outside GB2312; True for every other character."""
    cp = ord(ch)
    if not (0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000):
        return True
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _unlikely_two_byte_char(ch: str) -> bool:
    """UTF-8 two-byte characters that GBK byte pairs turn into, but real documents seldom hold."""
    cp = ord(ch)
    return (
        0x80 <= cp <= 0x9F  # C1 controls
        or 0x0250 <= cp <= 0x036F  # IPA, spacing modifiers, combining diacritics
        or 0x0530 <= cp <= 0x07FF  # Armenian, Hebrew, Arabic, Syriac, Thaana, NKo
    )


def _misdecoded_gbk(text: str) -> bool:
    """True if valid UTF-8 is more likely GBK: only two-byte characters, most of them unlikely."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii or any(ord(ch) >= 0x800 for ch in non_ascii):
        return False
    unlikely = sum(1 for ch in non_ascii if _unlikely_two_byte_char(ch))
    return unlikely * 2 >= len(non_ascii)
