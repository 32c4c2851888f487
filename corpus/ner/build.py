"""Builds the gkreview NER corpus: train, dev, dev_fit and test .jsonl beside this file.

    .venv/bin/python corpus/ner/build.py                 # the committed corpus (default seed)
    .venv/bin/python corpus/ner/build.py --out out/ner --seed 7

Sources (see PROVENANCE.md): the templates in templates/*.txt and the documents in
handwritten/*.txt were written for this project; person names come from Faker's zh_CN person
provider (its name lists, drawn with our own seeded random.Random) and from names generated here
from the lists in lexicon/; addresses are built on the administrative divisions in
python-stdnum's cn/loc.dat, with township, village, road and house grammar generated here.

Splits: templates marked ``split=train`` give train records (and, from the first batch, the
dev_fit records), ``split=dev`` templates give only dev records and ``split=test`` templates
only test records. Every person name and every address value belongs to exactly one split:
names and counties are assigned to a split by a hash of their text, the pieces of generated
given names and of generated place names are held out for test the same way, and a registry
rejects any value already used by another split (handwritten documents register theirs first).
Building is deterministic for a given seed.

Two phases. Phase 1 is frozen: the templates in the files numbered below 30 (01_…, 20_…) give
train, dev_fit and test, in that order, with the random streams and targets the corpus has
always had, so that the test split stays byte-identical. Phase 2 then gives the records of the
later template files (3x_dev_*: the held-out dev split; 40_… to 43_… train: more train records)
from random streams of their own, after test's values are registered. Phase 3 last gives the
records of the third batch of training files (numbered 44 and up), so dev and every earlier
train record stay the same.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE_DIR = HERE / "templates"
HANDWRITTEN_DIR = HERE / "handwritten"
RUNNING_DIR = HERE / "running"  # phase 4: hand-written running-text sentences, train only
LEXICON_DIR = HERE / "lexicon"

DEFAULT_SEED = 20240611
LABELS = ("PERSON", "ADDRESS", "DATE_OF_BIRTH")
SPLITS = ("train", "dev", "test")  # the value owners (hash partition) and handwritten splits
OUTPUTS = ("train", "dev", "dev_fit", "test")  # the files written
# Generated (template) records per output; handwritten documents come on top.
# Phase 1 (frozen: template files numbered below FROZEN_BELOW; never change these three).
TARGETS = {"train": 2500, "dev_fit": 280, "test": 720}
# Phase 2 (template files numbered FROZEN_BELOW and up): more train, and the held-out dev.
MORE_TARGETS = {"train": 1400, "dev": 495}
FROZEN_BELOW = 30
# Phase 3 (training template files numbered THIRD_FROM and up): a third batch of train records,
# drawn last from a stream of its own, so that dev and every earlier train record stay the same.
THIRD_TARGETS = {"train": 900}
THIRD_FROM = 44
NEGATIVE_SHARE = 0.15  # share of records drawn from templates that hold no entity
# Hash fractions below each cut belong to that split (values: names, counties).
OWNER_CUTS = ((0.75, "train"), (0.85, "dev"), (1.0, "test"))
HELD_OUT_FROM = 0.8  # pieces (given names, place stems) with a fraction >= this are test's

CN_DIGITS = "〇一二三四五六七八九"
# The committed corpus was built with these; another version may draw other names or places.
BUILT_WITH = {"faker": "40.54.0", "python-stdnum": "2.2"}


def installed_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in BUILT_WITH:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out


# ---------------------------------------------------------------------------- helpers


def _frac(key: str) -> float:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def owner(key: str) -> str:
    """The split a value belongs to, from a hash of its text (independent of the seed)."""
    f = _frac(key)
    for cut, split in OWNER_CUTS:
        if f < cut:
            return split
    return "test"


def piece_side(key: str) -> str:
    """Two-way partition of name and place pieces: 'test' or 'train' (train and dev)."""
    return "test" if _frac(key) >= HELD_OUT_FROM else "train"


def side_of(split: str) -> str:
    return "test" if split == "test" else "train"


def lexicon(name: str) -> dict[str, list[str]]:
    """A lexicon file: whitespace-separated items, '#' comments, optional [section] headers."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
            continue
        sections[current].extend(line.split())
    return sections


def words(name: str, section: str = "") -> list[str]:
    return _dedupe(lexicon(name)[section])


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (三, 十二, 二十三)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def cn_year(y: int) -> str:
    return "".join(CN_DIGITS[int(c)] for c in str(y))


# ------------------------------------------------------------------------- divisions


@dataclass(frozen=True)
class County:
    code: str  # six digits
    province: str
    prefecture: str | None  # None under a municipality or where the level is a placeholder
    name: str

    @property
    def municipality(self) -> bool:
        return self.code[:2] in {"11", "12", "31", "50"}

    @property
    def key(self) -> str:
        return f"county:{self.province}{self.name}"


PLACEHOLDERS = {
    "市辖区",
    "县",
    "郊区",
    "矿区",
    "省直辖县级行政单位",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
}
PERIOD_RE = re.compile(r"^(?:\[(\d*)-(\d*)\])?(.+)$")


def _periods(raw: str) -> list[tuple[int, int, str]]:
    out = []
    for part in raw.split(","):
        m = PERIOD_RE.match(part.strip())
        if not m:
            continue
        start = int(m.group(1)) if m.group(1) else 0
        end = int(m.group(2)) if m.group(2) else 9999
        out.append((start, end, m.group(3)))
    return out


def _name_in(periods: list[tuple[int, int, str]], year: int) -> str | None:
    for start, end, name in periods:
        if start <= year <= end:
            return name
    return None


def stdnum_loc_path() -> Path:
    import stdnum.cn

    return Path(stdnum.cn.__file__).resolve().parent / "loc.dat"


@cache
def _loc_tree() -> list:
    from stdnum import numdb

    return numdb.get("cn/loc").prefixes


