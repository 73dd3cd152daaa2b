"""Alignments → a named graph of ``fg:Alignment`` nodes, with ``fg:implements`` for the accepted ones."""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from fengong import __version__
from fengong.graph import new_graph
from fengong.link.align import Alignment
from fengong.namespaces import FG, GRAPH, ID, MATCH, STATUS


def alignment_iri(source: str, target: str) -> URIRef:
    """A stable IRI for the pair: the same two tasks always give the same alignment node."""
    digest = hashlib.sha256(f"{source} {target}".encode()).hexdigest()[:16]
    return ID[f"alignment/{digest}"]


def alignment_graph_iri(from_slug: str, to_slug: str) -> URIRef:
    return GRAPH[f"alignment/{from_slug}/{to_slug}"]


def alignment_graph(alignments: list[Alignment], from_slug: str, to_slug: str) -> Graph:
    """The graph of the alignments between two plans; the shortcut is derived here and nowhere else."""
    g = new_graph(alignment_graph_iri(from_slug, to_slug))
    g.add((g.identifier, DCTERMS.creator, Literal(f"fengong {__version__}")))
    for a in alignments:
        node, source, target = alignment_iri(a.source, a.target), URIRef(a.source), URIRef(a.target)
        g.add((node, RDF.type, FG.Alignment))
        g.add((node, FG.sourceTask, source))
        g.add((node, FG.targetTask, target))
        g.add((node, FG.matchType, MATCH[a.match]))
        g.add((node, FG.alignmentScore, Literal(f"{a.score:.4f}", datatype=XSD.decimal)))
        g.add((node, FG.textScore, Literal(f"{a.text:.4f}", datatype=XSD.decimal)))
        g.add((node, FG.unitScore, Literal(f"{a.units:.4f}", datatype=XSD.decimal)))
        g.add((node, FG.alignmentMethod, Literal(a.method)))
        g.add((node, FG.alignmentStatus, STATUS[a.status]))
        if a.reviewer:
            g.add((node, DCTERMS.contributor, Literal(a.reviewer)))
        if a.note:
            g.add((node, DCTERMS.description, Literal(a.note)))
        if a.status == "accepted":
            g.add((source, FG.implements, target))
    return g
