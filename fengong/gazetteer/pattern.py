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
PLACEHOLDERS = ("{name}", "{short}", "{p}", "{c}")


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

    def names_for(self, division: Division) -> tuple[str, ...]:
        """The names of this unit in ``division``, its usual full name first; empty where the level lacks it."""
        written = self.levels.get(_level_key(division, self.levels), ())
        names: dict[str, None] = {}
        for template in written:
            for name in _expand(template, division):
                names.setdefault(name, None)
        return tuple(names)


def _level_key(division: Division, levels: dict) -> str:
    if division.municipality:  # a municipality's bodies are named like a city's
        return next((k for k in ("municipal", "prefectural", "provincial") if k in levels), "municipal")
    return division.level


def _expand(template: str, d: Division) -> list[str]:
    if "{" not in template:
        return [d.name + template, *(p + template for p in d.prefixes), template]
    if "{short}" in template and not d.short:
        return []
    return [template.replace("{name}", d.name).replace("{short}", d.short).replace("{p}", prefix)
            .replace("{c}", committee) for prefix, committee in zip(d.prefixes, d.committee, strict=True)]


@functools.cache
def load_pattern(path: Path = PATTERN_FILE, agency_types: frozenset[str] = frozenset()) -> tuple[PatternUnit, ...]:
    """Read and check the pattern: ids unique, a known type, at least one level, names without stray braces."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PatternError(f"{path}: {exc}") from None
    units, seen = [], set()
    for raw in data.get("unit", []):
        ident = raw.get("id", "?")
        missing = [k for k in ("id", "en", "type") if k not in raw]
        if missing:
            raise PatternError(f"{path}: a [[unit]] entry ({ident}) lacks {missing}")
        if ident in seen:
            raise PatternError(f"{path}: id {ident!r} is used twice")
        seen.add(ident)
        if agency_types and raw["type"] not in agency_types:
            raise PatternError(f"{path}: {ident}: type {raw['type']!r} is not one of {sorted(agency_types)}")
        unknown = set(raw) - {"id", "en", "type", "counterpart", *LEVEL_KEYS}
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
        units.append(PatternUnit(ident, raw["en"], raw["type"], raw.get("counterpart"), levels))
    return tuple(units)