@cache
def counties_in(year: int) -> tuple[County, ...]:
    """Every county-level division valid in ``year`` (mainland, simplified names only)."""
    out: list[County] = []
    for _length, prov_code, _high, props, children in _loc_tree():
        if prov_code in {"71", "81", "82"}:
            continue
        province = props["province"]
        rows = {c[1]: _periods(c[3]["county"]) for c in children}
        for code, periods in rows.items():
            if code.endswith("00"):
                continue
            name = _name_in(periods, year)
            if not name or name in PLACEHOLDERS or "區" in name or len(name) < 2:
                continue
            if name.endswith(("单位", "区划", "办事处", "管理区", "行政委员会")):
                continue
            pref_name = _name_in(rows.get(code[:2] + "00", []), year)
            if pref_name in PLACEHOLDERS or pref_name == province:
                pref_name = None
            if pref_name and ("區" in pref_name or pref_name.endswith(("单位", "区划"))):
                pref_name = None
            out.append(County(prov_code + code, province, pref_name, name))
    return tuple(out)


@cache
def county_pool(year: int, split: str) -> tuple[County, ...]:
    return tuple(c for c in counties_in(year) if owner(c.key) == split)


# ---------------------------------------------------------------------------- values


class Registry:
    """Which split a person name or address value was used in; a value is used in one only."""

    def __init__(self) -> None:
        self.split_of: dict[tuple[str, str], str] = {}

    def free_for(self, kind: str, value: str, split: str) -> bool:
        return self.split_of.get((kind, value), split) == split

    def take(self, kind: str, value: str, split: str) -> None:
        self.split_of[(kind, value)] = split

    def relabel(self, old: str, new: str, keep: set[tuple[str, str]]) -> None:
        """Moves the values of ``old`` (except ``keep``) to ``new``: dev_fit's are not dev's."""
        for key, split in self.split_of.items():
            if split == old and key not in keep:
                self.split_of[key] = new


class NameMaker:
    def __init__(self) -> None:
        from faker.providers.person.zh_CN import Provider

        self.faker_surnames = list(Provider.last_names.keys())
        self.faker_weights = list(Provider.last_names.values())
        self.faker_given = {
            "M": list(Provider.first_names_male),
            "F": list(Provider.first_names_female),
        }
        self.compound = words("surnames_compound")
        self.chars = {"M": words("given_chars_male"), "F": words("given_chars_female")}
        self.given_words = {"M": words("given_words_male"), "F": words("given_words_female")}
        minority = lexicon("minority_names")
        self.uyghur = (_dedupe(minority["uyghur_first"]), _dedupe(minority["uyghur_second"]))
        self.tibetan = _dedupe(minority["tibetan"])
        self.blocked = set(words("blocked_names"))
        rare = lexicon("rare_names")
        self.rare_surnames = _dedupe(rare["surnames"])
        self.mongolian = _dedupe(rare["mongolian"])
        self.rare_given_words = {
            "M": _dedupe(rare["word_given_male"]),
            "F": _dedupe(rare["word_given_female"]),
        }

    def rare_candidate(self, rng: random.Random) -> tuple[str, str, str | None]:
        """{PERSON_RARE}: a Mongolian-style name, a rare surname, or a given name that is a
        word (高建设, 周海燕). Only the third batch of templates uses it, so the streams of the
        earlier phases never draw it."""
        gender = rng.choice("MF")
        r = rng.random()
        if r < 0.25:
            name = rng.choice(self.mongolian)
            return name, gender, name
        if r < 0.5:
            surname = rng.choices(self.faker_surnames, weights=self.faker_weights)[0]
            given = rng.choice(self.rare_given_words[gender])
            return surname + given, gender, given
        surname = rng.choice(self.rare_surnames)
        r = rng.random()
        if r < 0.3:
            return surname + rng.choice(self.faker_given[gender]), gender, None
        if r < 0.4:
            given = rng.choice(self.chars[gender])
            return surname + given, gender, None
        given = rng.choice(self.chars[gender]) + rng.choice(self.chars[gender])
        return surname + given, gender, given

    def surname(self, rng: random.Random) -> str:
        r = rng.random()
        if r < 0.05:
            return rng.choice(self.compound)
        if r < 0.12:
            return rng.choice(self.faker_surnames)
        return rng.choices(self.faker_surnames, weights=self.faker_weights)[0]

    def candidate(self, rng: random.Random) -> tuple[str, str, str | None]:
        """(name, gender, held-out piece or None)."""
        gender = rng.choice("MF")
        r = rng.random()
        if r < 0.02:
            a, b = rng.choice(self.uyghur[0]), rng.choice(self.uyghur[1])
            if a == b:
                b = self.uyghur[1][0] if b != self.uyghur[1][0] else self.uyghur[1][1]
            return f"{a}·{b}", gender, f"{a}·{b}"
        if r < 0.035:
            a, b = rng.sample(self.tibetan, 2)
            return a + b, gender, a + b
        surname = self.surname(rng)
        r = rng.random()
        if r < 0.30:
            return surname + rng.choice(self.faker_given[gender]), gender, None
        if r < 0.48:
            given = rng.choice(self.given_words[gender])
        elif r < 0.52:
            given = rng.choice(self.chars[gender])
            return surname + given, gender, None
        elif r < 0.985:
            given = rng.choice(self.chars[gender]) + rng.choice(self.chars[gender])
        else:
            given = "".join(rng.choice(self.chars[gender]) for _ in range(3))
        return surname + given, gender, given


