"""The rules a SHACL validation checked, for the report page: each targeted node shape with what it checks (its
property shapes and SPARQL constraints, with their messages), how many focus nodes it checked in the data and
how many of them failed each rule.

Focus nodes are counted as SHACL targets them: ``sh:targetClass`` takes the instances of the class and of its
subclasses (``rdfs:subClassOf`` in the data graph), ``sh:targetNode`` the nodes named.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH


def _messages(shapes: Graph, node) -> dict[str, str]:
    return {m.language or "": str(m) for m in shapes.objects(node, SH.message) if isinstance(m, Literal)}


def _instances(data: Graph, cls: URIRef) -> set:
    classes = set(data.transitive_subjects(RDFS.subClassOf, cls)) | {cls}
    return {node for c in classes for node in data.subjects(RDF.type, c)}


def _name(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def rule_table(shapes: Graph, data: Graph, findings: list[dict]) -> list[dict]:
    """One entry per targeted node shape: its name, targets, number of focus nodes, and its rules, each with
    its messages and the number of focus nodes that failed it (``findings`` as :mod:`fengong.validate` gives
    them, by the IRI of the rule broken)."""
    failed: dict[str, set] = defaultdict(set)
    for finding in findings:
        failed[finding["shape"]].add(finding["focus"])
    table = []
    targeted = {s for p in (SH.targetClass, SH.targetNode) for s in shapes.subjects(p, None)}
    for shape in sorted(targeted, key=str):
        classes = sorted(shapes.objects(shape, SH.targetClass), key=str)
        focus = set().union(*(_instances(data, c) for c in classes), set(shapes.objects(shape, SH.targetNode)))
        rules = [*sorted(shapes.objects(shape, SH.property), key=str), *sorted(shapes.objects(shape, SH.sparql),
                                                                              key=str)]
        rows = [{"name": _name(rule), "iri": str(rule), "messages": _messages(shapes, rule),
                 "failed": len(failed.get(str(rule), set()) & {str(f) for f in focus})} for rule in rules]
        if str(shape) in failed:  # a rule of the node shape itself (sh:class, sh:or, …)
            rows.insert(0, {"name": _name(shape), "iri": str(shape), "messages": _messages(shapes, shape),
                            "failed": len(failed[str(shape)])})
        table.append({"name": _name(shape), "iri": str(shape), "targets": [_name(c) for c in classes],
                      "checked": len(focus), "rules": rows,
                      "failed": len(set().union(*(failed.get(r["iri"], set()) for r in rows)))})
    return table
