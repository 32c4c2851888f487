"""The review JSON follows shared/contract exactly, on real documents of every format."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from gkreview.review.pipeline import Reviewer

EXAMPLES = {
    "关于征收土地的公告.docx": ("docx", "public"),
    "关于追加防控经费的请示.gbk.txt": ("txt", "not_public"),
    "常务会议纪要.pdf": ("pdf", "not_public"),
}


@pytest.fixture(scope="module")
def reviews(reviewer: Reviewer, examples_dir: Path) -> dict[str, dict]:
    return {
        name: reviewer.review_path(examples_dir / name).to_dict(with_text=True) for name in EXAMPLES
    }


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_review_validates_against_contract_schema(
    reviews: dict[str, dict], review_schema: dict, name: str
) -> None:
    jsonschema.validate(reviews[name], review_schema)
    assert reviews[name]["document"]["format"] == EXAMPLES[name][0]
    assert reviews[name]["disclosure"]["attribute"] == EXAMPLES[name][1]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_review_offsets_match_text(reviews: dict[str, dict], name: str) -> None:
    review = reviews[name]
    text = review["text"]
    assert review["document"]["chars"] == len(text)
    assert review["findings"], "every example holds personal data"
    for f in review["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]
    for reason in review["disclosure"]["reasons"] + review["disclosure"]["parts"]:
        for ev in reason["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]


def test_review_without_text_flag_omits_text(reviewer: Reviewer, examples_dir: Path) -> None:
    review = reviewer.review_path(examples_dir / "常务会议纪要.pdf").to_dict()
    assert "text" not in review
    assert review["document"]["pages"] == 1


def test_review_notice_findings_and_protected_numbers(reviews: dict[str, dict]) -> None:
    review = reviews["关于征收土地的公告.docx"]
    by_type: dict[str, list[dict]] = {}
    for f in review["findings"]:
        by_type.setdefault(f["type"], []).append(f)
    (id_card,) = by_type["CN_ID_CARD"]
    assert id_card["action"] == "mask"
    assert id_card["replacement"][:2] == id_card["text"][:2]
    assert id_card["replacement"][-3:] == id_card["text"][-3:]
    assert "*" * 13 in id_card["replacement"]
    assert [f["text"] for f in by_type["PHONE_NUMBER"]] == ["13920231234", "022-25201234"]
    assert by_type["PHONE_NUMBER"][0]["replacement"] == "139****1234"
    (card,) = by_type["BANK_CARD"]
    assert card["replacement"].endswith(card["text"][-4:])
    (uscc,) = by_type["CN_USCC"]
    assert uscc["action"] == "keep" and uscc["replacement"] is None
    text = review["text"]
    for never in ("12345政务", "3,456,789.00", "津滨政发〔2023〕15号", "2023年6月12日"):
        at = text.index(never)
        assert not [f for f in review["findings"] if f["start"] < at + len(never) and at < f["end"]]
    assert review["document"]["doc_number"] == "津滨政发〔2023〕15号"
    assert review["disclosure"]["partial"] is True


def test_review_gbk_request_with_marking_is_state_secret(reviews: dict[str, dict]) -> None:
    review = reviews["关于追加防控经费的请示.gbk.txt"]
    assert review["document"]["encoding"] == "gb18030"
    codes = [r["code"] for r in review["disclosure"]["reasons"]]
    assert codes[0] == "state_secret"
    assert review["document"]["secrecy"]["level"] == "秘密"
    old_ids = [f for f in review["findings"] if f["type"] == "CN_ID_CARD"]
    assert [len(f["text"]) for f in old_ids] == [15]
    assert "\r\n" in review["text"]


def test_review_docx_author_property_is_warned(reviews: dict[str, dict]) -> None:
    warnings = reviews["关于征收土地的公告.docx"]["warnings"]
    assert any(w["code"] == "property_author" for w in warnings)
