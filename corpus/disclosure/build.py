"""Builds the gkreview disclosure-attribute corpus: train.jsonl, dev.jsonl, test.jsonl.

    .venv/bin/python corpus/disclosure/build.py                   # the committed corpus
    .venv/bin/python corpus/disclosure/build.py --out out/disclosure --seed 7
    .venv/bin/python corpus/disclosure/build.py --stats           # print the count tables

Every document comes from a FAMILY written by hand in ``families/*.txt``: a skeleton of one
specific situation (who writes to whom about what, and what is decided) with its label. The
builder renders 3-6 variants of each family (other issuer, city, year, people, numbers, wording
and order, optional paragraphs) and puts all variants of a family into one split. Splits are
drawn per family, stratified by hard case, by the first ground of ``not_public`` families and
by attribute, so that every ground and every hard case is in train, dev and test. Documents
written out in full (``source: handwritten``) are families of one document. A family whose header
says ``split: train`` or ``split: dev`` is pinned there and left out of the draw, so that families
added later never move the ones drawn before.

The template language of the skeletons (see README.md for the whole of it):

* ``{a|b|c}`` one of the alternatives (written twice in a document, the same one both times);
  ``{a|b@k}`` the same index for every choice keyed ``k``;
  ``{Y<2018:old|new}`` by the document's year; ``{ERA:old|new}`` is ``{Y<2010:old|new}``.
* variables: ``{市}`` ``{县}`` ``{镇}`` …, ``{年}`` ``{年-1}``, ``{日期}`` (date of signing),
  ``{早日期:30}`` (a date up to 30 days earlier), ``{n:10-90}``, ``{f:1-9}``, ``{人1}``,
  ``{人1.身份证}``, ``{公司1:食品}`` …; ``{n:1-9@k}`` stores a value that ``{@k}`` repeats.
* ``{#一}`` ``{#（一）}`` ``{#1}`` ``{#第一条}``: numbering that follows the final order.
* a line starting ``?`` (or ``?30``) is kept with probability 1/2 (or 30 %); ``[shuffle]``,
  ``[pick 2-3]`` and ``[shuffle pick 2-3]`` open a block of lines closed by ``[/]``.
* ``⟦pp:…⟧`` and ``⟦cs:…⟧`` mark a part withheld on disclosure (personal privacy, commercial
  secret): the builder removes the brackets and records the span in ``parts``.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAMILY_DIR = HERE / "families"
LEXICON = HERE / "lexicon.txt"
DEFAULT_SEED = 20250611
SPLITS = ("train", "dev", "test")
SPLIT_SHARE = {"train": 0.60, "dev": 0.15, "test": 0.25}
# Variants per family unless the family says otherwise: a few more for on_request and the hard
# cases, so that the documents come near the proportions of a real archive (public 45 %,
# not_public 40 %, on_request 15 %) and every split holds several documents of each hard case.
DEFAULT_VARIANTS = {"public": "3", "not_public": "3", "on_request": "3-4", "hard_case": "3-4"}
BUILT_WITH = {"faker": "40.54.0"}

ATTRIBUTES = ("public", "on_request", "not_public")
NOT_PUBLIC_GROUNDS = (
    "state_secret",
    "law_prohibited",
    "security_stability",
    "commercial_secret",
    "personal_privacy",
    "internal_affairs",
    "process_information",
    "enforcement_case_file",
)
PUBLIC_GROUNDS = (
    "art19_public_interest",
    "art20_normative",
    "art20_organisation",
    "art20_plan",
    "art20_statistics",
    "art20_licensing",
    "art20_penalty",
    "art20_budget",
    "art20_fees",
    "art20_procurement",
    "art20_major_project",
    "art20_livelihood",
    "art20_emergency",
    "art20_inspection",
    "art20_recruitment",
    "art21_local",
)
ON_REQUEST_GROUNDS = ("art27_own_matter",)
GROUNDS_OF = {
    "public": PUBLIC_GROUNDS,
    "on_request": ON_REQUEST_GROUNDS,
    "not_public": NOT_PUBLIC_GROUNDS,
}
PART_CODES = {"pp": "personal_privacy", "cs": "commercial_secret"}
HARD_CASES = (
    "secret_in_prose",
    "public_consultation_draft",
    "penalty_social_impact",
    "approval_to_one_company",
    "leader_appointment",
    "request_to_superior",
    "internal_consultation_draft",
)
DOC_TYPES = (
    "通知", "通报", "意见", "决定", "批复", "请示", "报告", "函", "复函", "会议纪要", "公告",
    "通告", "方案", "要点", "规划", "预决算说明", "统计公报", "行政处罚决定书",
    "行政许可决定书", "任免通知", "招标采购公告", "评标报告", "应急预案", "询问笔录",
    "现场检查记录", "内部管理制度", "值班安排",
)  # fmt: skip
TOPICS = (
    "综合政务", "国民经济管理", "财政", "国土资源和能源", "农业、林业、水利", "工业、交通",
    "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育",
    "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作",
    "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "其他",
)  # fmt: skip
YEARS = (1995, 2024)
MODERN_FROM = 2010  # era: modern from this year, pre2010 before
ARABIC_DATES_FROM = 2012  # GB/T 9704-2012: dates of signing in Arabic numerals from then on

CN_DIGITS = "〇一二三四五六七八九"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class TemplateError(ValueError):
    """A skeleton that cannot be read or rendered; the message names the family."""


# ---------------------------------------------------------------------------- numbers


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (十二, 二十, 三十五)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(c)] for c in str(year))


def format_date(d: datetime.date) -> str:
    if d.year >= ARABIC_DATES_FROM:
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{cn_year(d.year)}年{cn_number(d.month)}月{cn_number(d.day)}日"


def id_check(body17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS, strict=True)) % 11]


def uscc_check(body17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


# ---------------------------------------------------------------------------- lexicon


def read_lexicon(path: Path = LEXICON) -> dict[str, list[str]]:
    """``key: a b c`` lines (continued on lines that start with a space); ``#`` comments."""
    out: dict[str, list[str]] = {}
    key = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0].isspace() and key:
            out[key].extend(raw.split())
            continue
        key, _, rest = raw.partition(":")
        key = key.strip()
        out[key] = rest.split()
    return out


