"""Each responsible unit → the national body (or bodies) whose work it does, as it is today.

A registered agency follows ``fg:counterpart`` up to a national body (市民政局 → 省民政厅 → 民政部), and the
national body follows its reorganisations to today's successor (国家卫生计生委 → 国家卫生健康委员会), so a 2016
plan and a 2019 plan agree on who does health work. A unit the registry does not know (an unresolved name, as
in plans of jurisdictions without a registry) is matched by the pattern of Chinese agency names: its level
prefix (省, 市, 县 …) and organ suffix (厅, 局, 部, 委 …) are dropped and the stem compared with the stems of
the national bodies' names (省财政厅, 市财政局, 财政部 → 财政). Collectives (地方各级政府, 有关部门) have no key.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from fengong.link.tasks import Unit
from fengong.namespaces import sparql_prefixes

_LEVEL_PREFIX = re.compile(r"^(?:中华人民共和国|国家|中国|中共中央|中央|国务院|省委|省政府|市委|市政府|省|市|县|区|州)")
_ORGAN_SUFFIX = re.compile(r"(?:总局|分局|委员会|办公室|管理局|厅|局|部|委|办|署|会)$")
_GENERIC = re.compile(r"有关|相关|各级|各地|各部门|政府$")

_NATIONAL = sparql_prefixes() + """
SELECT ?agent ?today WHERE {
  ?agent a fg:Agency ; fg:counterpart* ?national .
  ?national fg:adminLevel level:national ; (org:changedBy/org:resultingOrganization)* ?today .
  FILTER NOT EXISTS {
    ?today org:changedBy ?later .
    FILTER NOT EXISTS { ?later org:resultingOrganization ?today }
  }
}
"""
_NATIONAL_NAMES = sparql_prefixes() + """
SELECT ?agent ?name WHERE {
  ?agent a fg:Agency ; fg:adminLevel level:national ; skos:prefLabel|skos:altLabel ?name .
  FILTER (LANGMATCHES(LANG(?name), "zh"))
}
"""


def stem(name: str) -> str:
    """An agency name without its level prefix and organ suffix: 省人力资源社会保障厅 → 人力资源社会保障."""
    rest = _LEVEL_PREFIX.sub("", name, count=1)
    # 市场监管局: the prefix 市 is the start of 市场, not a level; keep the name whole then.
    if name.startswith("市场"):
        rest = name
    return _ORGAN_SUFFIX.sub("", rest, count=1) or rest


class CounterpartKeys:
    """The national keys of units, computed once per store."""

    def __init__(self, store: ox.Store):
        self.today: dict[str, set[str]] = {}
        for row in store.query(_NATIONAL, use_default_graph_as_union=True):
            self.today.setdefault(row["agent"].value, set()).add(row["today"].value)
        self.by_stem: dict[str, set[str]] = {}
        for row in store.query(_NATIONAL_NAMES, use_default_graph_as_union=True):
            for key in self.today.get(row["agent"].value, ()):
                self.by_stem.setdefault(stem(row["name"].value), set()).add(key)

    def keys(self, unit: Unit) -> frozenset[str]:
        """Today's national bodies doing ``unit``'s work; by name pattern when the registry cannot say; empty for
        collectives and generic names."""
        if unit.collective or _GENERIC.search(unit.name or ""):
            return frozenset()
        if unit.agent in self.today:
            return frozenset(self.today[unit.agent])
        found = self.by_stem.get(stem(unit.name))
        return frozenset(found) if found else frozenset({"name:" + stem(unit.name)})