class PlaceMaker:
    def __init__(self) -> None:
        stems = lexicon("place_stems")
        self.heads = _dedupe(stems["head"])
        self.tails = _dedupe(stems["tail"])
        self.family = _dedupe(stems["village_family"])
        roads = lexicon("road_stems")
        self.road_common = _dedupe(roads["common"])
        self.road_first = _dedupe(roads["first"])
        self.road_second = _dedupe(roads["second"])
        self.estate = _dedupe(roads["estate"])
        self.estate_tail = _dedupe(roads["estate_tail"])
        self.towns_common = words("towns_common")

    def _stem(self, rng: random.Random, side: str, make) -> str:
        for _ in range(200):
            stem = make()
            if piece_side(f"stem:{stem}") == side:
                return stem
        raise RuntimeError("no stem")

    def town(self, rng: random.Random, side: str, era: str) -> str:
        if rng.random() < 0.12:
            return rng.choice(self.towns_common)
        stem = self._stem(rng, side, lambda: rng.choice(self.heads) + rng.choice(self.tails))
        suffixes = ["镇", "镇", "乡", "街道"] if era == "modern" else ["镇", "乡", "乡"]
        return stem + rng.choice(suffixes)

    def village(self, rng: random.Random, side: str, era: str, urban: bool = False) -> str:
        r = rng.random()
        if r < 0.06 and not urban:
            # 李村, 王村: a surname alone before 村 is a village name, part of the address
            stem = self._stem(rng, side, lambda: rng.choice(self.heads))
        elif r < 0.25:
            stem = self._stem(rng, side, lambda: rng.choice(self.heads) + rng.choice(self.family))
        else:
            stem = self._stem(rng, side, lambda: rng.choice(self.heads) + rng.choice(self.tails))
        if urban:
            return stem + rng.choice(["社区", "社区", "居委会"])
        if era == "pre2010" and rng.random() < 0.3:
            return stem + rng.choice(["行政村", "村委"])
        return stem + "村"

    def group(self, rng: random.Random, era: str) -> str:
        n = rng.randint(1, 15)
        r = rng.random()
        if r < 0.35:
            return cn_number(n) + "组"
        if r < 0.55:
            return f"{n}组"
        if r < 0.7:
            return f"第{cn_number(n)}村民小组"
        if r < 0.8:
            return cn_number(n) + ("队" if era == "pre2010" else "组")
        if r < 0.9:
            return f"{rng.randint(1, 120)}号"
        return cn_number(n) + "组" + f"{rng.randint(1, 60)}号"

    def road(self, rng: random.Random, side: str) -> str:
        if rng.random() < 0.35:
            stem = rng.choice(self.road_common)
        else:
            stem = self._stem(
                rng, side, lambda: rng.choice(self.road_first) + rng.choice(self.road_second)
            )
        direction = rng.choice(["", "", "", "东", "西", "南", "北", "中"])
        kind = rng.choice(["路", "路", "路", "街", "大道", "大街", "巷"])
        if direction and kind in {"路", "街", "大街"}:
            return stem + direction + kind
        return stem + kind

    def estate_name(self, rng: random.Random, side: str) -> str:
        stem = self._stem(rng, side, lambda: rng.choice(self.estate) + rng.choice(self.estate_tail))
        return stem

    def urban_detail(self, rng: random.Random, side: str, era: str) -> str:
        num = rng.randint(1, 999)
        bldg, unit = rng.randint(1, 32), rng.randint(1, 6)
        room = rng.randint(1, 33) * 100 + rng.randint(1, 6)
        r = rng.random()
        if r < 0.3:
            return (
                f"{self.road(rng, side)}{num}号{self.estate_name(rng, side)}"
                f"{bldg}{rng.choice(['栋', '幢', '号楼'])}{unit}单元"
                f"{room}{rng.choice(['室', '室', ''])}"
            )
        if r < 0.5:
            return f"{self.road(rng, side)}{num}号"
        if r < 0.7:
            return f"{self.estate_name(rng, side)}{bldg}{rng.choice(['栋', '幢'])}{room}室"
        if r < 0.85:
            return f"{self.road(rng, side)}{num}号院{bldg}号楼{unit}单元{room}"
        if era == "pre2010":
            return f"{self.road(rng, side)}{num}号{rng.randint(1, 9)}号楼{room}室"
        return f"{self.road(rng, side)}{num}号{bldg}-{unit}-{room}"


# ---------------------------------------------------------------------------- render


@dataclass
class Piece:
    text: str
    spans: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    # (start, end, label, flag) with flag "public_role", "public_address" or None


@dataclass
class Ctx:
    rng: random.Random
    split: str
    era: str
    year: int
    county: County
    memo: dict = field(default_factory=dict)
    last_gender: str | None = None
    last_dob: tuple[int, int, int] | None = None
    last_official: bool = False
    dob_pending: bool = False  # last_dob was drawn for an age or ID number before the birth date
    ages: tuple[int, int] = (18, 88)
    want_gender: str | None = None  # set by {SEX}: the next person drawn has this gender


SLOT_RE = re.compile(r"\{([A-Z][A-Z0-9_]*)(?:#(\w+))?\}")
# {PERSON_LIST}, {OFFICIAL_LIST} join 2-6 names with 、; the suffixed forms with other separators.
LIST_SLOT_RE = re.compile(r"^(PERSON|OFFICIAL)_LIST(?:_(SP|WS|NL|COMMA))?$")
LIST_SEPARATORS = {"": "、", "SP": "　", "WS": "  ", "NL": "\n", "COMMA": "，"}
ALT_RE = re.compile(r"<([^<>]*)>")


