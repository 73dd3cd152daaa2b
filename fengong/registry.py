"""The agency registry: who the units named in plans are.

The registry is data (``data/registry/agencies-<GB/T 2260 code>.toml``): one file per jurisdiction with its
agencies, collectives, organisational changes and the sources behind them. This module loads and checks those
files and resolves a unit name as printed in a plan to the body it names. A jurisdiction without a file of its
own gets bodies generated from the national pattern (:mod:`fengong.gazetteer`) the first time it is asked for.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from rdflib import URIRef

from fengong.gazetteer.divisions import DivisionError, Divisions, load_divisions
from fengong.gazetteer.matcher import NameMatcher
from fengong.gazetteer.pattern import PATTERN_FILE, Pattern, PatternError, load_pattern
from fengong.namespaces import ID

NATIONAL = "100000"
AGENCY_TYPES = {
    "government-department", "directly-affiliated", "peoples-organisation", "party-organ",
    "vertically-managed", "coordination-body", "government",
}
LEVELS = {"national", "provincial", "prefectural", "county", "township"}
CHANGE_TYPES = {"renaming", "merger", "split", "absorption", "reformation", "upgrade", "establishment"}
#: V verified, N national fact with the local name inferred, K general knowledge, S read from the plan's own text,
#: P inferred from the national pattern (a generated local body).
CONFIDENCE = {"V", "N", "K", "S", "P"}
#: A name whose last part is a bracket qualifying the body before it: 市委组织部（人才办）, 市监局〔知识产权局〕.
QUALIFIED = re.compile(r"^(.+?)(?:[（(][^（）()]+[）)]|〔[^〔〕]+〕)$")
#: How a plan names the government of a division below its own: 成都市, 成都市人民政府, 成都市政府.
GOVERNMENT_SUFFIXES = ("人民政府", "政府")
#: Hong Kong, Macao and Taiwan: their bodies follow no mainland pattern, so none are generated.
NO_PATTERN = ("71", "81", "82")
#: External identifier schemes an agency may carry, each only with the source that gives it.
IDENTIFIER_SCHEMES = ("uscc", "wikidata")


class RegistryError(Exception):
    """A registry file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str | None


@dataclass(frozen=True)
class Identifier:
    """An external identifier (unified social credit code, Wikidata item) and the source that gives it."""

    scheme: str
    value: str
    source: str


@dataclass(frozen=True)
class Agency:
    iri: URIRef
    id: str
    jurisdiction: str
    zh: str
    en: str
    short: tuple[str, ...]
    alt: tuple[str, ...]
    type: str
    confidence: str
    counterpart: str | None = None  # a body of a higher jurisdiction, by name; resolved when the graph is built
    part_of: str | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    identifiers: tuple[Identifier, ...] = ()
    pattern: str | None = None  # the pattern unit a generated body comes from

    @property
    def names(self) -> tuple[str, ...]:
        return (self.zh, *self.short, *self.alt)


@dataclass(frozen=True)
class Collective:
    iri: URIRef
    id: str
    jurisdiction: str
    zh: str
    en: str
    short: tuple[str, ...]
    members: tuple[str, ...]
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.zh, *self.short)


@dataclass(frozen=True)
class Change:
    iri: URIRef
    id: str
    jurisdiction: str
    date: str  # YYYY or YYYY-MM-DD
    type: str
    original: tuple[URIRef, ...]
    resulting: tuple[URIRef, ...]
    confidence: str
    sources: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Unresolved:
    """A unit name the registry does not know: kept as printed and reported."""

    iri: URIRef
    name: str
    jurisdiction: str


@dataclass
class Jurisdiction:
    code: str
    name_zh: str
    name_en: str
    level: str
    path: str
    agencies: list[Agency] = field(default_factory=list)
    collectives: list[Collective] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    generated: bool = False  # made from the national pattern, not read from a registry file


def parent_codes(code: str) -> list[str]:
    """The GB/T 2260 codes above ``code``, nearest first, ending with the national code.

    A county (220102) lies in its prefecture (220100), which lies in its province (220000).
    """
    chain = []
    if code[4:] != "00":
        chain.append(code[:4] + "00")
    if code[2:] != "0000":
        chain.append(code[:2] + "0000")
    return [c for c in chain if c != code] + ([NATIONAL] if code != NATIONAL else [])


