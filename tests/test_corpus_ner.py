"""The NER training corpus in corpus/ner/: spans, splits, counts, and a deterministic builder."""

from __future__ import annotations

import hashlib
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
SPLITS = ("train", "dev", "dev_fit", "test")  # the files; dev_fit = old dev, training templates
# sha256 of test.jsonl as it was before the held-out dev and the second batch of training
# templates were added: the test split must never change.
TEST_SHA256 = "dcf091062a2e22e5ebbcf7da47afc34617a29eb61db143e1078b5f1871d97118"
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
            assert rec["source"] in {"template", "handwritten", "running_text"}
            assert rec["source"] != "running_text" or split == "train"
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


def test_test_split_is_unchanged():
    digest = hashlib.sha256((CORPUS / "test.jsonl").read_bytes()).hexdigest()
    assert digest == TEST_SHA256


def test_each_split_uses_only_its_own_templates(corpus):
    used = {
        split: {r["template"] for r in corpus[split] if r["source"] == "template"}
        for split in SPLITS
    }
    assert not used["test"] & (used["train"] | used["dev"] | used["dev_fit"])
    assert not used["dev"] & (used["train"] | used["dev_fit"] | used["test"])
    assert used["dev_fit"] <= used["train"]  # dev_fit measures fit: training templates
    by_id = {t.id: t for t in builder.load_templates()}
    for split in SPLITS:
        for rec in corpus[split]:
            if rec["source"] != "template":
                continue
            template = by_id[rec["template"]]
            assert template.split == {"dev_fit": "train"}.get(split, split), rec["id"]
            if split in {"dev_fit", "test"}:
                assert template.frozen, rec["id"]
    for split in ("train", "dev", "test"):
        declared = {t.id for t in by_id.values() if t.split == split}
        assert used[split] == declared, split  # every template gives records


def _skeleton_lines(template) -> set[str]:
    """A template's literal lines without slots and options, kept if long enough to mean much."""
    out = set()
    for line in template.text.split("\n"):
        line = re.sub(r"\{[^{}]*\}|<[^<>]*>", "", line.lstrip("*"))
        if len(re.findall(r"[\u4e00-\u9fff]", line)) >= 8:
            out.add(line)
    return out


def test_dev_templates_are_worded_unlike_train_and_test_templates():
    templates = builder.load_templates()
    dev = [t for t in templates if t.split == "dev"]
    others = {side: [t for t in templates if t.split == side] for side in ("train", "test")}
    for side, group in others.items():
        texts = {t.text for t in group}
        lines = set().union(*(_skeleton_lines(t) for t in group))
        for t in dev:
            assert t.text not in texts, (t.id, side)
            assert not _skeleton_lines(t) & lines, (t.id, side)  # the id only, never test text
    second = [t for t in templates if t.split == "train" and not t.frozen]
    dev_lines = set().union(*(_skeleton_lines(t) for t in dev))
    for t in second:
        assert not _skeleton_lines(t) & dev_lines, t.id


def test_third_batch_templates_are_worded_unlike_every_earlier_template():
    """Files numbered THIRD_FROM and up (phase 3): training only, and no literal line shared
    with any earlier template of any split (ids only in messages, never test text)."""
    templates = builder.load_templates()
    third = [t for t in templates if t.third]
    earlier = [t for t in templates if not t.third]
    assert len(third) >= 60
    assert sum(t.negative for t in third) >= 8
    assert sum(t.era == "pre2010" for t in third) >= 12
    assert all(t.split == "train" for t in third)
    lines = set().union(*(_skeleton_lines(t) for t in earlier))
    texts = {t.text for t in earlier}
    seen: dict[str, str] = {}
    for t in third:
        assert t.text not in texts, t.id
        assert not _skeleton_lines(t) & lines, t.id
        for line in _skeleton_lines(t):
            assert line not in seen, (t.id, seen.get(line))
            seen[line] = t.id


def test_dev_and_second_batch_templates_live_in_their_own_files():
    for t in builder.load_templates():
        if t.split == "dev":
            assert re.match(r"3\d_dev_", t.file), t.id
        elif not t.frozen:
            assert t.split == "train" and re.match(r"4\d_train_", t.file), t.id
        else:
            assert t.split in {"train", "test"}, t.id


@pytest.mark.parametrize("label", ["PERSON", "ADDRESS"])
def test_no_name_or_address_value_is_shared_between_splits(corpus, label):
    values = {split: _values(corpus[split], label) for split in SPLITS}
    for a, b in itertools.combinations(SPLITS, 2):
        assert not values[a] & values[b], (a, b)


def test_dev_values_are_owned_by_dev(corpus):
    """Generated dev names hash to dev (addresses: dev's counties, and the registry)."""
    for rec in corpus["dev"]:
        if rec["source"] != "template":
            continue
        for s, e, label in rec["entities"]:
            if label == "PERSON":
                assert builder.owner(f"name:{rec['text'][s:e]}") == "dev", rec["id"]


def test_handwritten_documents_sit_wholly_in_one_split(corpus):
    docs = builder.load_handwritten()
    assert len(docs) >= 20
    assert sum(d.split == "test" for d in docs) >= 3
    assert sum(d.split == "dev" for d in docs) >= 5
    assert not [d.id for d in docs if d.split not in {"train", "dev", "test"}]
    where = Counter()
    for split in SPLITS:
        for rec in corpus[split]:
            if rec["source"] == "handwritten":
                where[rec["template"]] += 1
                doc = next(d for d in docs if f"hw:{d.id}" == rec["template"])
                assert doc.split == split and doc.text == rec["text"]
    assert len(where) == len(docs) and set(where.values()) == {1}


