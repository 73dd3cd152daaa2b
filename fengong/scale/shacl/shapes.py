"""Shapes read as written: rdflib, parsing Turtle, rewrites ``"1"^^xsd:boolean`` as ``"true"``, which SHACL tells
apart (only ``true`` switches ``sh:uniqueLang``, ``sh:closed`` … on), so the files are parsed by the store's parser
and the triples handed to rdflib unchanged."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from fengong.scale.shacl.terms import rdflib_term


def read_graph(path: Path, base: str | None = None) -> Graph:
    """The triples of the Turtle file ``path`` (relative IRIs against ``base``, by default the file's URI)."""
    graph = Graph()
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=base or path.resolve().as_uri()):
        graph.add((rdflib_term(triple.subject), rdflib_term(triple.predicate), rdflib_term(triple.object)))
    return graph


def read_shapes(location: Path) -> Graph:
    """The shapes of a Turtle file, or of every ``*.ttl`` file of a folder."""
    graph = Graph()
    for path in [location] if location.is_file() else sorted(location.glob("*.ttl")):
        graph += read_graph(path)
    return graph