@dataclass(frozen=True)
class Names:
    """Person names: Faker zh_CN's surnames (with weights) and given-name characters."""

    surnames: tuple[str, ...]
    weights: tuple[float, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]

    @classmethod
    def load(cls, lexicon: dict[str, list[str]]) -> Names:
        from faker.providers.person.zh_CN import Provider

        surnames = tuple(Provider.last_names)
        weights = tuple(float(w) for w in Provider.last_names.values())
        male = tuple(Provider.first_names_male) + tuple(lexicon["given_male"])
        female = tuple(Provider.first_names_female) + tuple(lexicon["given_female"])
        return cls(surnames, weights, male, female)


# ---------------------------------------------------------------------------- families


@dataclass
class Family:
    id: str
    attribute: str
    grounds: list[str]
    topic: str
    doc_type: str
    years: tuple[int, int]
    hard_case: str | None
    rationale: str
    variants: tuple[int, int]
    source: str
    lines: list[str]
    path: str
    months: tuple[int, int] = (1, 12)  # when in the year the document is signed
    split: str | None = None  # pinned to train or dev by its header; None: drawn by the builder

    @property
    def stratum(self) -> str:
        if self.hard_case:
            return f"hard:{self.hard_case}"
        if self.source == "handwritten":
            return "handwritten"
        if self.attribute == "not_public":
            return f"not_public:{self.grounds[0]}"
        return self.attribute


META_KEYS = {
    "attribute", "grounds", "topic", "doc_type", "years", "hard_case", "rationale",
    "variants", "source", "months", "split",
}  # fmt: skip
PINNABLE_SPLITS = ("train", "dev")  # test is drawn only, never pinned


