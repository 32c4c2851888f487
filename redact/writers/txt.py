"""The de-identified copy of a plain-text file, in the file's own encoding.

The txt reader keeps the decoded content unchanged, so the review's offsets index it
directly, and names the encoding so that ``text.encode(encoding)`` writes a BOM exactly when
the source had one.
"""

from __future__ import annotations

from collections.abc import Sequence

from gkreview.ingest.document import ExtractedDocument
from gkreview.redact.writers.plan import Edit, apply_to_text


class UnencodableReplacement(ValueError):
    """A replacement has characters the file's encoding cannot hold (■ in a GBK file can)."""


def write_txt(doc: ExtractedDocument, edits: Sequence[Edit]) -> bytes:
    encoding = doc.encoding or "utf-8"
    text = apply_to_text(doc.text, edits)
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise UnencodableReplacement(
            f"替换文字“{exc.object[exc.start : exc.end]}”无法用 {encoding} 编码 / "
            f"a replacement cannot be written in {encoding}"
        ) from exc