class Builder:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.names = NameMaker()
        self.places = PlaceMaker()
        self.registry = Registry()
        self.hist = words("historical")
        self.orgs = words("orgs")
        self.agencies = words("agencies")
        self.roles = words("roles")

    # ---- values that belong to one split

    def person(self, ctx: Ctx, rare: bool = False) -> tuple[str, str]:
        for _ in range(5000):
            if rare:
                name, gender, piece = self.names.rare_candidate(ctx.rng)
            else:
                name, gender, piece = self.names.candidate(ctx.rng)
            if ctx.want_gender is not None and gender != ctx.want_gender:
                continue
            if name in self.names.blocked or name[:2] in self.names.blocked:
                continue
            if piece is not None and piece_side(f"given:{piece}") != side_of(ctx.split):
                continue
            if owner(f"name:{name}") != ctx.split:
                continue
            if not self.registry.free_for("PERSON", name, ctx.split):
                continue
            self.registry.take("PERSON", name, ctx.split)
            ctx.want_gender = None
            return name, gender
        raise RuntimeError("name pool exhausted")

    def county(self, ctx: Ctx) -> County:
        year = 2023 if ctx.era == "modern" else ctx.year
        return ctx.rng.choice(county_pool(year, ctx.split))

    def address(self, ctx: Ctx, kind: str, office: bool = False) -> str:
        for _ in range(5000):
            value = self._address_candidate(ctx, kind, office)
            if self.registry.free_for("ADDRESS", value, ctx.split):
                self.registry.take("ADDRESS", value, ctx.split)
                return value
        raise RuntimeError("address pool exhausted")

    def _prefix(self, ctx: Ctx, county: County, kind: str) -> str:
        rng = ctx.rng
        if kind == "local":
            return ""
        if county.municipality:
            return (county.province if rng.random() < 0.6 else "") + county.name
        r = rng.random()
        pref = county.prefecture or ""
        if r < 0.4:
            return county.province + pref + county.name
        if r < 0.65:
            return (pref or county.province) + county.name
        if r < 0.75:
            return county.province + county.name
        return county.name

    def _address_candidate(self, ctx: Ctx, kind: str, office: bool = False) -> str:
        rng = ctx.rng
        county = ctx.county if office or rng.random() < 0.5 else self.county(ctx)
        side = side_of(ctx.split)
        if kind == "flat":
            return self._flat_candidate(ctx, county)
        if kind == "any":
            kind = rng.choice(["rural", "rural", "urban", "urban", "local"])
        if kind == "county":
            r = rng.random()
            if county.municipality or r < 0.5:
                return county.province + county.name
            pref = county.prefecture or county.province
            return (county.province + pref if r < 0.75 else pref) + county.name
        if kind == "village":
            town = self.places.town(rng, side, ctx.era)
            village = self.places.village(rng, side, ctx.era)
            if rng.random() < 0.25:
                return county.name + town + village
            return town + village
        prefix = self._prefix(ctx, county, kind)
        urban_county = county.name.endswith(("区", "市")) or county.municipality
        if kind == "local":
            urban = rng.random() < 0.4
        elif kind == "urban":
            urban = True
        else:
            urban = kind != "rural" and urban_county
        if urban:
            town = ""
            if rng.random() < 0.35:
                town = self.places.town(rng, side, "modern")
                if not town.endswith("街道"):
                    town = town[:-1] + "街道" if town.endswith(("镇", "乡")) else town
            if rng.random() < 0.15 and ctx.era == "modern":
                town += self.places.village(rng, side, ctx.era, urban=True)
            return prefix + town + self.places.urban_detail(rng, side, ctx.era)
        town = self.places.town(rng, side, ctx.era)
        village = self.places.village(rng, side, ctx.era)
        tail = self.places.group(rng, ctx.era) if rng.random() < 0.8 else ""
        return prefix + town + village + tail

    def _flat_candidate(self, ctx: Ctx, county: County) -> str:
        """An urban flat written building-unit-room: …小区3-2-501, …路18号院5-1-302室."""
        rng = ctx.rng
        side = side_of(ctx.split)
        r = rng.random()
        prefix = "" if r < 0.35 else self._prefix(ctx, county, "urban")
        town = ""
        if rng.random() < 0.3:
            town = self.places.town(rng, side, "modern")
            if town.endswith(("镇", "乡")):
                town = town[:-1] + "街道"
        bldg, unit = rng.randint(1, 28), rng.randint(1, 6)
        room = rng.randint(1, 26) * 100 + rng.randint(1, 4)
        r = rng.random()
        if r < 0.45:
            place = self.places.estate_name(rng, side)
        elif r < 0.75:
            place = f"{self.places.road(rng, side)}{rng.randint(1, 399)}号院"
        else:
            place = (
                f"{self.places.road(rng, side)}{rng.randint(1, 399)}号"
                f"{self.places.estate_name(rng, side)}"
            )
        tail = rng.choice(["", "", "", "室", "号"])
        return f"{prefix}{town}{place}{bldg}-{unit}-{room}{tail}"

    # ---- dates

    def _dob(self, ctx: Ctx, pending: bool = False) -> tuple[int, int, int]:
        if ctx.dob_pending and ctx.last_dob and not pending:
            ctx.dob_pending = False
            return ctx.last_dob
        low, high = (26, 58) if ctx.last_official else ctx.ages
        y = ctx.rng.randint(ctx.year - high, ctx.year - low)
        m, d = ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)
        ctx.last_dob = (y, m, d)
        ctx.dob_pending = pending
        return y, m, d

    @staticmethod
    def fmt_date(rng: random.Random, y: int, m: int, d: int, style: str) -> str:
        if style == "cn":
            return f"{y}年{m}月{d}日"
        if style == "cn0":
            return f"{y}年{m:02d}月{d:02d}日"
        if style == "iso":
            return f"{y}-{m:02d}-{d:02d}"
        if style == "dot":
            return f"{y}.{m:02d}.{d:02d}"
        if style == "dot1":
            return f"{y}.{m}.{d}"
        if style == "slash":
            return f"{y}/{m}/{d}"
        if style == "han":
            return f"{cn_year(y)}年{cn_number(m)}月{cn_number(d)}日"
        if style == "ym":
            return f"{y}年{m}月"
        if style == "ym0":
            return f"{y}年{m:02d}月"
        if style == "ymdot":
            return f"{y}.{m:02d}"
        if style == "ymhan":
            return f"{cn_year(y)}年{cn_number(m)}月"
        if style == "y":
            return f"{y}年"
        if style == "ymdot1":  # 1985.3
            return f"{y}.{m}"
        if style == "yy_ym":  # 85年3月 (pre-2010 forms)
            return f"{y % 100:02d}年{m}月"
        if style == "yy_cn":  # 85年3月12日
            return f"{y % 100:02d}年{m}月{d}日"
        raise ValueError(style)

    FULL_STYLES = ("cn", "cn", "cn", "cn0", "iso", "dot", "dot1", "slash", "han")
    YM_STYLES = ("ym", "ym", "ym0", "ymdot", "ymhan")

    # ---- slots

    def slot(self, name: str, ctx: Ctx) -> Piece:
        rng = ctx.rng
        if name in {"PERSON_M", "PERSON_F"}:  # a private person of a given gender (其父, 丈夫)
            ctx.want_gender = name[-1]
            return self.slot("PERSON", ctx)
        if name in {"PERSON", "PERSON_OFFICIAL", "PERSON_RARE"}:
            value, gender = self.person(ctx, rare=name == "PERSON_RARE")
            ctx.last_gender = gender
            ctx.last_official = name == "PERSON_OFFICIAL"
            ctx.last_dob, ctx.dob_pending = None, False
            flag = "public_role" if name == "PERSON_OFFICIAL" else None
            return Piece(value, [(0, len(value), "PERSON", flag)])
        if name == "SEX":  # a gender given before the name: the next person drawn agrees
            ctx.want_gender = rng.choice("MF")
            ctx.last_gender = ctx.want_gender
            return Piece("男" if ctx.want_gender == "M" else "女")
        list_match = LIST_SLOT_RE.match(name)
        if list_match:
            flag = "public_role" if list_match.group(1) == "OFFICIAL" else None
            sep = LIST_SEPARATORS[list_match.group(2) or ""]
            text, spans = "", []
            for i in range(rng.randint(2, 6)):
                if i:
                    text += sep
                value, _ = self.person(ctx)
                spans.append((len(text), len(text) + len(value), "PERSON", flag))
                text += value
            return Piece(text, spans)
        if name.startswith("ADDRESS") or name in {"VILLAGE_ADDR", "OFFICE_ADDRESS"}:
            kind = {
                "ADDRESS": "any",
                "ADDRESS_FLAT": "flat",
                "ADDRESS_RURAL": "rural",
                "ADDRESS_URBAN": "urban",
                "ADDRESS_COUNTY": "county",
                "ADDRESS_LOCAL": "local",
                "VILLAGE_ADDR": "village",
                "OFFICE_ADDRESS": "urban",
            }[name]
            value = self.address(ctx, kind, office=name == "OFFICE_ADDRESS")
            flag = "public_address" if name == "OFFICE_ADDRESS" else None
            return Piece(value, [(0, len(value), "ADDRESS", flag)])
        if name.startswith("DOB"):
            y, m, d = self._dob(ctx)
            style = {
                "DOB": lambda: rng.choice(self.FULL_STYLES),
                "DOB_YM": lambda: rng.choice(self.YM_STYLES),
                "DOB_YMDOT": lambda: rng.choice(("ymdot", "ymdot", "ym", "ym0")),
                "DOB_ANY": lambda: rng.choice(self.FULL_STYLES + self.YM_STYLES),
                "DOB_Y": lambda: "y",
                "DOB_YMDOT1": lambda: rng.choice(("ymdot1", "ymdot1", "ymdot")),
                "DOB_YY": lambda: rng.choice(("yy_ym", "yy_ym", "yy_cn")),
                "DOB_HAN": lambda: rng.choice(("han", "han", "ymhan")),
            }[name]()
            value = self.fmt_date(rng, y, m, d, style)
            return Piece(value, [(0, len(value), "DATE_OF_BIRTH", None)])
        return Piece(self.plain(name, ctx))

    def plain(self, name: str, ctx: Ctx) -> str:
        rng = ctx.rng
        county = ctx.county
        if name == "GENDER":
            g = ctx.last_gender or rng.choice("MF")
            return "男" if g == "M" else "女"
        if name in {"DATE", "DATE_CN", "DATE_HAN"}:
            y = ctx.year if rng.random() < 0.7 else ctx.year - 1
            m, d = rng.randint(1, 12), rng.randint(1, 28)
            style = {"DATE": rng.choice(("cn", "cn", "cn", "cn0", "iso", "han")), "DATE_CN": "cn"}
            ctx.memo["last_date"] = (y, m, d, style.get(name, "han"))
            return self.fmt_date(rng, y, m, d, style.get(name, "han"))
        if name == "DATE_NEXT":  # a week after the last {DATE}, in its style
            y, m, d, style = ctx.memo.get("last_date", (ctx.year, 3, 1, "cn"))
            later = datetime.date(y, m, d) + datetime.timedelta(days=rng.randint(5, 9))
            return self.fmt_date(rng, later.year, later.month, later.day, style)
        if name == "DATETIME":
            m, d = rng.randint(1, 12), rng.randint(1, 28)
            h1 = rng.randint(8, 16)
            start = f"{h1}时{rng.randint(0, 5)}0分"
            return f"{ctx.year}年{m}月{d}日{start}至{h1 + 1}时{rng.randint(0, 5)}0分"
        if name == "YEAR":
            return str(ctx.year)
        if name == "YEAR_HAN":
            return cn_year(ctx.year)
        if name == "AGE":
            y = ctx.last_dob[0] if ctx.last_dob else self._dob(ctx, pending=True)[0]
            return str(ctx.year - y)
        if name == "PRONOUN":
            return "她" if ctx.last_gender == "F" else "他"
        if name == "CHILD_REL":
            options = (
                ["之女", "长女", "次女"] if ctx.last_gender == "F" else ["之子", "长子", "次子"]
            )
            return rng.choice(options)
        if name == "KIN":
            if ctx.last_gender == "F":
                return rng.choice(["妻子", "母亲", "女儿", "邻居", "嫂子"])
            return rng.choice(["丈夫", "父亲", "儿子", "邻居", "哥哥"])
        if name == "FAMILY":
            return str(rng.randint(1, 7))
        if name == "FAMILY_CN":
            return cn_number(rng.randint(1, 7))
        if name in {"IDNO", "IDNO15"}:
            return self.idno(
                ctx, fifteen=name == "IDNO15" or (ctx.year < 2000 and rng.random() < 0.5)
            )
        if name == "PHONE":
            return f"1{rng.choice('3456789')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
        if name == "LANDLINE":
            return f"0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}"
        if name == "MONEY":
            r = rng.random()
            if r < 0.4:
                return f"{rng.randint(2, 200) * 50}元"
            if r < 0.7:
                return f"{rng.randint(1000, 99999):,}.00元"
            return f"{rng.randint(1, 80)}万元"
        if name == "MONEY_NUM":
            return str(rng.randint(2, 200) * 10)
        if name == "AREA":
            return f"{rng.randint(30, 400)}.{rng.randint(0, 99):02d}"
        if name == "NUM":
            return str(rng.randint(2, 60))
        if name == "MONTH":
            return str(rng.randint(1, 12))
        if name == "DAY":
            return str(rng.randint(1, 28))
        if name == "MONTH_CN":
            return cn_number(rng.randint(1, 12))
        if name == "DAY_CN":
            return cn_number(rng.randint(1, 28))
        if name == "NUM_CN":
            return cn_number(rng.randint(2, 30))
        if name == "CASENO":
            abbr = county.name[0] + rng.choice(["政", "林", "环", "市监", "自然资", "城管", "民"])
            kind = rng.choice(["罚决字", "罚", "决", "告", "发", "函", "信复"])
            return f"{abbr}{kind}〔{ctx.year}〕{rng.randint(1, 300)}号"
        if name == "USCC":
            from stdnum.cn import uscc

            body = (
                "91"
                + county.code
                + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
            )
            return body + uscc.calc_check_digit(body)
        if name == "ORG":
            if rng.random() < 0.6:
                return rng.choice(self.orgs)
            stem = rng.choice(self.places.road_first) + rng.choice(self.places.road_second)
            trade = rng.choice(["建材", "商贸", "食品", "建筑工程", "物业管理", "农业开发", "运输"])
            return f"{county.name}{stem}{trade}有限公司"
        if name == "ORG_LAW":
            return rng.choice(self.places.road_first) + rng.choice(self.places.road_second)
        if name == "UNIT":
            where = county.name
            if county.prefecture and rng.random() < 0.2:
                where = county.prefecture
            return where + rng.choice(self.agencies)
        if name == "PLACE":
            if county.prefecture and rng.random() < 0.3:
                return county.prefecture
            return county.name
        if name == "TOWN":
            return ctx.memo.setdefault("TOWN", self.places.town(rng, side_of(ctx.split), ctx.era))
        if name == "VILLAGE_ORG":
            return self.places.village(rng, side_of(ctx.split), ctx.era)
        if name == "ROLE":
            return rng.choice(self.roles)
        if name == "HIST":
            return rng.choice(self.hist)
        if name == "PSEUDO":
            surname = self.names.surname(rng)
            return surname + rng.choice(["某", "某某", "某某", "某甲", "某乙", "××", "**", "某1"])
        if name == "HONORIFIC":
            return self.names.surname(rng) + rng.choice(["女士", "先生", "先生", "女士", "同学"])
        if name == "N":
            return "1"
        raise KeyError(f"unknown slot {{{name}}}")

    def idno(self, ctx: Ctx, fifteen: bool) -> str:
        from stdnum.cn import ric

        y, m, d = ctx.last_dob or self._dob(ctx, pending=True)
        area = ctx.county.code
        seq = ctx.rng.randint(0, 99) * 10 + ctx.rng.randint(0, 9)
        if fifteen:
            return f"{area}{y % 100:02d}{m:02d}{d:02d}{seq:03d}"
        body = f"{area}{y}{m:02d}{d:02d}{seq:03d}"
        return body + ric.calc_check_digit(body)

    # ---- templates

    def render(self, template: Template, ctx: Ctx) -> Piece:
        lines: list[str] = []
        for line in template.text.split("\n"):
            if line.startswith("*"):
                for i in range(ctx.rng.randint(2, 5)):
                    lines.append(line[1:].replace("{N}", str(i + 1)))
            else:
                lines.append(line)
        text = "\n".join(lines)
        while True:
            m = ALT_RE.search(text)
            if not m:
                break
            text = text[: m.start()] + ctx.rng.choice(m.group(1).split("|")) + text[m.end() :]
        out: list[str] = []
        spans: list[tuple[int, int, str, str | None]] = []
        length = 0
        pos = 0
        for m in SLOT_RE.finditer(text):
            literal = text[pos : m.start()]
            out.append(literal)
            length += len(literal)
            name, key = m.group(1), m.group(2)
            if key is not None and (name, key) in ctx.memo:
                piece = ctx.memo[(name, key)]
            else:
                if key is not None and name == "GENDER":
                    ctx.last_gender = ctx.memo.get(("gender", key), ctx.last_gender)
                piece = self.slot(name, ctx)
                if key is not None:
                    ctx.memo[(name, key)] = piece
                    if name in {"PERSON", "PERSON_OFFICIAL", "PERSON_RARE"}:
                        ctx.memo[("gender", key)] = ctx.last_gender
            out.append(piece.text)
            spans.extend((s + length, e + length, lab, flag) for s, e, lab, flag in piece.spans)
            length += len(piece.text)
            pos = m.end()
        out.append(text[pos:])
        return Piece("".join(out), spans)

    def new_ctx(self, rng: random.Random, split: str, era: str) -> Ctx:
        year = rng.randint(2015, 2024) if era == "modern" else rng.randint(1990, 2009)
        ctx = Ctx(rng=rng, split=split, era=era, year=year, county=None)  # type: ignore[arg-type]
        ctx.county = self.county(ctx)
        return ctx