def agency_iri(jurisdiction: str, ident: str) -> URIRef:
    return ID[f"agency/{jurisdiction}/{ident}"]


def unresolved_iri(jurisdiction: str, name: str) -> URIRef:
    # The only IRIs built from a name: an unresolved unit has nothing else to be known by.
    return ID[f"unresolved/{jurisdiction}/{quote(name, safe='')}"]


class Registry:
    """All loaded jurisdictions, with a name index per jurisdiction; with ``divisions`` and ``pattern``, any other
    division's bodies are generated when first asked for (:meth:`ensure`)."""

    def __init__(self, jurisdictions: list[Jurisdiction], divisions: Divisions | None = None,
                 pattern: Pattern | None = None):
        self.jurisdictions: dict[str, Jurisdiction] = {}
        self.divisions = divisions
        self.pattern = pattern or Pattern((), ())
        self._units = {unit.id: unit for unit in self.pattern.units}
        self._index: dict[str, dict[str, Agency | Collective]] = {}
        self._resolved: dict[tuple[str, str], Agency | Collective | Unresolved] = {}
        self._matchers: dict[str, NameMatcher[Agency | Collective]] = {}
        for j in jurisdictions:
            self._add(j)

    def _add(self, j: Jurisdiction) -> None:
        index: dict[str, Agency | Collective] = {}
        for body in [*j.agencies, *j.collectives]:
            for name in body.names:
                other = index.get(name)
                if other is not None and other is not body:
                    raise RegistryError(f"{j.path}: the name {name!r} is given to both {other.id} and {body.id}")
                index[name] = body
        self.jurisdictions[j.code] = j
        self._index[j.code] = index

    def chain(self, code: str) -> list[str]:
        """The jurisdictions above ``code``, nearest first: from the divisions table when it has the code (a
        municipality's district lies in the municipality), else by the digits of the code."""
        if self.divisions is not None and code in self.divisions:
            return self.divisions.chain(code)
        return parent_codes(code)

    def ensure(self, code: str) -> Jurisdiction | None:
        """The jurisdiction ``code``, generated from the national pattern (with those above it) unless a registry
        file gives it; None for a code that is neither loaded nor in the divisions table.

        A hand-made file wins over the pattern for its whole jurisdiction: what a source says about a place is
        not mixed with what the pattern guesses. Callers that write the registry graphs must ensure each plan's
        jurisdiction before writing them, or generated bodies would be named by plans but described nowhere.
        """
        found = self.jurisdictions.get(code)
        if found is not None or self.divisions is None or code not in self.divisions:
            return found
        for above in reversed(self.chain(code)):
            if above not in self.jurisdictions and above in self.divisions:
                self._add(self._generate(above))
        j = self._generate(code)
        self._add(j)
        return j

    def _generate(self, code: str) -> Jurisdiction:
        d = self.divisions.get(code)
        parent = self.divisions.get(d.parent)
        j = Jurisdiction(code, d.name, "", d.level, f"{PATTERN_FILE} (generated for {code} {d.name})",
                         generated=True)
        if code[:2] in NO_PATTERN:
            return j
        for unit in self.pattern.units:
            names = unit.names_for(d, parent)
            if names:
                j.agencies.append(Agency(
                    iri=agency_iri(code, unit.agency_id), id=unit.agency_id, jurisdiction=code, zh=names[0],
                    en=f"{unit.en} ({d.name})", short=(), alt=names[1:], type=unit.type, confidence="P",
                    note=f"Generated from fengong's national pattern (pattern.toml unit {unit.id}); not checked "
                         f"against any source for {d.name}.", pattern=unit.id,
                ))
        for group in self.pattern.collectives:
            names = group.names_for(d, parent)
            if names:
                j.collectives.append(Collective(
                    iri=ID[f"collective/{code}/{group.collective_id}"], id=group.collective_id, jurisdiction=code,
                    zh=names[0], en=f"{group.en} ({d.name})", short=names[1:], members=(group.member_level(d),),
                    note="Generated from fengong's national pattern (pattern.toml collective "
                         f"{group.id}).",
                ))
        return j

    def resolve(self, name: str, jurisdiction: str) -> Agency | Collective | Unresolved:
        """The body a plan of ``jurisdiction`` means by ``name``: its own bodies first, then those of the
        jurisdictions above it (prefecture, province), then national ones; a division below it named on its own
        (成都市 in a Sichuan plan) is that division's government."""
        key = (name, jurisdiction)
        found = self._resolved.get(key)
        if found is None:  # names repeat across thousands of plans: look each up once
            self.ensure(jurisdiction)
            found = next((body for code in (jurisdiction, *self.chain(jurisdiction))
                          if (body := self._index.get(code, {}).get(name)) is not None), None)
            found = found or self._division_government(name, jurisdiction) or self._qualified(name, jurisdiction)
            found = self._resolved[key] = found or Unresolved(unresolved_iri(jurisdiction, name), name,
                                                             jurisdiction)
        return found

    def _qualified(self, name: str, jurisdiction: str) -> Agency | Collective | None:
        """市委组织部（人才办）, 市政府办（金融）: the body before a closing bracket that qualifies it, when the whole
        name is unknown (the printed name, bracket and all, stays the mention's)."""
        m = QUALIFIED.match(name)
        if m is None:
            return None
        found = self.resolve(m.group(1), jurisdiction)
        return None if isinstance(found, Unresolved) else found

    def near(self, name: str, jurisdiction: str) -> str | None:
        """The one name a plan of ``jurisdiction`` may use for a known body (its own, those above it) that differs
        from ``name`` in one ideograph at the same place (not a mark: 各县（市、区)政府 is as printed); None where
        none does, or several."""
        self.ensure(jurisdiction)

        def one_off(known: str) -> bool:
            differ = [(a, b) for a, b in zip(known, name, strict=True) if a != b]
            return len(differ) == 1 and all("\u4e00" <= c <= "\u9fff" for c in differ[0])

        found = {known for code in (jurisdiction, *self.chain(jurisdiction)) for known in self._index.get(code, {})
                 if len(known) == len(name) and one_off(known)}
        return found.pop() if len(found) == 1 else None

    def knows(self, name: str, jurisdiction: str) -> bool:
        """Whether a plan of ``jurisdiction`` printing ``name`` names a body the registry knows."""
        return not isinstance(self.resolve(name, jurisdiction), Unresolved)

    def matcher(self, jurisdiction: str) -> NameMatcher[Agency | Collective]:
        """A matcher of every name a plan of ``jurisdiction`` may use for a known body: its own, those of the
        jurisdictions above it and the names of the divisions directly below it. Each name maps to the body
        :meth:`resolve` gives it (the nearest jurisdiction wins)."""
        found = self._matchers.get(jurisdiction)
        if found is None:
            self.ensure(jurisdiction)
            names: dict[str, Agency | Collective] = {}
            for code in (jurisdiction, *self.chain(jurisdiction)):
                for name, body in self._index.get(code, {}).items():
                    names.setdefault(name, body)
            for child in self._children(jurisdiction):
                government = self._division_government(child.name, jurisdiction)
                if government is not None:
                    names.setdefault(child.name, government)
            found = self._matchers[jurisdiction] = NameMatcher(names)
        return found

    def _children(self, code: str) -> list:
        return self.divisions.children.get(code, []) if self.divisions is not None else []

    def _division_government(self, name: str, jurisdiction: str) -> Agency | None:
        """The government of the division below ``jurisdiction`` that ``name`` names: 和平区, 和平区人民政府 or
        和平区政府 in a Shenyang plan."""
        bare = next((name[:-len(s)] for s in GOVERNMENT_SUFFIXES if name.endswith(s)), name)
        child = next((c for c in self._children(jurisdiction) if c.name in (name, bare)), None)
        if child is None:
            return None
        j = self.ensure(child.code)
        # Courts and procuratorates share the type (see pattern.toml): the government is the one of unit 001.
        return next((a for a in j.agencies if a.type == "government" and a.pattern in (None, "001")), None)

    def national(self, name: str) -> Agency | None:
        body = self._index.get(NATIONAL, {}).get(name)
        return body if isinstance(body, Agency) else None

    def counterpart(self, agency: Agency) -> Agency | None:
        """The body ``agency.counterpart`` names, in the nearest jurisdiction above the agency's that has it.

        A provincial department's counterpart is a national body; a city bureau's is its province's department
        (市民政局 → 省民政厅), so every level resolves the same way: by name, one level up first. A generated
        body's counterpart is the same pattern unit one level up (found by the names the pattern gives it where
        that level has a hand-made file), else the national body the pattern names.
        """
        if agency.pattern is not None:
            return self._pattern_counterpart(agency)
        if not agency.counterpart:
            return None
        for code in parent_codes(agency.jurisdiction):
            body = self._index.get(code, {}).get(agency.counterpart)
            if isinstance(body, Agency):
                return body
        return None

    def _pattern_counterpart(self, agency: Agency) -> Agency | None:
        unit = self._units[agency.pattern]
        for code in self.chain(agency.jurisdiction):
            j = self.ensure(code)
            if j is None or code == NATIONAL:
                continue
            if j.generated:
                body = next((a for a in j.agencies if a.pattern == unit.id), None)
            else:
                index, division = self._index[code], self.divisions.get(code)
                parent = self.divisions.get(division.parent) if division is not None else None
                names = unit.names_for(division, parent) if division is not None else ()
                body = next((index[n] for n in names if n in index), None)
            if isinstance(body, Agency):
                return body
        return self.national(unit.counterpart) if unit.counterpart else None

    def agencies(self) -> list[Agency]:
        return [a for j in self.jurisdictions.values() for a in j.agencies]