def _range(text: str, where: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", text.strip())
    if not m:
        raise TemplateError(f"{where}: bad range {text!r}")
    lo = int(m.group(1))
    return lo, int(m.group(2) or lo)


def _default_variants(meta: dict[str, str], source: str) -> str:
    if source == "handwritten":
        return "1"
    if meta.get("hard_case"):
        return DEFAULT_VARIANTS["hard_case"]
    return DEFAULT_VARIANTS.get(meta.get("attribute", ""), "3-6")


def parse_family_file(path: Path) -> list[Family]:
    families: list[Family] = []
    blocks: list[tuple[str, list[str]]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if line.startswith("=== "):
            blocks.append((line[4:].strip(), []))
        elif blocks:
            blocks[-1][1].append(line)
        elif line.strip():
            raise TemplateError(f"{path.name}: text before the first family: {line!r}")
    for fid, body in blocks:
        where = f"{path.name}:{fid}"
        if "---" not in body:
            raise TemplateError(f"{where}: no '---' between metadata and skeleton")
        cut = body.index("---")
        meta: dict[str, str] = {}
        for line in body[:cut]:
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in META_KEYS:
                raise TemplateError(f"{where}: bad metadata line {line!r}")
            meta[key.strip()] = value.strip()
        lines = [ln for ln in body[cut + 1 :] if ln.strip()]
        source = meta.get("source", "generated")
        fam = Family(
            id=fid,
            attribute=meta.get("attribute", ""),
            grounds=meta.get("grounds", "").split(),
            topic=meta.get("topic", ""),
            doc_type=meta.get("doc_type", ""),
            years=_range(meta.get("years", ""), where),
            hard_case=meta.get("hard_case") or None,
            rationale=meta.get("rationale", ""),
            variants=_range(meta.get("variants", _default_variants(meta, source)), where),
            source=source,
            lines=lines,
            path=path.name,
            months=_range(meta.get("months", "1-12"), where),
            split=meta.get("split") or None,
        )
        check_family(fam, where)
        families.append(fam)
    return families


def check_family(fam: Family, where: str) -> None:
    problems = []
    if not re.fullmatch(r"[a-z0-9_]+", fam.id):
        problems.append("id must be [a-z0-9_]+")
    if fam.attribute not in ATTRIBUTES:
        problems.append(f"attribute {fam.attribute!r}")
    allowed = GROUNDS_OF.get(fam.attribute, ())
    if not fam.grounds or any(g not in allowed for g in fam.grounds):
        problems.append(f"grounds {fam.grounds} for {fam.attribute}")
    if fam.topic not in TOPICS:
        problems.append(f"topic {fam.topic!r}")
    if fam.doc_type not in DOC_TYPES:
        problems.append(f"doc_type {fam.doc_type!r}")
    if fam.hard_case is not None and fam.hard_case not in HARD_CASES:
        problems.append(f"hard_case {fam.hard_case!r}")
    lo, hi = fam.years
    if not YEARS[0] <= lo <= hi <= YEARS[1]:
        problems.append(f"years {fam.years}")
    if not fam.rationale:
        problems.append("no rationale")
    if not 1 <= fam.months[0] <= fam.months[1] <= 12:
        problems.append(f"months {fam.months}")
    if fam.split is not None and fam.split not in PINNABLE_SPLITS:
        problems.append(f"split {fam.split!r} (train or dev)")
    if fam.source not in ("generated", "handwritten"):
        problems.append(f"source {fam.source!r}")
    vlo, vhi = fam.variants
    if fam.source == "generated" and not 3 <= vlo <= vhi <= 6:
        problems.append(f"variants {fam.variants} (3-6)")
    if problems:
        raise TemplateError(f"{where}: " + "; ".join(problems))


def load_families(family_dir: Path = FAMILY_DIR) -> list[Family]:
    families = [f for p in sorted(family_dir.glob("*.txt")) for f in parse_family_file(p)]
    seen = Counter(f.id for f in families)
    dupes = [k for k, n in seen.items() if n > 1]
    if dupes:
        raise TemplateError(f"family ids used twice: {dupes}")
    return sorted(families, key=lambda f: f.id)


# ---------------------------------------------------------------------------- splits


def assign_splits(families: list[Family], seed: int) -> dict[str, str]:
    """Family id -> split, stratified, so that the labels a classifier must learn reach each split.

    Strata: each hard case, each first ground of ``not_public``, then ``public``,
    ``on_request`` and the hand-written documents. Families are shuffled (seeded) first.

    * A hard-case or ``not_public`` stratum (three or more families) reaches every split: its
      first three families, taken alternately from the (first ground, era) groups, go to test,
      dev and train.
    * In ``public`` and ``on_request`` each first ground (20 (一) … 21) whose group has two or
      more families puts one in train, so that every category is seen in training.
    * Every other family goes to the split furthest below its share of the stratum.
    """
    rng = random.Random(f"{seed}:splits")
    strata: dict[str, list[Family]] = defaultdict(list)
    for fam in families:
        strata[fam.stratum].append(fam)
    out: dict[str, str] = {}
    for name in sorted(strata):
        members = strata[name][:]
        rng.shuffle(members)
        groups: dict[tuple[str, bool], list[Family]] = defaultdict(list)
        for fam in members:
            groups[(fam.grounds[0], fam.years[0] < MODERN_FROM)].append(fam)
        fixed: dict[str, str] = {}
        if name in ("public", "on_request", "handwritten"):
            by_ground: dict[str, list[Family]] = defaultdict(list)
            for fam in members:
                by_ground[fam.grounds[0]].append(fam)
            fixed = {g[0].id: "train" for g in by_ground.values() if len(g) >= 2}
            # the k-th family of every ground before any (k+1)-th: grounds spread over splits
            order = sorted(members, key=lambda f: by_ground[f.grounds[0]].index(f))
        else:
            # interleave the groups: the k-th family of every group before any (k+1)-th
            # (a single hand-written document comes last: the three fixed places go to
            # families with several documents)
            order = sorted(
                members,
                key=lambda f: (f.source == "handwritten", groups[_group(f)].index(f)),
            )
            if len(order) >= 3:
                fixed = {f.id: s for f, s in zip(order, ("test", "dev", "train"), strict=False)}
        count: Counter[str] = Counter(fixed.values())
        for fam in order:
            if fam.id in fixed:
                out[fam.id] = fixed[fam.id]
                continue
            total = sum(count.values()) + 1
            split = max(SPLITS, key=lambda s: (SPLIT_SHARE[s] * total - count[s], s))
            count[split] += 1
            out[fam.id] = split
    return out


def family_splits(families: list[Family], seed: int) -> dict[str, str]:
    """Family id -> split: the pinned families (``split:`` in the header) where they say, the
    others drawn by ``assign_splits`` among themselves only, so that adding pinned families
    leaves the split of every other family, and so every document, as it was."""
    out = assign_splits([f for f in families if f.split is None], seed)
    out.update({f.id: f.split for f in families if f.split is not None})
    return out


def _group(fam: Family) -> tuple[str, bool]:
    return fam.grounds[0], fam.years[0] < MODERN_FROM


# ---------------------------------------------------------------------------- rendering


@dataclass
class Person:
    name: str
    surname: str
    sex: str
    birth: datetime.date
    id_number: str
    phone: str
    address: str


@dataclass
class Context:
    rng: random.Random
    lex: dict[str, list[str]]
    names: Names
    year: int
    date: datetime.date
    place: dict[str, str]
    memo: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    companies: dict[str, dict[str, str]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    used_names: set[str] = field(default_factory=set)


COUNTER_STYLES = ("一", "（一）", "1", "（1）")  # outline levels, highest first


def _split_top(text: str, sep: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def expand(text: str, ctx: Context) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "{":
            if ch == "}":
                raise TemplateError(f"unbalanced '}}' in {text!r}")
            out.append(ch)
            i += 1
            continue
        depth, j = 1, i + 1
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        if depth:
            raise TemplateError(f"unbalanced '{{' in {text!r}")
        out.append(resolve(text[i + 1 : j - 1], ctx))
        i = j
    return "".join(out)


def resolve(inner: str, ctx: Context) -> str:
    m = re.match(r"(?:Y([<>]=?)(\d{4})|ERA):", inner)
    if m:
        options = _split_top(inner[m.end() :], "|")
        if len(options) != 2:
            raise TemplateError(f"a condition needs two branches: {{{inner}}}")
        op, year = (m.group(1), int(m.group(2))) if m.group(1) else ("<", MODERN_FROM)
        holds = {"<": ctx.year < year, "<=": ctx.year <= year, ">": ctx.year > year}.get(
            op, ctx.year >= year
        )
        return expand(options[0] if holds else options[1], ctx)
    options = _split_top(inner, "|")
    if len(options) > 1:
        # the same alternatives written twice in a document choose alike (an issuer's name in
        # the header and in the signature); ``@k`` ties differently written choices together
        key = "same:" + inner
        km = re.search(r"@(\w+)$", options[-1])
        if km:
            key = "choice:" + km.group(1)
            options[-1] = options[-1][: km.start()]
        if key in ctx.memo:
            index = int(ctx.memo[key])
            if index >= len(options):
                raise TemplateError(f"choice {key} has fewer options in {{{inner}}}")
        else:
            index = ctx.rng.randrange(len(options))
            ctx.memo[key] = str(index)
        return expand(options[index], ctx)
    return variable(inner, ctx)


def variable(inner: str, ctx: Context) -> str:
    key = None
    km = re.search(r"@(\w+)$", inner)
    if km:
        key, inner = km.group(1), inner[: km.start()]
        if not inner:
            if key not in ctx.memo:
                raise TemplateError(f"{{@{key}}} used before it was set")
            return ctx.memo[key]
    value = _variable(inner, ctx)
    if key:
        ctx.memo[key] = value
    return value


def _variable(inner: str, ctx: Context) -> str:
    name, _, args = inner.partition(":")
    rng = ctx.rng
    if name in ctx.place:
        return ctx.place[name]
    if name == "年":
        return str(ctx.year)
    m = re.fullmatch(r"年([+-]\d+)", name)
    if m:
        return str(ctx.year + int(m.group(1)))
    if name == "年中":
        return cn_year(ctx.year)
    if name == "日期":
        return format_date(ctx.date)
    if name in ("早日期", "后日期"):
        lo_s, dash, hi_s = (args or "30").partition("-")
        lo, hi = (int(lo_s), int(hi_s)) if dash else (max(1, int(lo_s) // 4), int(lo_s))
        days = rng.randint(lo, hi)
        sign = -1 if name == "早日期" else 1
        return format_date(ctx.date + datetime.timedelta(days=sign * days))
    if name == "月":
        return str(ctx.date.month)
    if name in ("n", "f", "f2", "cn", "pad"):
        lo_s, _, hi_s = args.partition("-")
        lo, hi = float(lo_s), float(hi_s or lo_s)
        if name == "n":
            return str(rng.randint(int(lo), int(hi)))
        if name == "cn":
            return cn_number(rng.randint(int(lo), int(hi)))
        if name == "pad":
            return f"{rng.randint(int(lo), int(hi)):06d}"
        return f"{rng.uniform(lo, hi):.{2 if name == 'f2' else 1}f}"
    if name == "份号":
        return f"{rng.randint(1, 300):06d}"
    if name.startswith("#"):
        return counter(name[1:], ctx)
    if name.startswith("pick"):
        return rng.choice(ctx.lex[args])
    m = re.fullmatch(r"(人|男|女)(\d+)(?:\.(\S+))?", name)
    if m:
        return person_field(m.group(1) + m.group(2), m.group(1), m.group(3), ctx, args)
    m = re.fullmatch(r"(公司|乡企)(\d+)(?:\.(\S+))?", name)
    if m:
        return company_field(m.group(1) + m.group(2), args, m.group(3), ctx)
    raise TemplateError(f"unknown variable {{{inner}}}")


def counter(style: str, ctx: Context) -> str:
    if style == "第一条":
        ctx.counters[style] = ctx.counters.get(style, 0) + 1
        return f"第{cn_number(ctx.counters[style])}条　"
    if style not in COUNTER_STYLES:
        raise TemplateError(f"unknown numbering {{#{style}}}")
    n = ctx.counters.get(style, 0) + 1
    ctx.counters[style] = n
    for lower in COUNTER_STYLES[COUNTER_STYLES.index(style) + 1 :]:
        ctx.counters[lower] = 0
    return {"一": f"{cn_number(n)}、", "（一）": f"（{cn_number(n)}）", "1": f"{n}．"}.get(
        style, f"（{n}）"
    )


def new_person(kind: str, ctx: Context, ages: tuple[int, int] = (24, 68)) -> Person:
    rng, names = ctx.rng, ctx.names
    sex = {"男": "男", "女": "女"}.get(kind) or rng.choice("男女")
    pool = names.male if sex == "男" else names.female
    while True:
        surname = rng.choices(names.surnames, weights=names.weights)[0]
        given = rng.choice(pool) if rng.random() < 0.35 else rng.choice(pool) + rng.choice(pool)
        given = given[:2]
        full = surname + given
        if full not in ctx.used_names and len(set(given)) == len(given):
            ctx.used_names.add(full)
            break
    age = rng.randint(*ages)
    birth = datetime.date(ctx.year - age, rng.randint(1, 12), rng.randint(1, 28))
    region = f"{rng.choice(ctx.lex['id_province'])}{rng.randint(1, 9):02d}{rng.randint(2, 29):02d}"
    seq = f"{rng.randint(0, 99):02d}{rng.choice('13579' if sex == '男' else '02468')}"
    if ctx.year < 2000 and rng.random() < 0.5:
        id_number = f"{region}{birth:%y%m%d}{seq}"  # the old 15-digit form
    else:
        body = f"{region}{birth:%Y%m%d}{seq}"
        id_number = body + id_check(body)
    if ctx.year < 2004:
        phone = f"0{rng.randint(310, 999)}-{rng.randint(2, 8)}{rng.randint(0, 999999):06d}"
    else:
        phone = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
    p = ctx.place
    address = (
        f"{p['县']}{p['镇']}{p['村']}{rng.randint(1, 12)}组{rng.randint(1, 80)}号"
        if rng.random() < 0.5
        else f"{p['市']}{p['区']}{p['路']}{rng.randint(1, 300)}号"
        f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 28)}0{rng.randint(1, 4)}室"
    )
    return Person(full, surname, sex, birth, id_number, phone, address)


def person_field(key: str, kind: str, attr: str | None, ctx: Context, args: str = "") -> str:
    if key not in ctx.people:
        ages = _range(args, key) if re.fullmatch(r"\d+-\d+", args) else (24, 68)
        ctx.people[key] = new_person(kind, ctx, ages)  # {人1:40-55}: an age range
        if args.startswith("同姓"):  # {男3:同姓人1}: a relative who shares 人1's surname
            kin = args[2:]
            if kin not in ctx.people:
                raise TemplateError(f"{{{key}:{args}}} before {kin} is named")
            p, surname = ctx.people[key], ctx.people[kin].surname
            ctx.used_names.discard(p.name)
            p.name, p.surname = surname + p.name[len(p.surname) :], surname
    p = ctx.people[key]
    if attr is None:
        return p.name
    values = {
        "姓": p.surname,
        "某": p.surname + "某",
        "某某": p.surname + "某某",
        "性别": p.sex,
        "年龄": str(ctx.year - p.birth.year),
        "生日": f"{p.birth.year}年{p.birth.month}月{p.birth.day}日",
        "身份证": p.id_number,
        "电话": p.phone,
        "住址": p.address,
        "他她": "他" if p.sex == "男" else "她",
    }
    if attr not in values:
        raise TemplateError(f"unknown person field {attr!r}")
    return values[attr]


def company_field(key: str, industry: str, attr: str | None, ctx: Context) -> str:
    rng, lex = ctx.rng, ctx.lex
    if key not in ctx.companies:
        brand = rng.choice(lex["brand"])
        while any(c["brand"] == brand for c in ctx.companies.values()):
            brand = rng.choice(lex["brand"])
        industry = industry or rng.choice(lex["industry" if ctx.year >= 2000 else "industry_old"])
        form = rng.choice(lex["company_form"] if ctx.year >= 2000 else lex["company_form_old"])
        where = ctx.place["市名"] if rng.random() < 0.7 else ctx.place["县名"]
        body = (
            "9"
            + rng.choice("11123")
            + f"{rng.randint(110000, 659000)}"
            + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
        )
        old_code = f"{rng.randint(110000, 659000)}{rng.randint(0, 999999999):09d}"
        if key.startswith("乡企"):  # a township enterprise: 石桥镇恒达砖瓦厂
            where, form = ctx.place["镇"], rng.choice(["厂", "厂", "公司"])
        ctx.companies[key] = {
            "brand": brand,
            "industry": industry,
            "name": f"{where}{brand}{industry}{form}",
            "short": f"{brand}{'公司' if '公司' in form else form[-1]}",
            # 统一社会信用代码 from 2015; before, the 15-digit 注册号 / 税务登记号
            "code": body + uscc_check(body) if ctx.year >= 2015 else old_code,
        }
    c = ctx.companies[key]
    if attr is None:
        return c["name"]
    fields = {"简": "short", "代码": "code", "字号": "brand", "行业": "industry"}
    if attr in fields:
        return c[fields[attr]]
    raise TemplateError(f"unknown company field {attr!r}")


def choose_place(rng: random.Random, lex: dict[str, list[str]]) -> dict[str, str]:
    prov = rng.choice(lex["province"])
    city, _, city_latin = rng.choice(lex["city"]).partition("/")
    county = rng.choice(lex["county"]) + "县"
    district = rng.choice(lex["district"]) + "区"
    town = rng.choice(lex["town"])
    place = {
        "省": prov + "省",
        "省名": prov,
        "省简": prov[0],
        "市": city + "市",
        "市名": city,
        "市简": city[0],
        "市拼": city_latin,
        "县": county,
        "县名": county[:-1],
        "县简": county[0],
        "区": district,
        "区名": district[:-1],
        "区简": district[0],
        "镇": town + "镇",
        "乡": rng.choice([t for t in lex["town"] if t != town]) + "乡",
        "村": rng.choice(lex["village"]) + "村",
        "街道": rng.choice(lex["street"]) + "街道",
        "路": rng.choice(lex["road"]) + "路",
        "路2": rng.choice(lex["road"]) + "路",
        "河": rng.choice(lex["river"]),
    }
    if place["路2"] == place["路"]:
        place["路2"] = "新" + place["路"]
    return place


def select_lines(lines: list[str], rng: random.Random, where: str) -> list[str]:
    """Applies optional lines and [shuffle]/[pick] blocks; returns the template lines kept."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.fullmatch(r"\[(shuffle)?\s*(?:pick (\d+)-(\d+))?\]", line.strip())
        if m and line.strip() != "[]":
            j = i + 1
            while j < len(lines) and lines[j].strip() != "[/]":
                j += 1
            if j == len(lines):
                raise TemplateError(f"{where}: block opened by {line!r} is not closed")
            block = select_lines(lines[i + 1 : j], rng, where)
            if m.group(2):
                k = rng.randint(int(m.group(2)), min(int(m.group(3)), len(block)))
                keep = sorted(rng.sample(range(len(block)), k))
                block = [block[x] for x in keep]
            if m.group(1):
                rng.shuffle(block)
            out.extend(block)
            i = j + 1
            continue
        om = re.match(r"\?(\d*)\s?", line)
        if om:
            chance = int(om.group(1) or 50) / 100
            if rng.random() < chance:
                out.append(line[om.end() :])
        else:
            out.append(line)
        i += 1
    return out


def period_names(text: str, year: int, lex: dict[str, list[str]]) -> str:
    """Organisation names as they were in ``year`` (lexicon ``renamed_before_YYYY``).

    Skeletons name today's offices (自然资源局, 应急管理局 …); a document dated before the
    reform that created an office gets the office's earlier name instead.
    """
    for key in sorted((k for k in lex if k.startswith("renamed_before_")), reverse=True):
        if year < int(key.rsplit("_", 1)[1]):
            for pair in lex[key]:
                new, _, old = pair.partition(">")
                text = text.replace(new, old)
    return text


PART_RE = re.compile(r"⟦(pp|cs):(.*?)⟧", re.S)


def extract_parts(text: str) -> tuple[str, list[dict]]:
    parts, pieces, pos, shift = [], [], 0, 0
    for m in PART_RE.finditer(text):
        pieces.append(text[pos : m.start()])
        start = m.start() - shift
        pieces.append(m.group(2))
        parts.append({"code": PART_CODES[m.group(1)], "start": start, "end": start + len(m[2])})
        shift += len(m.group(0)) - len(m.group(2))
        pos = m.end()
    pieces.append(text[pos:])
    out = "".join(pieces)
    if "⟦" in out or "⟧" in out:
        raise TemplateError("unbalanced part brackets")
    return out, parts


def render(fam: Family, index: int, year: int, seed: int, lex, names) -> dict:
    rng = random.Random(f"{seed}:{fam.id}:{index}")
    date = datetime.date(year, rng.randint(*fam.months), rng.randint(1, 28))
    ctx = Context(rng, lex, names, year, date, choose_place(rng, lex))
    where = f"{fam.path}:{fam.id}"
    try:
        kept = select_lines(fam.lines, rng, where)
        lines = [expand(line, ctx).rstrip() for line in kept]
        text = "\n".join(line for line in lines if line.strip()) + "\n"
        text, parts = extract_parts(period_names(text, year, lex))
        rationale = period_names(expand(fam.rationale, ctx), year, lex)
    except (TemplateError, KeyError, ValueError) as exc:
        raise TemplateError(f"{where}: {exc}") from exc
    if "{" in text or "}" in text:
        raise TemplateError(f"{where}: braces left in the text")
    if re.search(r"[^\x00-\x7f]@\w", text):
        raise TemplateError(f"{where}: a choice key (@…) left in the text")
    return {
        "id": f"{fam.id}-{index}",
        "family": fam.id,
        "text": text,
        "attribute": fam.attribute,
        "grounds": list(fam.grounds),
        "partial": bool(parts),
        "parts": parts,
        "topic": fam.topic,
        "doc_type": fam.doc_type,
        "year": year,
        "era": "modern" if year >= MODERN_FROM else "pre2010",
        "hard_case": fam.hard_case,
        "split": "",
        "source": fam.source,
        "rationale": rationale,
    }


def family_years(fam: Family, n: int, rng: random.Random) -> list[int]:
    lo, hi = fam.years
    pool = list(range(lo, hi + 1))
    if n <= len(pool):
        return sorted(rng.sample(pool, n))
    return sorted(rng.choice(pool) for _ in range(n))


def render_family(fam: Family, seed: int, lex, names) -> list[dict]:
    rng = random.Random(f"{seed}:{fam.id}")
    n = rng.randint(*fam.variants)
    docs, texts = [], set()
    for index, year in enumerate(family_years(fam, n, rng), start=1):
        doc = render(fam, index, year, seed, lex, names)
        if doc["text"] in texts:
            raise TemplateError(f"{fam.id}: variant {index} repeats another variant")
        texts.add(doc["text"])
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------- near-duplicates


def shingles(text: str, k: int = 5) -> set[str]:
    t = re.sub(r"\s+", "", text)
    return {t[i : i + k] for i in range(len(t) - k + 1)}


def max_cross_jaccard(a: list[dict], b: list[dict], k: int = 5) -> tuple[float, str, str]:
    """The highest character k-gram Jaccard between a document of ``a`` and one of ``b``.

    An inverted index over ``b``'s shingles counts the shared shingles of each pair that shares
    any, so that only those pairs are scored.
    """
    index: dict[str, list[int]] = defaultdict(list)
    b_sets = [shingles(d["text"], k) for d in b]
    for j, s in enumerate(b_sets):
        for g in s:
            index[g].append(j)
    best = (0.0, "", "")
    for doc in a:
        s = shingles(doc["text"], k)
        shared: Counter[int] = Counter()
        for g in s:
            shared.update(index.get(g, ()))
        for j, inter in shared.items():
            jac = inter / (len(s) + len(b_sets[j]) - inter)
            if jac > best[0]:
                best = (jac, doc["id"], b[j]["id"])
    return best


# ---------------------------------------------------------------------------- build


def build_records(seed: int = DEFAULT_SEED, family_dir: Path = FAMILY_DIR) -> dict[str, list]:
    lex = read_lexicon()
    names = Names.load(lex)
    families = load_families(family_dir)
    splits = family_splits(families, seed)
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for fam in families:
        for doc in render_family(fam, seed, lex, names):
            doc["split"] = splits[fam.id]
            out[doc["split"]].append(doc)
    return out


def build(out_dir: Path, seed: int = DEFAULT_SEED) -> dict[str, list[dict]]:
    """Writes train.jsonl, dev.jsonl and test.jsonl into ``out_dir``; returns the records."""
    records = build_records(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, docs in records.items():
        lines = [json.dumps(d, ensure_ascii=False) + "\n" for d in docs]
        (out_dir / f"{split}.jsonl").write_text("".join(lines), encoding="utf-8")
    return records


def installed_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in BUILT_WITH:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out


def _table(title: str, counter_by_split: dict[str, Counter], keys) -> str:
    head = f"| {title} | " + " | ".join(SPLITS) + " | all |"
    rows = [head, "| --- |" + " ---: |" * (len(SPLITS) + 1)]
    for key in keys:
        cells = [counter_by_split[s][key] for s in SPLITS]
        rows.append(f"| {key} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    return "\n".join(rows)


def stats(records: dict[str, list[dict]]) -> str:
    """Markdown tables of the counts per split (documents; families in the first table)."""
    c: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for split, docs in records.items():
        for d in docs:
            c["families"][split][d["attribute"]] += 0
            c["attribute"][split][d["attribute"]] += 1
            for g in d["grounds"]:
                c["ground"][split][g] += 1
            c["doc_type"][split][d["doc_type"]] += 1
            c["topic"][split][d["topic"]] += 1
            c["era"][split][d["era"]] += 1
            c["hard_case"][split][d["hard_case"] or "(none)"] += 1
            c["partial"][split]["partial" if d["partial"] else "whole"] += 1
            c["source"][split][d["source"]] += 1
        fams = {(d["family"], d["attribute"]) for d in docs}
        for _, attr in fams:
            c["fam"][split][attr] += 1
    all_grounds = NOT_PUBLIC_GROUNDS + PUBLIC_GROUNDS + ON_REQUEST_GROUNDS
    present = {k for s in SPLITS for k in c["ground"][s]}
    blocks = [
        _table("families by attribute", c["fam"], ATTRIBUTES),
        _table("documents by attribute", c["attribute"], ATTRIBUTES),
        _table("ground", c["ground"], [g for g in all_grounds if g in present]),
        _table("文种 doc_type", c["doc_type"], DOC_TYPES),
        _table("主题 topic", c["topic"], TOPICS),
        _table("era", c["era"], ("modern", "pre2010")),
        _table("hard_case", c["hard_case"], (*HARD_CASES, "(none)")),
        _table("parts", c["partial"], ("partial", "whole")),
        _table("source", c["source"], ("generated", "handwritten")),
    ]
    return "\n\n".join(blocks) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE, help="directory for the three .jsonl")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--stats", action="store_true", help="print count tables (Markdown)")
    args = ap.parse_args(argv)
    versions = installed_versions()
    if versions != BUILT_WITH:
        print(f"note: built with {BUILT_WITH}, installed {versions}", file=sys.stderr)
    records = build(args.out, args.seed)
    total = sum(len(v) for v in records.values())
    fams = {d["family"] for v in records.values() for d in v}
    digest = hashlib.sha256(
        b"".join((args.out / f"{s}.jsonl").read_bytes() for s in SPLITS)
    ).hexdigest()[:16]
    sizes = ", ".join(f"{s} {len(records[s])}" for s in SPLITS)
    print(f"{total} documents from {len(fams)} families ({sizes}); sha256 {digest}")
    jac = max_cross_jaccard(records["train"], records["test"])
    print(f"max 5-gram Jaccard train/test: {jac[0]:.3f} ({jac[1]} ~ {jac[2]})")
    if args.stats:
        print(stats(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