# ------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class Template:
    id: str
    genre: str
    era: str
    split: str  # "train", "dev" or "test"
    negative: bool
    text: str
    ages: tuple[int, int] = (18, 88)  # age range of the people a record's birth dates are for
    file: str = ""  # the template file's name

    @property
    def frozen(self) -> bool:
        """In the first batch of files (numbered below FROZEN_BELOW): phase 1."""
        return file_number(self.file) < FROZEN_BELOW

    @property
    def third(self) -> bool:
        """In the third batch of training files (numbered THIRD_FROM and up): phase 3."""
        return file_number(self.file) >= THIRD_FROM


def file_number(name: str) -> int:
    m = re.match(r"\d+", name)
    if not m:
        raise ValueError(f"template file {name} does not start with a number")
    return int(m.group())


HEADER_RE = re.compile(r"^===\s*(\S+)\s*\|(.*)$")


def load_templates(directory: Path = TEMPLATE_DIR) -> list[Template]:
    """Blocks that start with '=== id | genre=... | era=... | split=...[ | negative]'."""
    templates: list[Template] = []
    for path in sorted(directory.glob("*.txt")):
        header: re.Match | None = None
        body: list[str] = []
        blocks: list[tuple[re.Match, list[str]]] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.startswith("#") and header is None:
                continue
            m = HEADER_RE.match(raw)
            if m:
                if header is not None:
                    blocks.append((header, body))
                header, body = m, []
            elif header is not None:
                body.append(raw)
        if header is not None:
            blocks.append((header, body))
        for m, lines in blocks:
            while lines and not lines[-1].strip():
                lines.pop()
            lines = [ln for ln in lines if not ln.startswith("#")]
            attrs = {}
            flags = set()
            for part in m.group(2).split("|"):
                part = part.strip()
                if "=" in part:
                    k, v = part.split("=", 1)
                    attrs[k.strip()] = v.strip()
                elif part:
                    flags.add(part)
            text = "\n".join(lines).replace("\\t", "\t")
            templates.append(
                Template(
                    id=m.group(1),
                    genre=attrs["genre"],
                    era=attrs.get("era", "modern"),
                    split=attrs["split"],
                    negative="negative" in flags,
                    text=text,
                    ages=tuple(int(x) for x in attrs.get("age", "18-88").split("-")),
                    file=path.name,
                )
            )
    for t in templates:
        if t.third and t.split != "train":
            raise ValueError(
                f"{t.file}: {t.id}: files numbered {THIRD_FROM} and up hold train only"
            )
        allowed = ("train", "test") if t.frozen else ("train", "dev")
        if t.split not in allowed:
            raise ValueError(
                f"{t.file}: {t.id} says split={t.split}; files numbered below {FROZEN_BELOW} hold "
                "train and test templates only, later files train and dev templates only"
            )
    ids = [t.id for t in templates]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    if dupes:
        raise ValueError(f"duplicate template ids: {dupes}")
    return templates


