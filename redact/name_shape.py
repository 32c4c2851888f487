"""What a Chinese personal name can look like, used to keep the NER's PERSON spans honest.

The statistical model sometimes runs a name on into the words after it (郑晓东参加了讨论) in
wording it has not seen. A name is a surname (single or compound) and one or two given
characters, a dotted transliteration (米热古丽·依明) or a Tibetan name; the name grammar of
the context recognizer says exactly that, so a model span is cut to the name it starts with.
"""

from __future__ import annotations

import regex

from gkreview.redact.recognizers.cn_person_context import NAME

_NAME = regex.compile(NAME)
MAX_UNCHECKED = 4  # a span this short that fits no grammar (a rare surname) is left alone


def trim_to_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name at the start of ``text[start:end]``, or None when it cannot be a name."""
    m = _NAME.match(text, start, end)
    if m is not None:
        return start, m.end()
    if end - start <= MAX_UNCHECKED:
        return start, end
    return None
