"""What an upload really is, judged from its bytes, never from its name or the browser's
Content-Type: a PDF starts with ``%PDF-``; a DOCX is a ZIP holding ``word/document.xml``;
plain text has no NUL byte and decodes (UTF-8, UTF-16 with a BOM, or GB18030)."""

from __future__ import annotations

import io
import zipfile

ACCEPTED = ("docx", "pdf", "txt")


class UnacceptedUpload(ValueError):
    """Not a docx, pdf or txt; the message is for a person."""


def sniff(data: bytes) -> str:
    """``docx``, ``pdf`` or ``txt``; raises ``UnacceptedUpload`` for anything else."""
    if not data:
        raise UnacceptedUpload("文件是空的 / the file is empty")
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise UnacceptedUpload("ZIP 文件已损坏 / a damaged ZIP archive") from None
        if "word/document.xml" in names:
            return "docx"
        raise UnacceptedUpload("这是 ZIP 压缩包，不是 Word 文档 / a ZIP archive, not a .docx")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnacceptedUpload(
            "这是旧版 Word (.doc) 文件：请另存为 .docx，或用 gkreview check/batch 审查"
            " / an old .doc: save it as .docx, or review it with gkreview check"
        )
    if _is_text(data):
        return "txt"
    raise UnacceptedUpload("只接受 docx、pdf 或 txt 文件 / only docx, pdf or txt is accepted")


def _is_text(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError:
            return False
        return True
    if b"\x00" in data:
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
        return controls <= len(text) // 100
    return False