# ------------------------------------------------------------------------ handwritten

MARK_RE = re.compile(r"\[\[([^\[\]|]+)\|(PERSON|ADDRESS|DATE_OF_BIRTH)(?:\|(public))?\]\]")


@dataclass(frozen=True)
class Handwritten:
    id: str
    genre: str
    era: str
    split: str
    text: str
    entities: tuple[tuple[int, int, str], ...]
    public_role: tuple[tuple[int, int], ...]
    public_address: tuple[tuple[int, int], ...]


def strip_markup(marked: str) -> tuple[str, list[tuple[int, int, str, str | None]]]:
    """``[[张建国|PERSON]]`` → 张建国 with its span; ``|public`` marks a public role/address."""
    out: list[str] = []
    spans: list[tuple[int, int, str, str | None]] = []
    length, pos = 0, 0
    for m in MARK_RE.finditer(marked):
        literal = marked[pos : m.start()]
        out.append(literal)
        length += len(literal)
        value, label, public = m.group(1), m.group(2), m.group(3)
        flag = None
        if public:
            flag = "public_role" if label == "PERSON" else "public_address"
        spans.append((length, length + len(value), label, flag))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unparsed markup in: {text[:80]}")
    return text, spans


def load_handwritten(directory: Path = HANDWRITTEN_DIR) -> list[Handwritten]:
    docs = []
    for path in sorted(directory.glob("*.txt")):
        meta: dict[str, str] = {}
        body: list[str] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not body and raw.startswith("# ") and ":" in raw:
                k, v = raw[2:].split(":", 1)
                meta[k.strip()] = v.strip()
            else:
                body.append(raw)
        while body and not body[0].strip():
            body.pop(0)
        text, spans = strip_markup("\n".join(body).rstrip("\n"))
        docs.append(
            Handwritten(
                id=path.stem,
                genre=meta["genre"],
                era=meta.get("era", "modern"),
                split=meta["split"],
                text=text,
                entities=tuple((s, e, lab) for s, e, lab, _ in spans),
                public_role=tuple((s, e) for s, e, _, f in spans if f == "public_role"),
                public_address=tuple((s, e) for s, e, _, f in spans if f == "public_address"),
            )
        )
    return docs


