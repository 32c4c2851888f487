"""The verification's text checks on their own: the share of other characters kept is counted
exactly, in order, and a removed string or a fragment of one is found anywhere in a long copy."""

from __future__ import annotations

import random

from gkreview.redact.writers.plan import FULL_BLOCK, apply_to_text, plan_edits
from gkreview.redact.writers.verify import diff_blocks, preserved_share, verify_text

NAME = "王建国"


def long_text(lines: int, seed: int = 5) -> str:
    """Many lines of ordinary text, one of them naming a person."""
    rng = random.Random(seed)
    words = ["本机关", "依法", "作出", "决定", "如下", "经查", "属实", "特此", "通知", "。"]
    body = ["".join(rng.choice(words) for _ in range(12)) for _ in range(lines)]
    body[lines // 2] = f"当事人{NAME}，住东村三组。"
    return "\n".join(body) + "\n"


def edits_for(text: str) -> list:
    start = text.index(NAME)
    finding = {
        "id": "f1", "type": "PERSON", "start": start, "end": start + len(NAME),
        "text": NAME, "action": "pseudonymize", "replacement": "王某某", "status": "approved",
    }  # fmt: skip
    return plan_edits(text, [finding])


def test_writers_verify_preserved_share_counts_lost_characters() -> None:
    text = long_text(3000)
    edits = edits_for(text)
    output = apply_to_text(text, edits)
    assert preserved_share(text, output, edits) == 1.0

    other = len("".join(text.split())) - len(NAME)
    lost_line = output.splitlines()[10]
    damaged = output.replace(lost_line + "\n", "", 1)  # a whole line dropped
    expected = (other - len(lost_line)) / other
    assert abs(preserved_share(text, damaged, edits) - expected) < 1e-9

    reflowed = output.replace("\n", "")  # a different line layout loses nothing
    assert preserved_share(text, reflowed, edits) == 1.0


def test_writers_verify_finds_a_fragment_left_deep_in_a_long_copy() -> None:
    text = long_text(3000)
    edits = edits_for(text)
    good = apply_to_text(text, edits)
    assert verify_text(text, good, edits, set()).ok

    # The writer kept the last two characters of the name after its replacement.
    leaky = good.replace("王某某", "王某某建国", 1)
    result = verify_text(text, leaky, edits, set(), exact=False)
    assert not result.ok
    assert any("建国" in leak for leak in result.leaks)

    blocked = good.replace("王某某", FULL_BLOCK * 3, 1)  # not what the review asked
    assert not verify_text(text, blocked, edits, set(), exact=True).ok


def test_writers_verify_diff_blocks_rebuild_both_texts() -> None:
    a = "第一行\n第二行有王建国\n第三行\n"
    b = "第一行\n第二行有王某某\n第 三 行\n第四行\n"
    blocks = list(diff_blocks(a, b))
    assert "".join(x for _, x, _ in blocks) == "".join(a.split())
    assert "".join(y for _, _, y in blocks) == "".join(b.split())
    assert ("replace", "建国", "某某") in blocks
