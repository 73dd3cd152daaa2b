"""Read a plan's assignments from the embedded store, with SPARQL, as plain records."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from fengong.namespaces import sparql_prefixes

#: One row per assignment, with what the analysis needs about its task and its agent.
ASSIGNMENTS_QUERY = sparql_prefixes() + """
SELECT ?plan ?task ?number ?openList ?agent ?role ?position ?printed ?nameZh ?nameEn ?type ?kind
WHERE {
  ?task fg:isStepOfPlan ?plan ; a fg:Task ; fg:taskNumber ?number .
  ?assignment fg:task ?task ; fg:agent ?agent ; fg:role ?role ; fg:listPosition ?position .
  OPTIONAL { ?task fg:agencyListIsOpen ?openList }
  OPTIONAL { ?assignment fg:nameAsPrinted ?printed }
  OPTIONAL { ?agent skos:prefLabel ?nameZh . FILTER (LANGMATCHES(LANG(?nameZh), "zh")) }
  OPTIONAL { ?agent skos:prefLabel ?nameEn . FILTER (LANGMATCHES(LANG(?nameEn), "en")) }
  OPTIONAL { ?agent org:classification ?type }
  BIND (IF(EXISTS { ?agent a fg:CollectiveAgent }, "collective",
        IF(EXISTS { ?agent a fg:UnresolvedAgent }, "unresolved", "agency")) AS ?kind)
}
ORDER BY ?plan ?number ?position
"""


@dataclass(frozen=True)
class Mention:
    """One agent named on one task: the assignment with its task's and agent's facts."""

    plan: str
    task: str
    number: int
    open_list: bool
    agent: str
    role: str  # the role concept's local name: lead, participant, ...
    position: int
    printed: str  # the name as printed in the source
    name_zh: str
    name_en: str
    agency_type: str  # the agency-type concept's local name, or "" (collectives, unresolved names)
    kind: str  # agency | collective | unresolved


class NoAssignments(Exception):
    """The data holds no assignments (for the plan asked for): nothing to analyse."""


def _local(term) -> str:
    return term.value.rsplit("/", 1)[-1] if term is not None else ""


def _text(term) -> str:
    return term.value if term is not None else ""


def read_mentions(store: ox.Store, plan: str | None = None) -> list[Mention]:
    """Every assignment in ``store`` (its default graph the union of its named graphs), optionally of one plan."""
    substitutions = {ox.Variable("plan"): ox.NamedNode(plan)} if plan else None
    rows = store.query(ASSIGNMENTS_QUERY, substitutions=substitutions, use_default_graph_as_union=True)
    mentions: dict[tuple[str, int], Mention] = {}
    for row in rows:
        printed = _text(row["printed"])
        mention = Mention(
            plan=row["plan"].value, task=row["task"].value, number=int(row["number"].value),
            open_list=_text(row["openList"]) == "true", agent=row["agent"].value, role=_local(row["role"]),
            position=int(row["position"].value), printed=printed,
            name_zh=_text(row["nameZh"]) or printed, name_en=_text(row["nameEn"]),
            agency_type=_local(row["type"]), kind=row["kind"].value,
        )
        # An agent with two types or names would repeat its row: keep one per assignment, first by sort order.
        mentions.setdefault((mention.task, mention.position), mention)
    if not mentions:
        where = f" for plan {plan}" if plan else ""
        raise NoAssignments(f"no task assignments found in the data{where}: build the graph first "
                            "(fengong build) or pass the right --data files and --plan")
    return list(mentions.values())
