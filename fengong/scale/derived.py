"""Derived data for the heavy questions: agency-pair co-responsibility counts and per-agent lead/participation
counts of every plan, computed once when the data is loaded and stored as a named graph of their own.

The naive questions (``queries/co-responsibility-pairs.rq``, ``queries/agency-responsibility-counts.rq``) join
every assignment of a task with every other one; over all plans of a nation that is minutes on disk. The
counts are instead computed here in one pass over the few predicates they need, and stored under
:data:`DERIVED_GRAPH` with the ``fgd:`` vocabulary below; :data:`QUERIES` read them back with the same columns,
order and terms as the naive queries (``tests/test_scale_derived.py`` proves the answers equal). Nothing in
the derived graph uses an ``fg:`` term, so no other question sees it.

    fengong derive [--data FILE ...] -o derived.trig     # then load it along with the data
"""

from __future__ import annotations

from collections import defaultdict
from hashlib import sha1
from pathlib import Path

import click
import pyoxigraph as ox

from fengong.namespaces import BASE, FG, RDF, ROLE

#: Where the derived counts live, and their vocabulary.
DERIVED_GRAPH = ox.NamedNode(BASE + "graph/derived/responsibility")
FGD = BASE + "derived#"

_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
_TYPE = ox.NamedNode(str(RDF.type))


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _fgd(name: str) -> ox.NamedNode:
    return ox.NamedNode(FGD + name)


def _objects(store: ox.Store, predicate, obj=None) -> set[tuple]:
    """Distinct (subject, object) pairs of ``predicate`` over every graph (the union default graph)."""
    return {(q.subject, q.object) for q in store.quads_for_pattern(None, _n(predicate), obj, None)}


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def _node(kind: str, *terms) -> ox.NamedNode:
    digest = sha1("\x00".join(t.value for t in terms).encode()).hexdigest()
    return ox.NamedNode(f"{BASE}id/derived/{kind}/{digest}")


def derive(store: ox.Store) -> list[ox.Quad]:
    """The derived quads (all in :data:`DERIVED_GRAPH`) for the data in ``store``.

    Follows the naive queries' semantics: tasks are ``fg:Task``s with ``fg:isStepOfPlan``; pairs are distinct
    ``fg:Agency`` agents of one task, ordered by their IRI text; counts per agent are counted per solution
    (task, assignment, agent, role, printed name), as the naive ``SUM`` counts them.
    """
    tasks = {s for s, _ in _objects(store, RDF.type, _n(FG.Task))}
    plans_of = defaultdict(set)
    for task, plan in _objects(store, FG.isStepOfPlan):
        if task in tasks:
            plans_of[task].add(plan)
    agencies = {s for s, _ in _objects(store, RDF.type, _n(FG.Agency))}
    open_tasks = {s for s, _ in _objects(store, FG.agencyListIsOpen, _TRUE)}
    task_of = defaultdict(set)
    for assignment, task in _objects(store, FG.task):
        task_of[assignment].add(task)
    agents_of, roles_of, printed_of = defaultdict(set), defaultdict(set), defaultdict(set)
    for assignment, agent in _objects(store, FG.agent):
        agents_of[assignment].add(agent)
    for assignment, role in _objects(store, FG.role):
        roles_of[assignment].add(role)
    for assignment, printed in _objects(store, FG.nameAsPrinted):
        printed_of[assignment].add(printed)

    agents_on_task = defaultdict(set)  # task → agents named on it (through any node with fg:task)
    counts = defaultdict(lambda: [0, 0, set(), []])  # (plan, agent) → leads, participations, tasks, printed
    lead, participant = _n(ROLE.lead), _n(ROLE.participant)
    for assignment, assigned in task_of.items():
        for task in assigned:
            agents_on_task[task] |= agents_of.get(assignment, set())
            for plan in plans_of.get(task, ()):
                for agent in agents_of.get(assignment, ()):
                    for role in roles_of.get(assignment, ()):
                        weight = max(1, len(printed_of.get(assignment, ())))
                        entry = counts[(plan, agent)]
                        entry[0] += weight * (role == lead)
                        entry[1] += weight * (role == participant)
                        entry[2].add(task)
                        entry[3].extend(printed_of.get(assignment, ()))

    pairs = defaultdict(lambda: [set(), set()])  # (plan, a, b) → shared tasks, open shared tasks
    for task, agents in agents_on_task.items():
        named = sorted((a for a in agents if a in agencies), key=lambda a: a.value)
        for plan in plans_of.get(task, ()):
            for i, a in enumerate(named):
                for b in named[i + 1:]:
                    if a.value < b.value:
                        entry = pairs[(plan, a, b)]
                        entry[0].add(task)
                        if task in open_tasks:
                            entry[1].add(task)

    g = DERIVED_GRAPH
    quads = []
    for (plan, a, b), (shared, open_shared) in pairs.items():
        node = _node("pair", plan, a, b)
        quads += [ox.Quad(node, _TYPE, _fgd("PairCount"), g), ox.Quad(node, _fgd("plan"), plan, g),
                  ox.Quad(node, _fgd("agencyA"), a, g), ox.Quad(node, _fgd("agencyB"), b, g),
                  ox.Quad(node, _fgd("sharedTasks"), _integer(len(shared)), g),
                  ox.Quad(node, _fgd("openListTasks"), _integer(len(open_shared)), g)]
    for (plan, agent), (leads, participations, task_set, printed) in counts.items():
        node = _node("agent", plan, agent)
        quads += [ox.Quad(node, _TYPE, _fgd("AgentCount"), g), ox.Quad(node, _fgd("plan"), plan, g),
                  ox.Quad(node, _fgd("agent"), agent, g), ox.Quad(node, _fgd("leads"), _integer(leads), g),
                  ox.Quad(node, _fgd("participations"), _integer(participations), g),
                  ox.Quad(node, _fgd("tasks"), _integer(len(task_set)), g)]
        if printed:
            # The naive query takes SAMPLE(?printed), any one of them; the derived graph keeps the smallest.
            quads.append(ox.Quad(node, _fgd("printedName"), min(printed, key=lambda t: (t.value, t.language)), g))
    return quads