def load_registry(paths: list[Path], gazetteer: bool = True) -> Registry:
    """Load and check registry files; cross-references (counterparts) are checked too. With ``gazetteer``, the
    divisions table and the national pattern are loaded as well, and each pattern unit's national counterpart
    must be a national entry."""
    jurisdictions = [_load_file(p) for p in sorted(paths)]
    try:
        divisions = load_divisions() if gazetteer else None
        pattern = load_pattern(PATTERN_FILE, frozenset(AGENCY_TYPES)) if gazetteer else None
    except (DivisionError, PatternError, OSError) as exc:
        raise RegistryError(str(exc)) from None
    registry = Registry(jurisdictions, divisions, pattern)
    for j in jurisdictions:
        for a in j.agencies:
            if a.counterpart and registry.counterpart(a) is None:
                raise RegistryError(f"{j.path}: agency {a.id} ({a.zh}) names the counterpart {a.counterpart!r}, "
                                    f"which no registry of a higher jurisdiction has")
            if a.part_of and registry.national(a.part_of) is None:
                raise RegistryError(f"{j.path}: agency {a.id} ({a.zh}) names {a.part_of!r}, which no national "
                                    f"entry has")
    if NATIONAL in registry.jurisdictions:
        for unit in registry.pattern.units:
            if unit.counterpart and registry.national(unit.counterpart) is None:
                raise RegistryError(f"{PATTERN_FILE}: unit {unit.id} ({unit.en}) names the counterpart "
                                    f"{unit.counterpart!r}, which no national entry has")
    return registry


