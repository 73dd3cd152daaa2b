"""What the parts of SHACL-to-SPARQL share: results, compiled checks, the refusal, and terms written as SPARQL.

Terms are written as the store keeps them. Oxigraph stores literals in canonical form (``"01"^^xsd:integer`` as
``"1"``, ``"1.50"^^xsd:decimal`` as ``"1.5"``, language tags in lower case) and ``xsd:byte``, ``xsd:int`` and the
other types derived from ``xsd:integer`` as ``xsd:integer``. So results show values in that form, a literal the
shapes compare by value (``sh:minInclusive`` …) is written that way, and one they match term for term
(``sh:in``, ``sh:hasValue``, ``sh:targetNode``) is refused unless it is already in that form: the store could not
tell ``"01"`` from ``"1"``. (Data written in a non-canonical form is equally kept in canonical form; that the
compiler cannot see.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XSD

from fengong.namespaces import SH

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}

#: Datatypes the store turns into another one on loading (their values keep only the other).
LOST_DATATYPES = {XSD[name] for name in (
    "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte", "nonNegativeInteger", "unsignedLong",
    "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger", "dateTimeStamp")}


class UnsupportedShape(ValueError):
    """A shape uses SHACL this compiler does not translate (the message names the shape and the feature)."""


@dataclass(frozen=True)
class Result:
    """One validation result, with the fields of SHACL's report.

    ``focus`` and ``value`` are RDF terms in N-Triples syntax; ``shape``, ``component`` and ``constraint`` are
    IRIs (a blank node shape as ``_:id``); ``path`` is the ``sh:resultPath`` as a SPARQL property path
    (:func:`path_text`); ``severity`` is ``violation``, ``warning``, ``info`` or the IRI of another severity.
    """

    focus: str
    shape: str
    component: str
    constraint: str | None
    value: str | None
    severity: str
    path: str | None = None


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT binding ``?focus`` and the variables its results take their fields from.

    ``value`` names the variable holding the result's ``sh:value`` (``focus`` for the focus node itself), or is
    None when the result has none; ``path`` is the result path, or ``?path`` when each solution binds its own.
    """

    shape: str
    component: str
    constraint: str | None
    severity: str
    query: str
    value: str | None
    path: str | None = None


def name(node) -> str:
    """How results name a shape or a constraint: its IRI, or ``_:id`` for a blank node."""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def severity(node) -> str:
    """The result severity of ``sh:severity node`` (a shape without one reports violations)."""
    return "violation" if node is None else SEVERITIES.get(node, str(node))


_CANONICAL = ox.Store()


def term(node) -> str:
    """An IRI or literal of the shapes, to be matched term for term with the data (N-Triples syntax).

    Refused where the store could not match it exactly: blank nodes, and literals it keeps in another form.
    """
    if isinstance(node, BNode):
        raise UnsupportedShape(f"the blank node {node}, where a shape compiled to SPARQL needs an IRI or a literal")
    if isinstance(node, Literal):
        if node.datatype in LOST_DATATYPES:
            raise UnsupportedShape(f"the literal {node.n3()}: the store keeps {node.datatype} values as xsd:integer")
        stored = _stored(node)
        if stored.value != str(node):
            raise UnsupportedShape(f"the literal {node.n3()}: the store keeps it as {stored}, so it cannot tell the "
                                   "two apart")
        return str(stored)
    return written(node)


def _stored(node: Literal) -> ox.Literal:
    """The literal as the store keeps it: written through the store, which puts it in canonical form."""
    literal = (ox.Literal(str(node), language=node.language) if node.language else
               ox.Literal(str(node), datatype=ox.NamedNode(node.datatype or XSD.string)))
    quad = ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), literal)
    _CANONICAL.add(quad)
    stored = next(iter(_CANONICAL)).object
    _CANONICAL.remove(quad)
    return stored


def written(node) -> str:
    """Any RDF term of rdflib as the store writes it (N-Triples syntax; a blank node keeps its label)."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(_stored(node))


def rdflib_term(node):
    """A term of the store as rdflib's, literals as written (rdflib would rewrite ``"1"^^xsd:boolean``)."""
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    if node.language:
        return Literal(node.value, lang=node.language, normalize=False)
    return Literal(node.value, datatype=URIRef(node.datatype.value), normalize=False)


def parsed(text: str):
    """A term in N-Triples syntax (as :class:`Result` writes them) as rdflib's."""
    triple = next(iter(ox.parse(input=f"<urn:x> <urn:x> {text} .", format=ox.RdfFormat.N_TRIPLES)))
    return rdflib_term(triple.object)


#: SHACL's path operators and how SPARQL writes them after the path.
_REPEATS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}


def path_text(graph: Graph, node) -> str:
    """The SHACL path at ``node`` as a SPARQL property path (also how :class:`Result` writes ``sh:resultPath``)."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, BNode) and graph.value(node, RDF.first) is not None:
        members = list(Collection(graph, node))
        if len(members) >= 2:
            return "(" + "/".join(path_text(graph, p) for p in members) + ")"
    elif isinstance(node, BNode):
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return f"^{path_text(graph, inverse)}"
        for operator, suffix in _REPEATS.items():
            inner = graph.value(node, operator)
            if inner is not None:
                return f"({path_text(graph, inner)}){suffix}"
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            members = list(Collection(graph, alternatives))
            if len(members) >= 2:
                return "(" + "|".join(path_text(graph, p) for p in members) + ")"
    what = node.n3() if isinstance(node, Literal) else "a blank node"
    raise UnsupportedShape(f"{what} where sh:path wants a SHACL path (an IRI, an inverse, a sequence or "
                           "alternatives of at least two, or a zero-or-more, one-or-more or zero-or-one path)")
