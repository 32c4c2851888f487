"""Policy profiles as data, the removal operator, pseudonyms that tell people apart, and
the penalty publicity that keeps the party's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkreview.redact.operators.pseudonym import PseudonymParams, assign_pseudonyms
from gkreview.redact.operators.removal import DELETED_MARK, RemovalParams, remove
from gkreview.redact.policy import (
    GENERAL,
    SHIPPED,
    MaskParams,
    PolicyError,
    load_policy,
)
from gkreview.redact.salt import ENV_SALT, load_salt
from gkreview.review.pipeline import Reviewer

SALT = b"test-salt"
PENALTY = (
    "行政处罚决定书\n"
    "当事人：王建国，公民身份号码120116196503120030，住天津市滨海新区大港街道东村三组12号，"
    "联系电话13920231234。\n"
    "经查，当事人王建国于2023年5月销售过期食品，证人李秀英证实了上述事实。"
    "当事人患有糖尿病。\n"
)


@pytest.mark.parametrize("name", SHIPPED)
def test_policy_profiles_ship_and_load(name: str) -> None:
    policy = load_policy(name)
    assert policy.name == name and policy.label
    assert {"PERSON", "CN_ID_CARD", "PHONE_NUMBER", "BANK_CARD", "ADDRESS"} <= set(
        policy.treatments
    )


def test_policy_general_is_the_default_table() -> None:
    assert load_policy().treatments == GENERAL
    id_card = GENERAL["CN_ID_CARD"]
    assert id_card.params == MaskParams(keep_first=2, keep_last=3)
    assert id_card.replacement("120116196503120030") == "12*************030"
    assert GENERAL["BANK_CARD"].replacement("6217001234567890122") == "*" * 15 + "0122"
    assert GENERAL["PHONE_NUMBER"].replacement("13812341234") == "138****1234"
    assert GENERAL["DATE_OF_BIRTH"].replacement("1965年3月12日") == "1965年"


def test_policy_user_file_overrides(tmp_path: Path) -> None:
    own = tmp_path / "mine.toml"
    own.write_text(
        '[profile]\nname = "mine"\n[types.CN_ID_CARD]\naction = "mask"\noperator = "mask"\n'
        'keep_first = 6\nkeep_last = 4\n[types.PERSON]\naction = "redact"\n'
        'operator = "removal"\nstyle = "mark"\n',
        encoding="utf-8",
    )
    policy = load_policy(own)
    assert policy.treatments["CN_ID_CARD"].replacement("120116196503120030") == (
        "120116********0030"
    )
    assert policy.treatments["PERSON"].replacement("王建国") == DELETED_MARK


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("not toml [[[", "TOML"),
        ('[profile]\nname = "x"\n', "[types.*]"),
        ('[types.PERSON]\naction = "hide"\n', "action"),
        ('[types.PERSON]\naction = "mask"\noperator = "magic"\n', "operator"),
        ('[types.PERSON]\naction = "mask"\noperator = "mask"\nkeep_middle = 1\n', "keep_middle"),
    ],
)
def test_policy_bad_files_say_which_and_why(tmp_path: Path, content: str, fragment: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(bad)
    assert str(bad) in str(caught.value) and fragment in str(caught.value)


def test_policy_unknown_name() -> None:
    with pytest.raises(PolicyError, match="penalty_publicity"):
        load_policy("nosuch")


@pytest.mark.parametrize(
    ("params", "expected"),
    [(RemovalParams(), "■■■"), (RemovalParams(style="mark"), DELETED_MARK)],
)
def test_operators_removal(params: RemovalParams, expected: str) -> None:
    assert remove("王建国", params) == expected


def test_pseudonyms_tell_people_of_one_surname_apart() -> None:
    names = assign_pseudonyms(["张伟", "张芳", "李强", "张伟"], SALT)
    assert set(names) == {"张伟", "张芳", "李强"}
    assert names["张伟"] != names["张芳"]
    assert names["张伟"].startswith("张某") and names["李强"].startswith("李某")
    assert all(len(p) == 3 for p in names.values())  # surname + 某 + one stem


def test_pseudonyms_stable_across_documents_and_keyed_by_salt() -> None:
    first = assign_pseudonyms(["张伟", "王芳"], SALT)
    second = assign_pseudonyms(["王芳", "赵六", "张伟"], SALT)
    assert first["张伟"] == second["张伟"] and first["王芳"] == second["王芳"]
    others = [assign_pseudonyms(["张伟"], f"salt-{i}".encode())["张伟"] for i in range(12)]
    assert len(set(others)) > 1  # another salt, another stem


def test_pseudonyms_many_people_of_one_surname_stay_distinct() -> None:
    people = [f"张{a}{b}" for a in "伟芳军" for b in "明华国强东"]
    names = assign_pseudonyms(people, SALT, PseudonymParams())
    assert len(set(names.values())) == len(people)


def test_pseudonyms_compound_surname() -> None:
    assert assign_pseudonyms(["欧阳明远"], SALT)["欧阳明远"].startswith("欧阳某")


def test_salt_from_environment_or_private_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_SALT, "office-secret")
    assert load_salt() == b"office-secret"
    monkeypatch.delenv(ENV_SALT)
    target = tmp_path / "cfg" / "salt"
    salt = load_salt(target)
    assert len(salt) == 32 and load_salt(target) == salt
    assert target.stat().st_mode & 0o777 == 0o600


def test_review_pseudonyms_in_findings(reviewer: Reviewer) -> None:
    text = "申请人张伟与被申请人张芳、张伟之妻王丽因房屋纠纷申请调解。张伟称……"
    review = _review(reviewer, text)
    replaced = {f["text"]: f["replacement"] for f in review["findings"] if f["type"] == "PERSON"}
    assert replaced["张伟"] != replaced["张芳"]
    assert {f["replacement"] for f in review["findings"] if f["text"] == "张伟"} == {
        replaced["张伟"]
    }


def test_review_penalty_publicity_keeps_the_party_only() -> None:
    reviewer = Reviewer.build(policy="penalty_publicity")
    review = _review(reviewer, PENALTY)
    by_text = {f["text"]: f for f in review["findings"]}
    assert by_text["王建国"]["action"] == "keep"
    assert "公示" in by_text["王建国"]["explanation"]
    assert by_text["李秀英"]["action"] == "redact"
    for value in ("120116196503120030", "13920231234"):
        assert by_text[value]["action"] == "redact"
        assert by_text[value]["replacement"] == DELETED_MARK
    assert any(f["type"] == "ADDRESS" and f["action"] == "redact" for f in review["findings"])
    assert by_text["糖尿病"]["type"] == "HEALTH" and by_text["糖尿病"]["action"] == "redact"


def test_review_internal_keeps_names_masks_numbers() -> None:
    reviewer = Reviewer.build(policy="internal")
    review = _review(reviewer, PENALTY)
    by_text = {f["text"]: f for f in review["findings"]}
    assert by_text["王建国"]["action"] == "keep"
    assert by_text["120116196503120030"]["replacement"] == "120116" + "*" * 12


def _review(reviewer: Reviewer, text: str) -> dict:
    from gkreview.ingest.document import ExtractedDocument
    from gkreview.ingest.offsets import OffsetMap

    doc = ExtractedDocument(text, OffsetMap.identity(len(text)), "txt")
    return reviewer.review_extracted(doc, name="t.txt", sha256="0" * 64).to_dict()
