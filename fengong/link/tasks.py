"""The tasks of a plan as the aligner needs them: text and responsible units in printed order."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from fengong.namespaces import sparql_prefixes


@dataclass(frozen=True)
class Unit:
    """One responsible unit of a task: the agent's IRI, its name as printed, its role key, whether a collective."""

    agent: str
    name: str
    role: str
    collective: bool


@dataclass
class PlanTask:
    """A task: IRI, number, normalised text and units (first = listed first)."""

    iri: str
    number: int
    text: str
    units: list[Unit] = field(default_factory=list)

    @property
    def lead(self) -> Unit | None:
        leads = [u for u in self.units if u.role == "lead"]
        return leads[0] if leads else None


_TASKS = sparql_prefixes() + """
SELECT ?task ?number ?text ?position ?agent ?printed ?role ?collective WHERE {
  ?task fg:isStepOfPlan ?plan ; a fg:Task ; fg:taskNumber ?number ; dct:description ?text .
  OPTIONAL {
    ?a fg:task ?task ; fg:agent ?agent ; fg:listPosition ?position ; fg:role ?role .
    OPTIONAL { ?a fg:nameAsPrinted ?printed }
    BIND (EXISTS { ?agent a fg:CollectiveAgent } AS ?collective)
  }
}
ORDER BY ?number ?position
"""


def plan_tasks(store: ox.Store, plan: str) -> list[PlanTask]:
    """The tasks of ``plan`` (an IRI) in ``store`` (default graph = union of the named graphs), by number."""
    # ox.NamedNode checks the IRI's syntax, so its N-Triples form can stand in the query text as a term.
    tasks: dict[str, PlanTask] = {}
    rows = store.query(_TASKS.replace("?plan", str(ox.NamedNode(plan))), use_default_graph_as_union=True)
    for row in rows:
        iri = row["task"].value
        task = tasks.setdefault(iri, PlanTask(iri, int(row["number"].value), row["text"].value))
        if row["agent"] is not None:
            role = row["role"].value.rsplit("/", 1)[-1]
            printed = row["printed"].value if row["printed"] is not None else ""
            task.units.append(Unit(row["agent"].value, printed, role, row["collective"].value == "true"))
    return sorted(tasks.values(), key=lambda t: t.number)


def plan_exists(store: ox.Store, plan: str) -> bool:
    """Whether ``plan`` is a fg:Plan in ``store``."""
    # ox.NamedNode checks the IRI's syntax, so its N-Triples form can stand in the query text as a term.
    query = sparql_prefixes() + f"ASK {{ {ox.NamedNode(plan)} a fg:Plan }}"
    return bool(store.query(query, use_default_graph_as_union=True))
