"""Derived data for the heavy questions, stored in named graphs of their own with the ``fgd:`` vocabulary
(named and defined in ``derived.ttl`` beside this module). Nothing in a derived graph uses an ``fg:`` term,
so no question of ``queries/`` reads it by accident.

**Answers derived when data is loaded** (:data:`DERIVED_QUESTIONS`). An aggregate question of ``queries/``
that takes over a second on a national store on disk is answered by the service from a graph that holds its
answer for every value of its parameters. That answer is computed by the question's own query, run once with
its parameters free (the question stays the one definition of what is counted), and stored as one ``fgd:``
node per row. The service asks the question's derived form (same variables, order and terms, with the same
``VALUES``) only when the graph was derived from the data as it is now (:func:`answering`). Every change made
through fengong derives the graphs again: a load (``fengong serve``, ``fengong load``: :func:`ensure`), an
update (:func:`refresh_answers`, after the update and before any query sees it); the record of an on-disk store
says whether its derived graphs follow from its data (:mod:`fengong.load_state`), so that a restart keeps them
and a process killed between an update and the derivation does not leave them to be served.

**Counts derived on demand** (:data:`DERIVED_GRAPH`, :data:`QUERIES`): agency-pair co-responsibility counts
and per-agent lead/participation counts of every plan. The naive questions
(``queries/co-responsibility-pairs.rq``, ``queries/agency-responsibility-counts.rq``) are fast for one plan but
join every assignment of a task with every other one when asked about all plans at once; the counts are
computed here in one pass over the few predicates they need, and :data:`QUERIES` read them back with the same
columns, order and terms as the naive queries (``tests/test_scale.py`` proves the answers equal). They are
written by ``fengong derive`` (with the derived answers) and loaded like any data: derive again whenever the
data changes.

    fengong derive [--data FILE ...] -o derived.trig     # then load it along with the data
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from hashlib import sha1, sha256
from pathlib import Path

import click
import pyoxigraph as ox

from fengong import load_state
from fengong.namespaces import BASE, FG, RDF, ROLE
from fengong.questions import load_questions

log = logging.getLogger(__name__)

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


# ---------------------------------------------------------------- answers derived when data is loaded


@dataclass(frozen=True)
class DerivedQuestion:
    """A question of ``queries/`` answered from a derived graph.

    ``columns`` maps the question's variables that are stored to ``fgd:`` properties, those of ``key`` (which
    name a row, and hold every parameter of the question) first; the others (names looked up by the derived
    form, as the question does) are not stored. ``query`` is the derived form: the question's variables, order
    and terms, read from ``graph``, with the question's parameters bound the same way.
    """

    name: str
    graph: ox.NamedNode
    kind: str
    key: tuple[str, ...]
    columns: dict[str, str]
    query: str

    def derive(self, store: ox.Store) -> list[ox.Quad]:
        """The quads of the graph for the data in ``store``: the question asked once, its parameters free."""
        question = load_questions()[self.name]
        quads, seen = [], set()
        for row in store.query(question.query, use_default_graph_as_union=True):
            key = tuple(row[variable] for variable in self.key)
            if key in seen:
                continue  # the same row again with another name looked up (a body with two Chinese names)
            seen.add(key)
            node = _node(self.kind, *key)
            quads.append(ox.Quad(node, _TYPE, _fgd(self.kind), self.graph))
            quads += [ox.Quad(node, _fgd(name), row[variable], self.graph)
                      for variable, name in self.columns.items() if row[variable] is not None]
        return quads

    def digest(self) -> str:
        """Names the definition: the question's text and the derived form (a change of either derives anew)."""
        parts = [load_questions()[self.name].query, self.query, self.kind, repr(sorted(self.columns.items()))]
        return sha256("\x00".join(parts).encode()).hexdigest()


#: Where the ``fgd:`` terms are named and defined (zh, en): ``derived.ttl`` beside this module.
VOCABULARY_FILE = Path(__file__).with_name("derived.ttl")