def test_new_dev_handwritten_names_hash_to_dev():
    """So that registering them first can never take a name from train's or test's stream
    (hw18 and later: added with the held-out dev; hw11 and hw12 are older)."""
    for doc in builder.load_handwritten():
        if doc.split == "dev" and doc.id >= "hw18":
            for s, e, label in doc.entities:
                if label == "PERSON":
                    assert builder.owner(f"name:{doc.text[s:e]}") == "dev", (doc.id, s)


# ------------------------------------------------------------------------- counts


def test_counts_meet_the_minimums(corpus):
    train, dev, dev_fit, test = (corpus[s] for s in SPLITS)
    assert 3500 <= len(train) <= 6500
    assert len({r["template"] for r in train if r["source"] == "template"}) >= 100
    assert 450 <= len(dev) <= 550
    assert len(dev_fit) >= 250
    assert len(test) >= 600
    templates = builder.load_templates()
    assert len(templates) >= 190
    assert sum(t.split == "test" for t in templates) >= 15
    assert sum(t.split == "dev" for t in templates) >= 20
    assert sum(t.split == "dev" and t.negative for t in templates) >= 3
    assert sum(t.split == "train" and not t.frozen for t in templates) >= 30
    assert len({r["template"] for r in dev if r["source"] == "template"}) >= 20
    assert sum(r["source"] == "handwritten" for r in dev) >= 4
    for split in SPLITS:
        labels = Counter(lab for r in corpus[split] for _, _, lab in r["entities"])
        assert all(labels[lab] > 0 for lab in LABELS), split
        share = sum(not r["entities"] for r in corpus[split]) / len(corpus[split])
        assert 0.1 <= share <= 0.2, (split, share)
        assert {r["era"] for r in corpus[split]} == {"modern", "pre2010"}, split
    pre2010 = sum(r["era"] == "pre2010" for r in dev) / len(dev)
    assert 0.15 <= pre2010 <= 0.35
    assert sum(len(r.get("public_role", [])) for r in dev) >= 100


def test_manifest_matches_the_files(corpus):
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["splits"] == builder.stats(corpus)
    templates = builder.load_templates()
    assert set(manifest["templates"]["dev"]) == {t.id for t in templates if t.split == "dev"}
    assert not set(manifest["templates"]["dev"]) & set(manifest["templates"]["train"])
    assert not set(manifest["templates"]["dev"]) & set(manifest["templates"]["test"])


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
        r"|\d{2}年\d{1,2}月(\d{1,2}日)?"  # 85年3月, 85年3月12日 (pre-2010 records only)
        r"|[〇一二三四五六七八九]{4}年([一二三四五六七八九十]+月([一二三四五六七八九十]+日)?)?)$"
    )
    for rec in _all(corpus):
        text = rec["text"]
        for s, e, lab in rec["entities"]:
            if lab == "DATE_OF_BIRTH":
                assert date.match(text[s:e]), (rec["id"], text[s:e])
                if re.match(r"\d{2}年", text[s:e]):
                    assert rec["era"] == "pre2010", rec["id"]
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
    assert hashlib.sha256(a["test"].read_bytes()).hexdigest() == TEST_SHA256
    if builder.installed_versions() == builder.BUILT_WITH:
        for name in (*SPLITS, "handwritten", "manifest"):
            committed = CORPUS / a[name].name
            assert a[name].read_bytes() == committed.read_bytes(), (
                f"{committed.name} is stale: rebuild with .venv/bin/python corpus/ner/build.py"
            )
    other = builder.build(tmp_path / "c", seed=7)
    assert other["train"].read_bytes() != a["train"].read_bytes()
    assert other["dev"].read_bytes() != a["dev"].read_bytes()


def test_phase_two_never_touches_phase_one(tmp_path, monkeypatch):
    """Without the later template files' records, test, dev_fit and train's first records are
    the same bytes: phase 2 draws from streams of its own after phase 1 is done."""
    pytest.importorskip("faker")
    full = builder.generate(builder.DEFAULT_SEED)
    monkeypatch.setattr(builder, "MORE_TARGETS", {"train": 0, "dev": 0})
    bare = builder.generate(builder.DEFAULT_SEED)
    assert bare["test"] == full["test"]
    assert bare["dev_fit"] == full["dev_fit"]
    n = builder.TARGETS["train"]
    assert bare["train"][:n] == full["train"][:n]
    assert not [r for r in bare["dev"] if r["source"] == "template"]


def test_phase_three_never_touches_dev_or_earlier_train(monkeypatch):
    """The third batch of training templates draws last: without its records, dev, test,
    dev_fit and the first phases' train records are the same bytes."""
    pytest.importorskip("faker")
    full = builder.generate(builder.DEFAULT_SEED)
    monkeypatch.setattr(builder, "THIRD_TARGETS", {"train": 0})
    bare = builder.generate(builder.DEFAULT_SEED)
    for split in ("dev", "dev_fit", "test"):
        assert bare[split] == full[split], split
    n = builder.TARGETS["train"] + builder.MORE_TARGETS["train"]
    assert bare["train"][:n] == full["train"][:n]
    third = {r["template"] for r in full["train"][n:] if r["source"] == "template"}
    assert third == {t.id for t in builder.load_templates() if t.third}


def test_running_text_is_train_only_and_holds_no_held_out_value(corpus):
    running = [r for r in corpus["train"] if r["source"] == "running_text"]
    assert len(running) >= 300
    held = {
        r["text"][s:e] for split in ("dev", "dev_fit", "test") for r in corpus[split]
        for s, e, lab in r["entities"] if lab != "DATE_OF_BIRTH"
    }  # fmt: skip
    for rec in running:
        assert not {rec["text"][s:e] for s, e, _ in rec["entities"]} & held, rec["id"]
    assert any(not r["entities"] for r in running)  # hard negatives too
