"""The NER training corpus in corpus/ner/: spans, splits, counts, and a deterministic builder."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus" / "ner"
SPLITS = ("train", "dev", "test")
LABELS = {"PERSON", "ADDRESS", "DATE_OF_BIRTH"}
KEYS = {"id", "text", "entities", "template", "genre", "era", "split", "source"}
OPTIONAL_KEYS = {"public_role", "public_address"}


def _load_builder():
    spec = importlib.util.spec_from_file_location("corpus_ner_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return {split: _read(CORPUS / f"{split}.jsonl") for split in SPLITS}


def _all(corpus):
    return [rec for split in SPLITS for rec in corpus[split]]


def _values(records: list[dict], label: str) -> set[str]:
    return {r["text"][s:e] for r in records for s, e, lab in r["entities"] if lab == label}


# ------------------------------------------------------------------------ records


def test_records_have_the_documented_fields(corpus):
    ids = Counter()
    for split in SPLITS:
        for rec in corpus[split]:
            assert KEYS <= set(rec) <= KEYS | OPTIONAL_KEYS, rec["id"]
            assert rec["split"] == split
            assert rec["era"] in {"modern", "pre2010"}
            assert rec["source"] in {"template", "handwritten"}
            assert isinstance(rec["text"], str) and rec["text"]
            ids[rec["id"]] += 1
    assert not [i for i, n in ids.items() if n > 1]


def test_every_span_is_exactly_its_entity(corpus):
    for rec in _all(corpus):
        text = rec["text"]
        for start, end, label in rec["entities"]:
            assert label in LABELS
            assert 0 <= start < end <= len(text), rec["id"]
            value = text[start:end]
            assert value == value.strip(), (rec["id"], value)
            assert not re.search(r"[，。；、：\n\t（）]", value), (rec["id"], value)


def test_spans_do_not_overlap(corpus):
    for rec in _all(corpus):
        spans = sorted((s, e) for s, e, _ in rec["entities"])
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, rec["id"]


def test_public_role_and_address_mark_labelled_spans(corpus):
    n_public = 0
    for rec in _all(corpus):
        spans = {(s, e): lab for s, e, lab in rec["entities"]}
        for s, e in rec.get("public_role", []):
            assert spans.get((s, e)) == "PERSON", rec["id"]
            n_public += 1
        for s, e in rec.get("public_address", []):
            assert spans.get((s, e)) == "ADDRESS", rec["id"]
    assert n_public > 500


# ------------------------------------------------------------------------- splits


def test_test_split_uses_only_held_out_templates(corpus):
    used = {split: {r["template"] for r in corpus[split]} for split in SPLITS}
    assert not used["test"] & (used["train"] | used["dev"])
    generated_dev = {r["template"] for r in corpus["dev"] if r["source"] == "template"}
    assert generated_dev <= used["train"]  # dev measures the training templates on new values
    by_id = {t.id: t for t in builder.load_templates()}
    for split in SPLITS:
        for rec in corpus[split]:
            if rec["source"] == "template":
                assert by_id[rec["template"]].split == ("test" if split == "test" else "train")


@pytest.mark.parametrize("label", ["PERSON", "ADDRESS"])
def test_no_name_or_address_value_is_shared_between_splits(corpus, label):
    values = {split: _values(corpus[split], label) for split in SPLITS}
    assert not values["train"] & values["test"]
    assert not values["dev"] & values["test"]
    assert not values["train"] & values["dev"]


def test_handwritten_documents_sit_wholly_in_one_split(corpus):
    docs = builder.load_handwritten()
    assert len(docs) >= 15
    assert sum(d.split == "test" for d in docs) >= 3
    where = Counter()
    for split in SPLITS:
        for rec in corpus[split]:
            if rec["source"] == "handwritten":
                where[rec["template"]] += 1
                doc = next(d for d in docs if f"hw:{d.id}" == rec["template"])
                assert doc.split == split and doc.text == rec["text"]
    assert len(where) == len(docs) and set(where.values()) == {1}


# ------------------------------------------------------------------------- counts


def test_counts_meet_the_minimums(corpus):
    train, dev, test = corpus["train"], corpus["dev"], corpus["test"]
    assert len(train) >= 2000
    assert len({r["template"] for r in train if r["source"] == "template"}) >= 40
    assert len(test) >= 600
    assert 0.05 * len(train) <= len(dev) <= 0.2 * len(train)
    templates = builder.load_templates()
    assert len(templates) >= 60
    assert sum(t.split == "test" for t in templates) >= 15
    for split in SPLITS:
        labels = Counter(lab for r in corpus[split] for _, _, lab in r["entities"])
        assert all(labels[lab] > 0 for lab in LABELS), split
        share = sum(not r["entities"] for r in corpus[split]) / len(corpus[split])
        assert 0.1 <= share <= 0.2, (split, share)
    assert {r["era"] for r in test} == {"modern", "pre2010"}


# ------------------------------------------------------------------ hard negatives


def test_negative_templates_yield_no_entity(corpus):
    negative = {t.id for t in builder.load_templates() if t.negative}
    for rec in _all(corpus):
        if rec["template"] in negative:
            assert rec["entities"] == [], rec["id"]


def test_historical_figures_pseudonyms_and_organisations_are_not_person(corpus):
    blocked = set(builder.words("blocked_names"))
    persons = _values(_all(corpus), "PERSON")
    assert not persons & blocked
    assert not [p for p in persons if "某" in p or "×" in p or "*" in p]
    assert not [p for p in persons if p.endswith(("女士", "先生"))]
    texts = "\n".join(r["text"] for r in _all(corpus))
    for phrase in ("邓小平理论", "毛泽东思想", "张小泉", "王府井", "申请人", "当事人"):
        assert phrase in texts


def test_birth_dates_are_dates_and_ordinary_dates_are_not_labelled(corpus):
    date = re.compile(
        r"^(\d{4}(年(\d{1,2}月(\d{1,2}日)?)?|[-./]\d{1,2}([-./]\d{1,2})?)"
        r"|[〇一二三四五六七八九]{4}年([一二三四五六七八九十]+月([一二三四五六七八九十]+日)?)?)$"
    )
    for rec in _all(corpus):
        text = rec["text"]
        for s, e, lab in rec["entities"]:
            if lab == "DATE_OF_BIRTH":
                assert date.match(text[s:e]), (rec["id"], text[s:e])
        labelled = {(s, e) for s, e, _ in rec["entities"]}
        for m in re.finditer(r"(成文日期|处罚日期|送达日期)：(\S+?)[。，\s]", text):
            assert (m.start(2), m.end(2)) not in labelled, rec["id"]


# ------------------------------------------------------------------------ builder


def test_markup_is_stripped_into_spans():
    marked = "被告[[王建国|PERSON]]，住[[李村三组|ADDRESS]]，[[张华|PERSON|public]]"
    text, spans = builder.strip_markup(marked)
    assert text == "被告王建国，住李村三组，张华"
    assert [(text[s:e], lab, flag) for s, e, lab, flag in spans] == [
        ("王建国", "PERSON", None),
        ("李村三组", "ADDRESS", None),
        ("张华", "PERSON", "public_role"),
    ]


def test_build_is_deterministic_and_matches_the_committed_corpus(tmp_path):
    pytest.importorskip("faker")
    a = builder.build(tmp_path / "a", seed=builder.DEFAULT_SEED)
    b = builder.build(tmp_path / "b", seed=builder.DEFAULT_SEED)
    for name in a:
        assert a[name].read_bytes() == b[name].read_bytes(), name
    if builder.installed_versions() == builder.BUILT_WITH:
        for name in (*SPLITS, "handwritten", "manifest"):
            committed = CORPUS / a[name].name
            assert a[name].read_bytes() == committed.read_bytes(), (
                f"{committed.name} is stale: rebuild with .venv/bin/python corpus/ner/build.py"
            )
    other = builder.build(tmp_path / "c", seed=7)
    assert other["train"].read_bytes() != a["train"].read_bytes()
