"""Names, addresses and birth dates in a review: flagged for private persons, kept for officials."""

from __future__ import annotations

from gkreview.review.pipeline import Reviewer


def _id_number(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


ID = _id_number("11010119850312001")
DECISION = (
    "行政处罚决定书\n"
    f"当事人：欧阳明远，男，1985年3月12日出生，公民身份号码{ID}，"
    "住湖北省武汉市洪山区珞南街道广八路12号3栋2单元501室。\n"
    "经查，当事人于2023年5月在经营中存在违法行为。\n"
    "本案由执法人员办理，镇长王建国签发。\n"
)


def _findings(reviewer: Reviewer, text: str) -> dict[str, dict]:
    review = reviewer.review_extracted(_doc(text), name="t.txt", sha256="0" * 64)
    return {f.text: f for f in review.findings}


def _doc(text: str):  # type: ignore[no-untyped-def]
    from gkreview.ingest.document import ExtractedDocument
    from gkreview.ingest.offsets import OffsetMap

    return ExtractedDocument(text, OffsetMap.identity(len(text)), "txt")


def test_review_private_person_pseudonymised_official_kept(reviewer: Reviewer) -> None:
    found = _findings(reviewer, DECISION)
    party = found["欧阳明远"]
    assert party.type == "PERSON" and party.action == "pseudonymize"
    # surname + 某 + a stem keyed by the salt (张某甲, 张某乙 …): redact.operators.pseudonym
    assert party.replacement is not None and party.replacement.startswith("欧阳某")
    assert len(party.replacement) == 4
    official = found["王建国"]
    assert official.type == "PERSON" and official.action == "keep"
    assert official.replacement is None and "镇长" in official.explanation


def test_review_address_cut_to_street_and_birth_year_kept(reviewer: Reviewer) -> None:
    found = _findings(reviewer, DECISION)
    address = found["湖北省武汉市洪山区珞南街道广八路12号3栋2单元501室"]
    assert address.type == "ADDRESS" and address.replacement == "湖北省武汉市洪山区珞南街道"
    birth = found["1985年3月12日"]
    assert birth.type == "DATE_OF_BIRTH" and birth.replacement == "1985年"
    assert found[ID].type == "CN_ID_CARD"
    # an ordinary date is not a birth date
    assert "2023年5月" not in found


def test_analyzer_finds_a_name_again_wherever_the_document_repeats_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "关于王建国信访事项的答复\n王建国：\n  你反映的问题已收悉。王建国同志的诉求已转办。\n"
    people = [(d.start, d.end) for d in analyzer.analyze(text) if d.type == "PERSON"]
    starts = [i for i in range(len(text)) if text.startswith("王建国", i)]
    assert people == [(s, s + 3) for s in starts]


def test_analyzer_other_mentions_stop_at_longer_names(analyzer) -> None:  # type: ignore[no-untyped-def]
    from gkreview.redact.analyzer import Detection, other_mentions

    text = "申请人王建，其兄王建国。王建称"
    found = other_mentions(text, [Detection("PERSON", 3, 5, 0.9, "CnPersonContextRecognizer")])
    assert [(d.start, d.end) for d in found] == [(3, 5), (12, 14)]
