"""The national pattern of local bodies (``data/registry/pattern.toml``) and the bodies it gives a division.

Below the State Council, every province, city and county has much the same departments, Party organs and
people's organisations, named by one scheme (四川省科学技术厅 / 省科技厅 / 科技厅, 郑州市科学技术局 / 市科技局).
The registry cannot hold a hand-made file for each of some 3,400 jurisdictions, so it generates their bodies
from this pattern when a plan of that jurisdiction is read; the bodies carry confidence P (inferred from the
pattern) because no source for that place says they exist.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from fengong import PROJECT_ROOT
from fengong.gazetteer.divisions import Division

PATTERN_FILE = PROJECT_ROOT / "data" / "registry" / "pattern.toml"
LEVEL_KEYS = ("provincial", "municipal", "prefectural", "county")
PLACEHOLDERS = ("{name}", "{short}", "{p}", "{c}", "{parent}")
#: What a generated collective's members are: the divisions one level below the issuing one, or its own bodies.
BELOW = {"provincial": "prefectural", "prefectural": "county", "county": "township"}


class PatternError(Exception):
    """The pattern file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class PatternUnit:
    id: str
    en: str
    type: str
    counterpart: str | None  # a national body's name
    levels: dict[str, tuple[str, ...]]

    @property
    def agency_id(self) -> str:
        """The id of the body generated from this entry, the same in every jurisdiction and never a name."""
        return "p" + self.id

    def names_for(self, division: Division, parent: Division | None = None) -> tuple[str, ...]:
        """The names of this unit in ``division``, its usual full name first; empty where the level lacks it.
        ``parent`` is the division directly above, for names with {parent} (without it they are left out)."""
        return _names_at(self.levels, division, _expand, parent)


@dataclass(frozen=True)
class PatternCollective:
    """A group a plan names as one unit (各市州人民政府, 有关区县, 省直有关部门): the divisions below the plan's own,
    or its own departments."""

    id: str
    en: str
    members: str  # "below" or "own"
    levels: dict[str, tuple[str, ...]]

    @property
    def collective_id(self) -> str:
        return "p" + self.id

    def names_for(self, division: Division, parent: Division | None = None) -> tuple[str, ...]:
        """The names as written, with the placeholders filled; empty where the level lacks the collective."""
        return _names_at(self.levels, division, _fill, parent)

    def member_level(self, division: Division) -> str:
        if self.members == "own":
            return division.level
        return "county" if division.municipality else BELOW[division.level]


@dataclass(frozen=True)
class Pattern:
    units: tuple[PatternUnit, ...]
    collectives: tuple[PatternCollective, ...]


def _names_at(levels: dict[str, tuple[str, ...]], division: Division, make,
              parent: Division | None) -> tuple[str, ...]:
    """The names ``make`` gives each template of the division's level, in order, each once."""
    written = levels.get(_level_key(division, levels), ())
    return tuple(dict.fromkeys(name for template in written for name in make(template, division, parent)))


def _level_key(division: Division, levels: dict) -> str:
    if division.municipality:  # a municipality's bodies are named like a city's
        return next((k for k in ("municipal", "prefectural", "provincial") if k in levels), "municipal")
    return division.level


def _expand(template: str, d: Division, parent: Division | None = None) -> list[str]:
    if "{" not in template:
        return [d.name + template, *(p + template for p in d.prefixes), template]
    return _fill(template, d, parent)


def _fill(template: str, d: Division, parent: Division | None = None) -> list[str]:
    if "{short}" in template and not d.short:
        return []
    if "{parent}" in template:
        # The city a district's or county's branch office is named after (杭州市公安局余杭区分局), or the
        # municipality; a county its province administers directly (济源市) has none.
        if parent is None or (parent.level == "provincial" and not parent.municipality):
            return []
        template = template.replace("{parent}", parent.name)
    return [template.replace("{name}", d.name).replace("{short}", d.short).replace("{p}", prefix)
            .replace("{c}", committee) for prefix, committee in zip(d.prefixes, d.committee, strict=True)]


@functools.cache
def load_pattern(path: Path = PATTERN_FILE, agency_types: frozenset[str] = frozenset()) -> Pattern:
    """Read and check the pattern: ids unique, a known type, at least one level, names without stray braces."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PatternError(f"{path}: {exc}") from None
    units, collectives, seen = [], [], set()
    for raw in data.get("unit", []):
        ident, levels = _checked(path, "unit", raw, seen, ("id", "en", "type"), {"counterpart"})
        if agency_types and raw["type"] not in agency_types:
            raise PatternError(f"{path}: {ident}: type {raw['type']!r} is not one of {sorted(agency_types)}")
        units.append(PatternUnit(ident, raw["en"], raw["type"], raw.get("counterpart"), levels))
    for raw in data.get("collective", []):
        ident, levels = _checked(path, "collective", raw, seen, ("id", "en", "members"), set())
        if raw["members"] not in ("below", "own"):
            raise PatternError(f"{path}: {ident}: members must be 'below' or 'own'")
        collectives.append(PatternCollective(ident, raw["en"], raw["members"], levels))
    return Pattern(tuple(units), tuple(collectives))


def _checked(path: Path, kind: str, raw: dict, seen: set[str], required: tuple[str, ...],
             optional: set[str]) -> tuple[str, dict[str, tuple[str, ...]]]:
    """The entry's id and its names by level, after the checks every entry gets."""
    ident = raw.get("id", "?")
    missing = [k for k in required if k not in raw]
    if missing:
        raise PatternError(f"{path}: a [[{kind}]] entry ({ident}) lacks {missing}")
    if ident in seen:
        raise PatternError(f"{path}: id {ident!r} is used twice")
    seen.add(ident)
    unknown = set(raw) - {*required, *optional, *LEVEL_KEYS}
    if unknown:
        raise PatternError(f"{path}: {ident}: unknown keys {sorted(unknown)}")
    levels = {k: tuple(raw[k]) for k in LEVEL_KEYS if k in raw}
    if not levels:
        raise PatternError(f"{path}: {ident}: names no level ({', '.join(LEVEL_KEYS)})")
    for key, names in levels.items():
        for name in names:
            bare = name
            for placeholder in PLACEHOLDERS:
                bare = bare.replace(placeholder, "")
            if "{" in bare or "}" in bare or not bare:
                raise PatternError(f"{path}: {ident}: {key} name {name!r} has an unknown placeholder")
    return ident, levels