def default_registry_paths(root: Path) -> list[Path]:
    return sorted((root / "data" / "registry").glob("agencies-*.toml"))


def _load_file(path: Path) -> Jurisdiction:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: {exc}") from None
    meta = data.get("meta", {})
    code = str(meta.get("jurisdiction", ""))
    if not code.isdigit() or len(code) != 6:
        raise RegistryError(f"{path}: [meta] jurisdiction must be a six-digit GB/T 2260 code")
    if meta.get("level") not in LEVELS:
        raise RegistryError(f"{path}: [meta] level must be one of {sorted(LEVELS)}")
    j = Jurisdiction(code, meta.get("name_zh", ""), meta.get("name_en", ""), meta["level"], str(path))
    for s in data.get("source", []):
        j.sources[s["key"]] = Source(s["key"], s["title"], s.get("url"))
    seen: set[str] = set()
    for raw in data.get("agency", []):
        entry = _entry(path, "agency", raw, ("id", "zh", "en", "type", "confidence"))
        _unique(path, seen, entry["id"])
        _one_of(path, entry, "type", AGENCY_TYPES)
        _one_of(path, entry, "confidence", CONFIDENCE)
        _known_sources(path, j, entry)
        j.agencies.append(Agency(
            iri=agency_iri(code, entry["id"]), id=entry["id"], jurisdiction=code, zh=entry["zh"], en=entry["en"],
            short=tuple(entry.get("short", ())), alt=tuple(entry.get("alt", ())), type=entry["type"],
            confidence=entry["confidence"], counterpart=entry.get("counterpart"), part_of=entry.get("part_of"),
            sources=tuple(entry.get("sources", ())), note=entry.get("note", ""),
            identifiers=_identifiers(path, j, entry),
        ))
    for raw in data.get("collective", []):
        entry = _entry(path, "collective", raw, ("id", "zh", "en", "members"))
        _unique(path, seen, entry["id"])
        bad = set(entry["members"]) - LEVELS
        if bad:
            raise RegistryError(f"{path}: collective {entry['id']}: unknown levels {sorted(bad)}")
        j.collectives.append(Collective(
            iri=ID[f"collective/{code}/{entry['id']}"], id=entry["id"], jurisdiction=code, zh=entry["zh"],
            en=entry["en"], short=tuple(entry.get("short", ())), members=tuple(entry["members"]),
            note=entry.get("note", ""),
        ))
    ids = {a.id for a in j.agencies}
    for raw in data.get("change", []):
        entry = _entry(path, "change", raw, ("id", "date", "type", "from", "to", "confidence"))
        _one_of(path, entry, "type", CHANGE_TYPES)
        _one_of(path, entry, "confidence", CONFIDENCE)
        _known_sources(path, j, entry)
        for ref in [*entry["from"], *entry["to"]]:
            if ref not in ids:
                raise RegistryError(f"{path}: change {entry['id']} names agency {ref!r}, which this file lacks")
        j.changes.append(Change(
            iri=ID[f"change/{code}/{entry['id']}"], id=entry["id"], jurisdiction=code, date=str(entry["date"]),
            type=entry["type"], original=tuple(agency_iri(code, r) for r in entry["from"]),
            resulting=tuple(agency_iri(code, r) for r in entry["to"]), confidence=entry["confidence"],
            sources=tuple(entry.get("sources", ())), note=entry.get("note", ""),
        ))
    return j


