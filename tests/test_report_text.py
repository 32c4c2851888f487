"""The short Chinese text report: quotes of the evidence."""

from __future__ import annotations

from gkreview.review.report_text import _sentence_around


def test_evidence_spanning_lines_is_quoted_on_one_line() -> None:
    text = "青川县住房和城乡建设局\n关于邝海涛反映房屋质量问题的答复意见\n邝海涛：\n"
    end = text.index("答复意见") + 4
    assert (
        _sentence_around(text, 0, end)
        == "青川县住房和城乡建设局 关于邝海涛反映房屋质量问题的答复意见"
    )


def test_evidence_quote_is_the_sentence_around_it_and_cut_when_long() -> None:
    text = "前文。今年以来，我区发现疑似病例3例，其中患者住院治疗。后文"
    start = text.index("患者")
    assert (
        _sentence_around(text, start, start + 2)
        == "今年以来，我区发现疑似病例3例，其中患者住院治疗。"
    )
    assert _sentence_around("甲" * 100, 10, 12, limit=20) == "甲" * 19 + "…"