# ---------------------------------------------------------------------------- build


def _record(rid: str, piece: Piece, template: str, genre: str, era: str, split: str, source: str):
    rec = {
        "id": rid,
        "text": piece.text,
        "entities": [[s, e, lab] for s, e, lab, _ in sorted(piece.spans)],
        "template": template,
        "genre": genre,
        "era": era,
        "split": split,
        "source": source,
    }
    public = [[s, e] for s, e, _, f in sorted(piece.spans) if f == "public_role"]
    if public:
        rec["public_role"] = public
    addr = [[s, e] for s, e, _, f in sorted(piece.spans) if f == "public_address"]
    if addr:
        rec["public_address"] = addr
    return rec


def _schedule(rng: random.Random, templates: list[Template], n: int) -> list[Template]:
    """n templates, as even a use of each as n allows, in a shuffled order."""
    if n > 0 and not templates:
        raise ValueError("no templates to draw from")
    out: list[Template] = []
    while len(out) < n:
        batch = list(templates)
        rng.shuffle(batch)
        out.extend(batch)
    out = out[:n]
    rng.shuffle(out)
    return out


def _generate(
    builder: Builder,
    rng: random.Random,
    pool: list[Template],
    split: str,
    name: str,
    target: int,
    records: list[dict],
    seen: set[str],
) -> None:
    """Appends ``target`` records from ``pool`` to ``records``, values owned by ``split``."""
    positives = [t for t in pool if not t.negative]
    negatives = [t for t in pool if t.negative]
    n_neg = round(target * NEGATIVE_SHARE)
    plan = _schedule(rng, positives, target - n_neg) + _schedule(rng, negatives, n_neg)
    rng.shuffle(plan)
    for template in plan:
        for _ in range(20):
            ctx = builder.new_ctx(rng, split, template.era)
            ctx.ages = template.ages
            piece = builder.render(template, ctx)
            if piece.text not in seen:
                break
        seen.add(piece.text)
        if template.negative and piece.spans:
            raise ValueError(f"negative template {template.id} produced entities")
        rid = f"{name}-{len(records):05d}"
        records.append(
            _record(rid, piece, template.id, template.genre, template.era, name, "template")
        )


