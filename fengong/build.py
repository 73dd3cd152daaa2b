"""``fengong build``: every document the project holds, and the registry → ``data/graphs/fengong.trig``.

The documents are those under ``data/sources/`` (each with a sidecar of curated metadata and body facts) and
those of the evaluation corpus under ``data/corpus/`` (described by its ``index.json``): each is a plan of its
own, with its jurisdiction, so questions run across all of them.

The output is one TriG file (one named graph per plan and per registry jurisdiction), written to a temporary
file beside it and renamed into place, so an interrupted or failed build leaves the previous file intact. The
serialisation is canonical (graphs, subjects and objects sorted), so the same input gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from fengong.documents import sidecars
from fengong.graph import plan_graph, registry_graph
from fengong.ingest import Document, find_documents, read_one
from fengong.plans import plan_graphs
from fengong.records import PlanRecord, Problem, ReadError
from fengong.registry import Registry, Unresolved, default_registry_paths, load_registry

OUTPUT = Path("data/graphs/fengong.trig")
#: Graphs of other parts that need no source text: ``make(root, registry, slugs of the plans read) → [Graph]``.
EXTRA_GRAPHS = [plan_graphs]


@dataclass
class BuildResult:
    plans: list[PlanRecord] = field(default_factory=list)
    graphs: list[Graph] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def build_graphs(root: Path, progress=None, corpus: bool = True) -> BuildResult:
    """Read every document and the registry; make their named graphs. Raises ``ReadError`` on unreadable input.

    ``corpus=False`` builds the documents of ``data/sources/`` alone (the Jilin plan, as the tests know it)."""
    registry: Registry = load_registry(default_registry_paths(root))
    result = BuildResult()
    documents = [Document(p) for p in sidecars(root / "data" / "sources")]
    if not documents:
        raise ReadError([Problem(str(root / "data" / "sources"), 1, "no documents (*.meta.toml) to build")])
    if corpus and (root / "data" / "corpus").is_dir():
        documents += find_documents([root / "data" / "corpus"])
    for document in progress(documents) if progress else documents:
        plan, _ = read_one(document, root)
        graph, unresolved = plan_graph(plan, registry)
        result.plans.append(plan)
        result.graphs.append(graph)
        result.problems.extend(plan.problems)
        result.unresolved.extend(unresolved)
    for code in sorted(registry.jurisdictions):
        result.graphs.append(registry_graph(registry.jurisdictions[code], registry))
    for extra in EXTRA_GRAPHS:
        result.graphs.extend(extra(root, registry, {plan.slug for plan in result.plans}))
    return result
