"""What a plan's page shows besides its statements: its task-division table as printed (number as printed, task,
the lead and any other role than taking part marked, the units in printed order), its sections, its duties and its
key projects, each with labels.

Read from the service's pyoxigraph store in a few queries over the plan's own graph patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from fengong.namespaces import sparql_prefixes
from fengong.readers.outline import outline_order

_LABEL = "skos:prefLabel|dct:title"


@dataclass
class Unit:
    """One unit of a task as printed: its IRI, its name as the text prints it, its role (the role's Chinese label
    without 单位, empty for taking part), whether it leads."""

    iri: str
    name: str
    lead: bool
    role: str = ""


@dataclass
class Row:
    """One row of the task-division table."""

    iri: str
    number: int
    text: str
    label: str = ""
    key: str = ""
    section: str = ""
    open_list: bool = False
    units: list[Unit] = field(default_factory=list)


def _rows(store: ox.Store, query: str, plan: str) -> list[dict]:
    text = sparql_prefixes() + query.replace("$plan", f"<{plan}>")
    return [{str(v.value): (s[v].value if s[v] is not None else "") for v in solutions.variables}
            for solutions in [store.query(text, use_default_graph_as_union=True)] for s in solutions]


def _label(store: ox.Store, iri: str) -> str:
    for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
        if quad.predicate.value.endswith(("#prefLabel", "/title")) and getattr(quad.object, "language", "") == "zh":
            return quad.object.value
    return ""


def task_table(store: ox.Store, plan: str) -> list[Row]:
    """The plan's tasks in number order, each with its units in printed order (``fg:listPosition``)."""
    rows: dict[str, Row] = {}
    for found in _rows(store, """
        SELECT ?task ?number ?label ?key ?text ?section ?open WHERE {
          ?task fg:isStepOfPlan $plan ; fg:taskNumber ?number .
          OPTIONAL { ?task fg:numberLabel ?label }
          OPTIONAL { ?task fg:outlineKey ?key }
          OPTIONAL { ?task dct:description ?text }
          OPTIONAL { ?task fg:inSection/dct:title ?section }
          OPTIONAL { ?task fg:agencyListIsOpen ?open }
        }""", plan):
        rows.setdefault(found["task"], Row(found["task"], int(found["number"]), found["text"],
                                           found["label"] or found["number"], found["key"], found["section"],
                                           found["open"] == "true"))
    units = _rows(store, """
        SELECT ?task ?agent ?position ?role ?roleName ?printed WHERE {
          ?task fg:isStepOfPlan $plan .
          ?assignment fg:task ?task ; fg:agent ?agent ; fg:listPosition ?position ; fg:role ?role .
          OPTIONAL { ?assignment fg:nameAsPrinted ?printed }
          OPTIONAL { ?role skos:prefLabel ?roleName FILTER (LANG(?roleName) = "zh") }
        }""", plan)
    for unit in sorted(units, key=lambda u: int(u["position"])):
        if unit["task"] in rows:
            name = unit["printed"] or _label(store, unit["agent"]) or unit["agent"]
            role = "" if unit["role"].endswith("/participant") else unit["roleName"].removesuffix("单位")
            rows[unit["task"]].units.append(Unit(unit["agent"], name, unit["role"].endswith("/lead"), role))
    # In the order of the text: by outline key where the reader gave one (numbers restart in each part).
    return sorted(rows.values(), key=lambda row: (outline_order(row.key) if row.key else (), row.number))


def sections(store: ox.Store, plan: str) -> list[dict]:
    """The plan's sections: IRI, title and the number of tasks in each, in the order of the text."""
    return _rows(store, """
        SELECT ?section ?title (COUNT(?task) AS ?tasks) (MIN(?start) AS ?at) WHERE {
          ?section dct:isPartOf $plan .
          OPTIONAL { ?section dct:title ?title }
          OPTIONAL { ?section fg:derivedFromText/oa:hasSelector/oa:start ?start }
          OPTIONAL { ?task fg:inSection ?section ; fg:taskNumber ?n }
        } GROUP BY ?section ?title ORDER BY ?at ?section""", plan)


def duties(store: ox.Store, plan: str) -> list[dict]:
    """The duties the plan sets: what, of what type, who holds them, to whom, how often."""
    return _rows(store, f"""
        SELECT ?duty ?text ?frequency (GROUP_CONCAT(DISTINCT ?typeName; separator=" / ") AS ?type)
               (GROUP_CONCAT(DISTINCT ?holderName; separator="; ") AS ?holder)
               (GROUP_CONCAT(DISTINCT ?addresseeName; separator="; ") AS ?addressee) WHERE {{
          ?duty a fg:Duty ; fg:concerns $plan .
          OPTIONAL {{ ?duty dct:description ?text }}
          OPTIONAL {{ ?duty fg:dutyType/({_LABEL}) ?typeName FILTER (LANG(?typeName) = "zh") }}
          OPTIONAL {{ ?duty fg:dutyHolder/({_LABEL}) ?holderName FILTER (LANG(?holderName) = "zh") }}
          OPTIONAL {{ ?duty fg:addressee/({_LABEL}) ?addresseeName FILTER (LANG(?addresseeName) = "zh") }}
          OPTIONAL {{ ?duty fg:frequency ?frequency }}
        }} GROUP BY ?duty ?text ?frequency ORDER BY ?duty""", plan)


def key_projects(store: ox.Store, plan: str) -> list[dict]:
    """The plan's key projects in number order."""
    found = _rows(store, """
        SELECT ?project ?number ?title WHERE {
          ?project a fg:KeyProject ; fg:isStepOfPlan $plan .
          OPTIONAL { ?project fg:projectNumber ?number }
          OPTIONAL { ?project dct:title ?title }
        }""", plan)
    return sorted(found, key=lambda p: (int(p["number"]) if p["number"].isdigit() else 0, p["project"]))