def generate(seed: int = DEFAULT_SEED) -> dict[str, list[dict]]:
    templates = load_templates()
    handwritten = load_handwritten()
    builder = Builder(seed)
    records: dict[str, list[dict]] = {s: [] for s in OUTPUTS}
    seen: dict[str, set[str]] = {s: set() for s in OUTPUTS}
    # Handwritten values are taken first, by their documents' splits.
    handwritten_keys: set[tuple[str, str]] = set()
    for doc in handwritten:
        for s, e, lab in doc.entities:
            if lab in {"PERSON", "ADDRESS"}:
                value = doc.text[s:e]
                if not builder.registry.free_for(lab, value, doc.split):
                    raise ValueError(f"{doc.id}: {value} is already used by another split")
                builder.registry.take(lab, value, doc.split)
                handwritten_keys.add((lab, value))
    # Phase 1, frozen: the first batch of templates, the streams and targets of the first build.
    frozen = [t for t in templates if t.frozen]
    for split, name in (("train", "train"), ("dev", "dev_fit"), ("test", "test")):
        rng = random.Random(f"{seed}:{split}")
        pool = [t for t in frozen if t.split == side_of(split)]
        _generate(builder, rng, pool, split, name, TARGETS[name], records[name], seen[name])
    # Phase 2: later template files, streams of their own. dev_fit's values are not dev's.
    builder.registry.relabel("dev", "dev_fit", keep=handwritten_keys)
    later = [t for t in templates if not t.frozen and not t.third]
    for split in ("train", "dev"):
        rng = random.Random(f"{seed}:{split}:phase2")
        pool = [t for t in later if t.split == split]
        target = MORE_TARGETS[split]
        _generate(builder, rng, pool, split, split, target, records[split], seen[split])
    # Phase 3: the third batch of training templates, after dev, from a stream of its own.
    third = [t for t in templates if t.third]
    for split, target in THIRD_TARGETS.items():
        rng = random.Random(f"{seed}:{split}:phase3")
        pool = [t for t in third if t.split == split]
        _generate(builder, rng, pool, split, split, target, records[split], seen[split])
    for split in SPLITS:
        for doc in handwritten:
            if doc.split != split:
                continue
            spans = [(s, e, lab, None) for s, e, lab in doc.entities]
            rec = _record(
                f"{split}-hw-{doc.id}",
                Piece(doc.text, spans),
                f"hw:{doc.id}",
                doc.genre,
                doc.era,
                split,
                "handwritten",
            )
            if doc.public_role:
                rec["public_role"] = [list(x) for x in doc.public_role]
            if doc.public_address:
                rec["public_address"] = [list(x) for x in doc.public_address]
            records[split].append(rec)
    records["train"].extend(running_records(records))
    return records


_PRE2010 = re.compile(r"一九[五六七八九]|二〇〇[0-9〇一二三四五六七八九]|19[5-9][0-9]年|200[0-9]年")


def running_records(records: dict[str, list[dict]]) -> list[dict]:
    """Phase 4: sentences of running text written by hand (``running/*.txt``, one a line,
    names marked ``[[…|PERSON]]``), appended to train after every draw, so that no earlier
    record changes. The registry is not consulted: a line that names a value of dev,
    dev_fit or test is left out instead, so that no held-out value is learnt."""
    held: set[str] = set()
    for split in ("dev", "dev_fit", "test"):
        for rec in records[split]:
            held.update(rec["text"][s:e] for s, e, lab in rec["entities"] if lab != "DATE_OF_BIRTH")
    out: list[dict] = []
    for path in sorted(RUNNING_DIR.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            text, spans = strip_markup(line)
            if any(text[s:e] in held for s, e, _, _ in spans):
                continue
            era = "pre2010" if _PRE2010.search(text) else "modern"
            out.append(
                _record(f"train-rt-{path.stem}-{number:04d}", Piece(text, spans),
                        f"rt:{path.stem}", "running_text", era, "train", "running_text")
            )  # fmt: skip
    return out


def build(out_dir: Path, seed: int = DEFAULT_SEED) -> dict[str, Path]:
    """Writes train, dev, dev_fit and test .jsonl (and handwritten.jsonl) into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    records = generate(seed)
    paths = {}
    for split, recs in records.items():
        path = out_dir / f"{split}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for rec in recs:
                fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        paths[split] = path
    hw_path = out_dir / "handwritten.jsonl"
    with hw_path.open("w", encoding="utf-8", newline="\n") as fh:
        for split in OUTPUTS:
            for rec in records[split]:
                if rec["source"] == "handwritten":
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    paths["handwritten"] = hw_path
    templates = load_templates()
    manifest = {
        "seed": seed,
        "built_with": installed_versions(),
        "splits": stats(records),
        "templates": {
            "train": sorted(t.id for t in templates if t.split == "train"),
            "dev_fit": sorted(t.id for t in templates if t.split == "train" and t.frozen),
            "dev": sorted(t.id for t in templates if t.split == "dev"),
            "test": sorted(t.id for t in templates if t.split == "test"),
        },
    }
    man_path = out_dir / "manifest.json"
    man_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
    paths["manifest"] = man_path
    return paths


def stats(records: dict[str, list[dict]]) -> dict:
    out = {}
    for split, recs in records.items():
        labels = Counter(lab for r in recs for _, _, lab in r["entities"])
        out[split] = {
            "records": len(recs),
            "templates": len({r["template"] for r in recs if r["source"] == "template"}),
            "handwritten": sum(r["source"] == "handwritten" for r in recs),
            "no_entity": sum(not r["entities"] for r in recs),
            "public_role": sum(len(r.get("public_role", [])) for r in recs),
            "public_address": sum(len(r.get("public_address", [])) for r in recs),
            **{lab: labels[lab] for lab in LABELS},
            "eras": dict(sorted(Counter(r["era"] for r in recs).items())),
        }
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    paths = build(args.out, args.seed)
    manifest = json.loads(paths["manifest"].read_text("utf-8"))
    for split, row in manifest["splits"].items():
        print(split, json.dumps(row, ensure_ascii=False))
    if manifest["built_with"] != BUILT_WITH:
        print(f"note: built with {manifest['built_with']}, the committed corpus with {BUILT_WITH}")


if __name__ == "__main__":
    main()