#: The aggregate questions that took over 1 s at 3,200 plans on disk (``benchmarks/bench_scale.py``, the store
#: opened read-only after the bulk load), by question name.
DERIVED_QUESTIONS = {
    "cross-level-counterpart-load": DerivedQuestion(
        name="cross-level-counterpart-load",
        graph=ox.NamedNode(BASE + "graph/derived/counterpart-load"),
        kind="CounterpartLoad",
        key=("level", "national"),
        columns={"level": "level", "national": "national", "agencies": "agencies", "led": "tasksLed",
                 "tasks": "tasks"},
        query=_PREFIXES + """
SELECT ?level ?national ?nationalName ?agencies ?led ?tasks
WHERE {
  GRAPH <https://w3id.org/fengong/graph/derived/counterpart-load> {
    ?load a fgd:CounterpartLoad ; fgd:level ?level ; fgd:national ?national ; fgd:agencies ?agencies ;
          fgd:tasksLed ?led ; fgd:tasks ?tasks .
  }
  OPTIONAL { ?national skos:prefLabel ?nationalName . FILTER (LANGMATCHES(LANG(?nationalName), "zh")) }
}
ORDER BY DESC(?tasks) DESC(?led) ?nationalName
"""),
}


def digests() -> dict[str, str]:
    """Each derived graph and the digest of its definition, as the record of an on-disk store keeps them."""
    return {derived.graph.value: derived.digest() for derived in DERIVED_QUESTIONS.values()}


def derived_graphs(store: ox.Store) -> dict[ox.NamedNode, list[ox.Quad]]:
    """Every graph derived when data is loaded (the answers of :data:`DERIVED_QUESTIONS`), by name, for the data
    in ``store``."""
    return {derived.graph: derived.derive(store) for derived in DERIVED_QUESTIONS.values()}


def refresh_answers(graph_store) -> None:
    """Derive the graphs of :data:`DERIVED_QUESTIONS` from the data of ``graph_store`` (a
    :class:`fengong.store.GraphStore`) anew; from then on, until its next change, the service answers those
    questions from them."""
    store, started = graph_store.store, time.monotonic()
    for graph, quads in derived_graphs(store).items():
        store.remove_graph(graph)
        store.extend(quads)
        log.info("derived <%s>: %d statements", graph.value, len(quads))
    graph_store.flush()
    graph_store.changed()  # the derived graphs are data too: a new version, the statistics counted again
    graph_store.derived_version = graph_store.version
    if graph_store.location is not None:
        load_state.derived(graph_store.location, digests())
    log.info("derived graphs written in %.2f s", time.monotonic() - started)


def ensure(graph_store) -> bool:
    """Make the derived graphs of a store about to be served follow from its data: an on-disk store whose
    record says that they do (derived by these definitions, no change since) keeps them; any other store
    derives them. Returns whether they were derived."""
    if graph_store.location is not None and load_state.read(graph_store.location).get("derived") == digests():
        graph_store.derived_version = graph_store.version
        return False
    refresh_answers(graph_store)
    return True


def answering(name: str, graph_store) -> DerivedQuestion | None:
    """The derived question to answer the question ``name`` from, if ``graph_store`` holds its graph derived
    from the data as it is now (none for an external store, whose data may change behind the service)."""
    derived = DERIVED_QUESTIONS.get(name)
    current = getattr(graph_store, "derived_version", None)
    if derived is None or current is None or current != graph_store.version:
        return None
    return derived


@click.command("derive")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="RDF file to derive from (repeatable). Default: the graph `fengong build` wrote, with the "
                   "ontology.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the derived graph (TriG, or N-Quads for .nq); written atomically.")
def derive_command(data: tuple[Path, ...], out: Path) -> None:
    """Compute the co-responsibility and lead/participation counts of every plan, and the answers of the
    derived questions, into their named graphs.

    Load the file with the data into a store fengong does not load itself (an external store's own bulk
    loader); `fengong serve` and `fengong load` derive the answers of the derived questions by themselves.
    The counts' derived forms (fengong.scale.derived.QUERIES) answer from them in well under a second at
    national scale.
    """
    from fengong.atomic import write_atomically
    from fengong.inputs import InputError
    from fengong.store import LoadError, default_data_files, open_store

    try:
        graph_store = open_store(None, list(data) or default_data_files())
    except LoadError as error:
        raise InputError(str(error)) from None
    quads = derive(graph_store.store) + [q for graph in derived_graphs(graph_store.store).values() for q in graph]
    fmt = ox.RdfFormat.N_QUADS if out.suffix == ".nq" else ox.RdfFormat.TRIG
    write_atomically(out, ox.serialize(quads, format=fmt).decode())
    graphs = ", ".join(f"<{graph}>" for graph in [DERIVED_GRAPH.value, *digests()])
    click.echo(f"{len(quads)} derived statements in {graphs} → {out}")
