"""What the triples of a shapes graph say: which are constraints, and the values of their parameters.

Which triples of a shape are constraints: the parameters of SHACL Core's components. Other SHACL terms that
validate nothing (``sh:name``, ``sh:message``, ``sh:order`` …) and triples outside the SHACL namespace
(``rdfs:label`` …) are annotations and ignored — unless the shapes graph declares them parameters of a constraint
component of its own, which is refused, as is any other SHACL term, and a parameter SHACL allows once given twice.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XSD

from fengong.namespaces import SH
from fengong.scale.shacl.terms import UnsupportedShape, name, path_text, term

#: Terms that validate nothing, or are read with the parameter that names their component.
NOT_CONSTRAINTS = {SH.path, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.defaultValue,
                   SH.deactivated, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
                   SH.declare, SH.prefixes, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                   SH.qualifiedValueShapesDisjoint, SH.flags, SH.ignoredProperties, RDF.type}

#: Parameters a shape has at most one value of (and that are read as one).
SINGLE_VALUED = {SH.path, SH.minCount, SH.maxCount, SH.minLength, SH.maxLength, SH.flags, SH.severity, SH.deactivated,
                 SH.closed, SH.ignoredProperties, SH.uniqueLang, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                 SH.qualifiedValueShapesDisjoint}
#: Components whose constraint is a test of each value node, by the parameter that names them.
VALUE_COMPONENTS = {
    SH["class"]: "Class", SH.datatype: "Datatype", SH.nodeKind: "NodeKind", SH.minExclusive: "MinExclusive",
    SH.minInclusive: "MinInclusive", SH.maxExclusive: "MaxExclusive", SH.maxInclusive: "MaxInclusive",
    SH.minLength: "MinLength", SH.maxLength: "MaxLength", SH.pattern: "Pattern", SH.languageIn: "LanguageIn",
    SH["in"]: "In", SH.node: "Node", SH["not"]: "Not", SH["and"]: "And", SH["or"]: "Or", SH.xone: "Xone"}
#: Constraints on all values of a property shape together, which only property shapes have.
PATH_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedValueShape}
PAIR_COMPONENTS = {SH.equals: "Equals", SH.disjoint: "Disjoint", SH.lessThan: "LessThan",
                   SH.lessThanOrEquals: "LessThanOrEquals"}
CONSTRAINTS = set(VALUE_COMPONENTS) | PATH_CONSTRAINTS | set(PAIR_COMPONENTS) | {SH.hasValue, SH.closed, SH.property,
                                                                                SH.sparql}


def is_true(node) -> bool:
    """Whether a parameter is ``true``: SHACL names only that literal (``"1"^^xsd:boolean`` leaves it off)."""
    return isinstance(node, Literal) and node.datatype == XSD.boolean and str(node) == "true"


class ShapesGraph:
    """Reads the shapes of ``graph``; every refusal names the shape (:meth:`refuse`)."""

    def __init__(self, graph: Graph):
        self.g = graph
        # Parameters of constraint components the shapes graph declares itself (SHACL-SPARQL).
        self.custom = {p for component in graph.subjects(RDF.type, SH.ConstraintComponent)
                       for parameter in graph.objects(component, SH.parameter)
                       for p in graph.objects(parameter, SH.path)}

    def constraints(self, shape) -> list[tuple]:
        """The (parameter, value) pairs of ``shape`` that are constraints; anything not compiled is refused."""
        found = []
        for predicate, obj in self.g.predicate_objects(shape):
            if predicate in self.custom:
                raise self.refuse(shape, f"{predicate} is a parameter of a constraint component declared in the "
                                         "shapes graph; such components are not compiled")
            if predicate in SINGLE_VALUED and len(set(self.g.objects(shape, predicate))) > 1:
                raise self.refuse(shape, f"{predicate} has more than one value (SHACL allows one)")
            if predicate in NOT_CONSTRAINTS or not str(predicate).startswith(str(SH)):
                continue
            if predicate not in CONSTRAINTS:
                raise self.refuse(shape, f"{predicate} is not compiled")
            found.append((predicate, obj))
        return found

    def label(self, node) -> str:
        """How a refusal names a shape: its IRI, or for a blank node its path (``[ sh:path <p> ]``)."""
        if not isinstance(node, BNode):
            return name(node)
        path = self.g.value(node, SH.path)
        return f"[ sh:path {path_text(self.g, path)} ]" if isinstance(path, URIRef) else "[ a blank node ]"

    def refuse(self, shape, why: str) -> UnsupportedShape:
        return UnsupportedShape(f"shape {self.label(shape)}: {why}")

    def deactivated(self, shape) -> bool:
        return is_true(self.g.value(shape, SH.deactivated))

    def path(self, shape) -> str | None:
        """The SPARQL path of a property shape, None for a node shape."""
        node = self.g.value(shape, SH.path)
        if node is None:
            return None
        try:
            return path_text(self.g, node)
        except UnsupportedShape as error:
            raise self.refuse(shape, str(error)) from None

    def count(self, shape, predicate) -> int | None:
        value = self.g.value(shape, predicate)
        if value is None:
            return None
        if not (isinstance(value, Literal) and value.datatype == XSD.integer and isinstance(value.toPython(), int)
                and value.toPython() >= 0):
            raise self.refuse(shape, f"{predicate} {value.n3()} is not a non-negative integer")
        return value.toPython()

    def members(self, shape, predicate, obj) -> list:
        if obj != RDF.nil and self.g.value(obj, RDF.first) is None:
            raise self.refuse(shape, f"the value of {predicate} is not an RDF list")
        return list(Collection(self.g, obj))

    def siblings(self, shape) -> list:
        """The other qualified value shapes of the shapes that have ``shape`` as a property, when disjoint."""
        if not is_true(self.g.value(shape, SH.qualifiedValueShapesDisjoint)):
            return []
        own = self.g.value(shape, SH.qualifiedValueShape)
        return sorted({q for parent in self.g.subjects(SH.property, shape)
                       for other in self.g.objects(parent, SH.property)
                       for q in self.g.objects(other, SH.qualifiedValueShape) if q != own}, key=str)

    def allowed(self, shape) -> list[str]:
        """The predicates a closed ``shape`` allows: its properties' IRI paths and its ignored properties."""
        paths = {p for prop in self.g.objects(shape, SH.property) for p in self.g.objects(prop, SH.path)
                 if isinstance(p, URIRef)}
        for ignored in self.g.objects(shape, SH.ignoredProperties):
            paths.update(self.members(shape, SH.ignoredProperties, ignored))
        return sorted(term(p) for p in paths)
