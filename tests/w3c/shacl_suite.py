"""The W3C SHACL Core test suite (``shacl/core/``, see ``shacl/README.md``) read into cases, and run.

Each ``sht:Validate`` entry names a data graph and a shapes graph (often the entry's own file) and the expected
``sh:ValidationReport``. A file is parsed once, so a blank node is the same node in the data, the shapes and the
expected report of one file; the data goes into the store with its blank node labels kept. Files are read as
written (``fengong.scale.shacl.shapes``: rdflib's own parser would turn ``"1"^^xsd:boolean`` into ``"true"``).

How a report is compared with the expected one: as multisets of results, each result being its focus node,
result path, value, source shape, constraint component and severity — every field the suite's reports give (none
gives a ``sh:sourceConstraint``; ``sh:resultMessage`` is not compared, as the suite prescribes) — plus
``sh:conforms``. A field the expected result leaves out must be left out. Literals are compared as the store keeps
them (``"01"^^xsd:integer`` as ``"1"``, see ``fengong.scale.shacl.terms``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import BNode, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XSD

from fengong.namespaces import SH
from fengong.scale.shacl.report import report_results
from fengong.scale.shacl.runner import validate_store
from fengong.scale.shacl.shapes import read_graph
from fengong.scale.shacl.terms import Result, UnsupportedShape

SUITE = Path(__file__).resolve().parent / "shacl" / "core"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")


@dataclass
class Case:
    name: str  # folder/entry, e.g. "node/and-001"
    data: rdflib.Graph
    shapes: rdflib.Graph
    conforms: bool
    expected: list[Result]
    files: tuple[Path, Path]  # the data and shapes files


def _graph(path: Path, parsed: dict) -> rdflib.Graph:
    if path not in parsed:
        parsed[path] = read_graph(path, path.as_uri())
    return parsed[path]


def cases() -> list[Case]:
    """Every validation test the manifests reach, in manifest order."""
    found, parsed, manifests = [], {}, [SUITE / "manifest.ttl"]
    while manifests:
        path = manifests.pop(0)
        graph = _graph(path, parsed)
        root = URIRef(path.as_uri())
        manifests += [Path(str(included)[len("file://"):]) for included in graph.objects(root, MF.include)]
        entries = graph.value(root, MF.entries)
        for entry in Collection(graph, entries) if entries is not None else []:
            assert (entry, RDF.type, SHT.Validate) in graph, entry
            action, report = graph.value(entry, MF.action), graph.value(entry, MF.result)
            data_file, shapes_file = (Path(str(graph.value(action, p))[len("file://"):])
                                      for p in (SHT.dataGraph, SHT.shapesGraph))
            found.append(Case(f"{path.parent.name}/{str(entry).rsplit('/', 1)[-1]}", _graph(data_file, parsed),
                              _graph(shapes_file, parsed), graph.value(report, SH.conforms).toPython(),
                              report_results(graph, report), (data_file, shapes_file)))
    return found


def _ox(node):
    if isinstance(node, URIRef):
        return ox.NamedNode(node)
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(node.datatype or XSD.string))


def store_of(graph: rdflib.Graph) -> ox.Store:
    """The triples of ``graph`` in a store, blank node labels kept."""
    store = ox.Store()
    store.extend(ox.Quad(_ox(s), _ox(p), _ox(o)) for s, p, o in graph)
    return store


def same_results(ours: list[Result], expected: list[Result]) -> bool:
    """Whether two reports hold the same results, each as many times (source constraints aside)."""
    def key(results):
        return Counter(dataclasses.replace(r, constraint=None) for r in results)
    return key(ours) == key(expected)


def run(case: Case) -> tuple[str, str | list[Result]]:
    """``("refused", message)``, or ``("pass" | "wrong", results)`` of the compiled checks on ``case``."""
    try:
        results = validate_store(store_of(case.data), case.shapes)
    except UnsupportedShape as refusal:
        return "refused", str(refusal)
    right = same_results(results, case.expected) and (not results) == case.conforms
    return "pass" if right else "wrong", results

