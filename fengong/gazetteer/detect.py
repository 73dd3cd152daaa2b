"""Which jurisdiction a document belongs to, read from the document itself, with the evidence for it.

A provincial or municipal document read without ``--jurisdiction`` used to leave every unit unresolved: 市科技局
means nothing until the city is known. The issuer line and the title name the place (四川省科学技术厅, 《太仓市…》);
the units' own prefixes (省/市/区/县) say at which level the document speaks. Detection reports what it matched
where, so that a wrong guess can be seen and overridden.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from fengong.gazetteer.divisions import NATIONAL, Division, Divisions, load_divisions
from fengong.gazetteer.matcher import NameMatcher

#: A document issued by these speaks for the centre.
NATIONAL_ISSUERS = ("国务院", "中共中央", "全国人民代表大会", "国家发展和改革委员会", "国家发展改革委")
#: Lines of the text read as its head (title, document number, addressees, issuers, date) when no title is given.
HEAD_LINES = 12
UNIT_PREFIX = re.compile(r"(?<![\u4e00-\u9fff])([省市区县])(?:委|政府|[\u4e00-\u9fff]{1,10}?[厅局委办])")
LEVEL_OF_PREFIX = {"省": {"provincial"}, "市": {"provincial", "prefectural", "county"}, "区": {"county"},
                   "县": {"county"}}


@dataclass(frozen=True)
class Evidence:
    where: str  # issuer, title, head (the first lines of the text) or units
    matched: str
    code: str | None


@dataclass(frozen=True)
class Detection:
    """The detected jurisdiction (code and name) and why; ``code`` is None, with ``reason``, when none was found."""

    code: str | None
    name: str
    evidence: tuple[Evidence, ...]
    reason: str = ""

    def __bool__(self) -> bool:
        return self.code is not None


@functools.cache
def _division_matcher(divisions: Divisions) -> NameMatcher[tuple[Division, ...]]:
    # Full names only, of three characters or more: 城区, 矿区 or 和县 would be found in ordinary words.
    return NameMatcher({name: tuple(found) for name, found in divisions.by_name.items() if len(name) >= 3})


def detect_jurisdiction(text: str, title: str | None = None, issuer: str | None = None,
                        divisions: Divisions | None = None) -> Detection:
    """The jurisdiction of a document: from the issuer, else the title, else the head of the text (its first
    lines), the first of these that names a place; the deepest division named there whose chain holds the others
    (深圳市罗湖区 → 罗湖区); a name several divisions share is settled by a parent named anywhere in the text.
    A national issuer or title (国务院…) gives 100000. The prefixes of unit names (省科技厅, 市科技局) are given as
    evidence and settle between a province and a city both named in the same place."""
    divisions = divisions or load_divisions()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    sources = [("issuer", issuer or ""), ("title", title if title is not None else (lines[0] if lines else "")),
               ("head", "\n".join(lines[: HEAD_LINES]))]
    evidence: list[Evidence] = []
    prefixes = _unit_prefixes(text)
    if prefixes:
        evidence.append(Evidence("units", " ".join(f"{p}…×{n}" for p, n in prefixes.items()), None))
    named_anywhere = {m.name for m in _division_matcher(divisions).find(text)}
    for where, value in sources:
        if not value:
            continue
        found = _divisions_named(value, divisions, named_anywhere)
        if not found and value.lstrip("《").startswith(NATIONAL_ISSUERS):
            evidence.insert(0, Evidence(where, next(n for n in NATIONAL_ISSUERS if n in value), NATIONAL))
            return Detection(NATIONAL, "中华人民共和国", tuple(evidence))
        if not found:
            continue
        ambiguous = [m for m, candidates in found if len(candidates) != 1]
        if ambiguous:
            return Detection(None, "", tuple(evidence), f"{', '.join(ambiguous)} in the {where} names more than "
                                                        f"one division and no parent named in the text settles it")
        chosen = _deepest([c[0] for _, c in found], divisions, prefixes)
        evidence[:0] = list(dict.fromkeys(Evidence(where, m, c[0].code) for m, c in found))
        return Detection(chosen.code, chosen.name, tuple(evidence))
    return Detection(None, "", tuple(evidence), "neither the issuer, the title nor the head of the text names a "
                                                "division or a national issuer")


def _divisions_named(value: str, divisions: Divisions, named_anywhere: set[str]) -> list[tuple[str, tuple]]:
    """(name, candidate divisions) for each division name in ``value``; shared names narrowed to those whose
    parent is named somewhere in the text."""
    found = []
    for m in _division_matcher(divisions).find(value):
        candidates = m.value
        if len(candidates) > 1:
            candidates = tuple(c for c in candidates
                               if any(divisions.get(code) and divisions.get(code).name in named_anywhere
                                      for code in divisions.chain(c.code))) or candidates
        found.append((m.name, candidates))
    return found


def _deepest(named: list[Division], divisions: Divisions, prefixes: dict[str, int]) -> Division:
    """The division named that lies deepest: one whose chain holds the others, at a level the commonest unit
    prefix allows (a provincial document naming a city in passing stays provincial)."""
    top = next(iter(prefixes), None)

    def fits(d: Division) -> bool:
        return top is None or d.level in LEVEL_OF_PREFIX[top]

    ranked = sorted(named, key=lambda d: len(divisions.chain(d.code)), reverse=True)
    holding = [d for d in ranked if all(o.code == d.code or o.code in divisions.chain(d.code) for o in named)]
    return next((d for d in holding if fits(d)), next((d for d in ranked if fits(d)), ranked[0]))


def _unit_prefixes(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in UNIT_PREFIX.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))