def refresh(store: ox.Store) -> int:
    """Replace the derived graph of ``store`` with counts of its current data; returns the quads written."""
    store.remove_graph(DERIVED_GRAPH)
    quads = derive(store)
    store.extend(quads)
    return len(quads)


_PREFIXES = """PREFIX fg:    <https://w3id.org/fengong/ontology#>
PREFIX fgd:   <https://w3id.org/fengong/derived#>
PREFIX skos:  <http://www.w3.org/2004/02/skos/core#>
"""

#: The heavy questions answered from the derived graph: same variables, same order, same terms. A question's
#: parameter (``?plan``) is bound the same way as for the naive query, or left free for all plans.
QUERIES = {
    "co-responsibility-pairs": _PREFIXES + """
SELECT ?plan ?agencyA ?nameA ?agencyB ?nameB ?sharedTasks ?openListTasks
WHERE {
  GRAPH <https://w3id.org/fengong/graph/derived/responsibility> {
    ?pair a fgd:PairCount ; fgd:plan ?plan ; fgd:agencyA ?agencyA ; fgd:agencyB ?agencyB ;
          fgd:sharedTasks ?sharedTasks ; fgd:openListTasks ?openListTasks .
  }
  OPTIONAL { ?agencyA skos:prefLabel ?nameA . FILTER (LANGMATCHES(LANG(?nameA), "zh")) }
  OPTIONAL { ?agencyB skos:prefLabel ?nameB . FILTER (LANGMATCHES(LANG(?nameB), "zh")) }
}
ORDER BY DESC(?sharedTasks) ?nameA ?nameB
""",
    "agency-responsibility-counts": _PREFIXES + """
SELECT ?plan ?agent ?printedName ?officialName ?kind ?leads ?participations ?tasks
WHERE {
  GRAPH <https://w3id.org/fengong/graph/derived/responsibility> {
    ?count a fgd:AgentCount ; fgd:plan ?plan ; fgd:agent ?agent ; fgd:leads ?leads ;
           fgd:participations ?participations ; fgd:tasks ?tasks .
    OPTIONAL { ?count fgd:printedName ?printedName }
  }
  OPTIONAL { ?agent skos:prefLabel ?officialName . FILTER (LANGMATCHES(LANG(?officialName), "zh")) }
  BIND (IF(EXISTS { ?agent a fg:CollectiveAgent }, "collective",
        IF(EXISTS { ?agent a fg:UnresolvedAgent }, "unresolved", "agency")) AS ?kind)
}
ORDER BY DESC(?leads) DESC(?tasks) ?officialName
""",
}


@click.command("derive")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="RDF file to derive from (repeatable). Default: the graph `fengong build` wrote, with the "
                   "ontology.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the derived graph (TriG, or N-Quads for .nq); written atomically.")
def derive_command(data: tuple[Path, ...], out: Path) -> None:
    """Compute the co-responsibility and lead/participation counts of every plan into a named graph.

    Load the file with the data (``fengong serve --load``, ``fengong load``); the questions' derived forms
    (fengong.scale.derived.QUERIES) answer from it in well under a second at national scale.
    """
    from fengong.atomic import write_atomically
    from fengong.inputs import InputError
    from fengong.store import LoadError, default_data_files, open_store

    try:
        graph_store = open_store(None, list(data) or default_data_files())
    except LoadError as error:
        raise InputError(str(error)) from None
    quads = derive(graph_store.store)
    fmt = ox.RdfFormat.N_QUADS if out.suffix == ".nq" else ox.RdfFormat.TRIG
    write_atomically(out, ox.serialize(quads, format=fmt).decode())
    click.echo(f"{len(quads)} derived statements in <{DERIVED_GRAPH.value}> → {out}")
