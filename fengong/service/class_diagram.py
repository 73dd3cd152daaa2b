"""The ontology's class diagram, generated from the ontology itself: its classes, what they are subclasses of, and
the object properties that join one class to another (by ``rdfs:domain`` and ``rdfs:range``), as nodes and
edges for vis-network to lay out on the ontology page."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from fengong.namespaces import FG, compact


def class_diagram(graph: rdflib.Graph) -> dict:
    """``{"nodes": [...], "edges": [...]}``: fengong's classes (with their Chinese labels) and the classes of other
    vocabularies they are joined to; ``subClassOf`` edges and one edge per object property."""
    own = {c for c in graph.subjects(RDF.type, OWL.Class)
           if isinstance(c, rdflib.URIRef) and str(c).startswith(str(FG))}
    edges, others = [], set()
    for cls in sorted(own, key=str):
        for parent in sorted(graph.objects(cls, RDFS.subClassOf), key=str):
            if isinstance(parent, rdflib.URIRef):
                edges.append({"from": str(cls), "to": str(parent), "label": "", "kind": "subClassOf"})
                others.add(parent)
    for prop in sorted(graph.subjects(RDF.type, OWL.ObjectProperty), key=str):
        if not str(prop).startswith(str(FG)):
            continue
        for domain in graph.objects(prop, RDFS.domain):
            for range_ in graph.objects(prop, RDFS.range):
                if domain in own and isinstance(range_, rdflib.URIRef) and (range_ in own or range_ in others):
                    edges.append({"from": str(domain), "to": str(range_), "label": compact(str(prop)),
                                  "kind": "property"})
    nodes = [{"id": str(c), "label": f"{compact(str(c))}\n{_zh(graph, c)}".strip(), "own": True,
              "link": "#" + str(c)[len(str(FG)):]} for c in sorted(own, key=str)]
    nodes += [{"id": str(c), "label": compact(str(c)), "own": False, "link": str(c)}
              for c in sorted(others - own, key=str)]
    return {"nodes": nodes, "edges": edges}


def _zh(graph: rdflib.Graph, node) -> str:
    return next((str(label) for label in graph.objects(node, RDFS.label)
                 if getattr(label, "language", None) == "zh"), "")