def _entry(path: Path, kind: str, raw: dict, required: tuple[str, ...]) -> dict:
    missing = [k for k in required if k not in raw]
    if missing:
        raise RegistryError(f"{path}: a [[{kind}]] entry ({raw.get('id', raw.get('zh', '?'))}) lacks {missing}")
    return raw


def _identifiers(path: Path, j: Jurisdiction, entry: dict) -> tuple[Identifier, ...]:
    """``uscc = {value, source}`` and ``wikidata = {value, source}``: a value without a known source is refused,
    so no identifier enters the graph unsupported."""
    found = []
    for scheme in IDENTIFIER_SCHEMES:
        raw = entry.get(scheme)
        if raw is None:
            continue
        if not isinstance(raw, dict) or not raw.get("value") or not raw.get("source"):
            raise RegistryError(f"{path}: {entry['id']}: {scheme} must be a table with a value and the key of the "
                                f"[[source]] that gives it")
        if raw["source"] not in j.sources:
            raise RegistryError(f"{path}: {entry['id']}: the {scheme} value cites source {raw['source']!r}, which "
                                f"has no [[source]] entry")
        found.append(Identifier(scheme, str(raw["value"]), raw["source"]))
    return tuple(found)


def _unique(path: Path, seen: set[str], ident: str) -> None:
    if ident in seen:
        raise RegistryError(f"{path}: id {ident!r} is used twice")
    seen.add(ident)


def _one_of(path: Path, entry: dict, key: str, allowed: set[str]) -> None:
    if entry[key] not in allowed:
        raise RegistryError(f"{path}: {entry['id']}: {key} {entry[key]!r} is not one of {sorted(allowed)}")


def _known_sources(path: Path, j: Jurisdiction, entry: dict) -> None:
    for key in entry.get("sources", ()):
        if key not in j.sources:
            raise RegistryError(f"{path}: {entry['id']} cites source {key!r}, which has no [[source]] entry")
