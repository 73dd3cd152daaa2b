"""SHACL Core compiled to SPARQL: each constraint of each targeted shape becomes one query over the whole store.

pySHACL checks every focus node from Python over rdflib; at millions of triples that is minutes and
gigabytes. Here one query finds every task with no lead, one every assignment whose agent has the wrong
class, one runs a SHACL-SPARQL rule for all plans at once. The results carry the fields of SHACL's report:
focus node, result path, value, source shape, constraint component (and source constraint for SHACL-SPARQL)
and severity. ``tests/test_scale.py`` compares them with pySHACL's on fengong's data with injected violations,
``tests/w3c/test_shacl_suite.py`` with the W3C SHACL Core test suite.

This module walks the shapes; :mod:`.expressions` writes whether a node conforms to a shape, :mod:`.queries` the
query of each kind of constraint, written to join by hashing on a store on disk, and :mod:`.hashjoin` rewrites
SHACL-SPARQL rules of one basic graph pattern likewise.

Compiled: all targets of SHACL Core (``sh:targetClass``, implicit class targets, ``sh:targetNode``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``); every kind of SHACL path; every component of SHACL Core, in node
and property shapes, nested through ``sh:property``, ``sh:node`` and the logical components; custom severities;
``sh:deactivated``; ``sh:sparql`` (SELECT, with ``sh:prefixes`` and ``$PATH``) on targeted shapes. Refused, with
the shape and the feature named, before anything runs (:class:`.terms.UnsupportedShape`): SPARQL-based targets
and constraint components, ``sh:sparql`` in shapes reached through another shape, ``$shapesGraph`` and
``$currentShape``, recursive shapes, ``sh:entailment``, datatypes whose values the store does not keep apart
(``xsd:byte`` …, see :mod:`.terms`) or whose well-formedness it cannot check (``rdf:HTML`` …), blank nodes where
an IRI or literal of the data must be matched, and any other term of the SHACL namespace.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from fengong.namespaces import SH
from fengong.scale.shacl.expressions import SUBCLASS_PATH, Expressions
from fengong.scale.shacl.hashjoin import hash_joined
from fengong.scale.shacl.queries import Scope
from fengong.scale.shacl.terms import Check, UnsupportedShape, name, severity, term
from fengong.scale.shacl.vocabulary import PAIR_COMPONENTS, PATH_CONSTRAINTS, VALUE_COMPONENTS, is_true

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def _component(label: str) -> str:
    return str(SH[f"{label}ConstraintComponent"])


class _Compiler:
    def __init__(self, shapes: Graph):
        self.g = shapes
        self.x = Expressions(shapes)
        # Shapes that are also classes in the shapes graph target their own instances (implicit class targets).
        classes = set(shapes.subjects(RDF.type / (RDFS.subClassOf * "*"), RDFS.Class))  # type: ignore[operator]
        self.implicit = classes & (set(shapes.subjects(RDF.type, SH.NodeShape)) |
                                   set(shapes.subjects(RDF.type, SH.PropertyShape)))

    def targeted(self) -> list:
        return sorted({s for p in _TARGETS for s in self.g.subjects(p, None)} | self.implicit, key=str)

    def targets(self, shape) -> str:
        if self.g.value(shape, SH.target) is not None:
            raise UnsupportedShape("sh:target (SPARQL-based targets) is not compiled")
        classes = [*self.g.objects(shape, SH.targetClass), *([shape] if shape in self.implicit else [])]
        parts = [f"{{ ?focus {SUBCLASS_PATH} {term(c)} }}" for c in classes]
        parts += [f"{{ VALUES ?focus {{ {term(n)} }} }}" for n in self.g.objects(shape, SH.targetNode)]
        parts += [f"{{ ?focus {term(p)} [] }}" for p in self.g.objects(shape, SH.targetSubjectsOf)]
        parts += [f"{{ [] {term(p)} ?focus }}" for p in self.g.objects(shape, SH.targetObjectsOf)]
        return "{ SELECT DISTINCT ?focus WHERE { " + " UNION ".join(parts) + " } }"

    def checks(self, shape, scope: Scope, stack: tuple = ()) -> list[Check]:
        """The checks of ``shape`` for the focus nodes of ``scope``, and of the shapes under it."""
        if self.x.deactivated(shape):
            return []
        if shape in stack:
            raise UnsupportedShape(f"shape {self.x.label(shape)} is its own property: recursive shapes are not "
                                   "compiled")
        stack = (*stack, shape)
        level = severity(self.g.value(shape, SH.severity))
        found = []
        for predicate, obj in self.x.constraints(shape):
            if predicate == SH.property:
                found += self.checks(obj, scope.nested(self.x.var(), self.x.path(obj)), stack)
            elif predicate == SH.sparql:
                if not is_true(self.g.value(obj, SH.deactivated)):
                    found.append(self.sparql(shape, obj, scope, level))
            elif predicate in PATH_CONSTRAINTS and scope.path is None:
                raise self.x.refuse(shape, f"{predicate} needs sh:path (it is a property shape's)")
            else:
                found += [Check(name(shape), _component(component), None, level, query, value,
                                scope.path if path is None else path)
                          for component, query, value, path in self.constraint(shape, predicate, obj, scope, stack)]
        return found

    def constraint(self, shape, predicate, obj, scope: Scope, stack: tuple) -> list[tuple]:
        """The (component, query, value variable, result path or None) of one constraint of ``shape``."""
        if predicate == SH.minCount:
            n = self.x.count(shape, predicate)
            return [("MinCount", scope.min_count(n), None, None)] if n else []
        if predicate == SH.maxCount:
            return [("MaxCount", scope.max_count(self.x.count(shape, predicate)), None, None)]
        if predicate == SH.hasValue:
            return [("HasValue", scope.has_value(term(obj)), None, None)]
        if predicate == SH.uniqueLang:
            return [("UniqueLang", scope.unique_lang(), None, None)] if is_true(obj) else []
        if predicate == SH.qualifiedValueShape:
            found = []
            for limit, op, component in ((SH.qualifiedMinCount, "<", "QualifiedMinCount"),
                                         (SH.qualifiedMaxCount, ">", "QualifiedMaxCount")):
                bound = self.x.count(shape, limit)
                if bound is not None:
                    flags = []
                    test = self.x.qualified(shape, obj, stack)("?value", flags)
                    found.append((component, scope.qualified(test, flags, op, bound), None, None))
            return found
        if predicate in PAIR_COMPONENTS:
            if not isinstance(obj, URIRef):
                raise self.x.refuse(shape, f"{predicate} {obj}: the value must be an IRI")
            query = {SH.equals: lambda p: scope.equals(p), SH.disjoint: lambda p: scope.disjoint(p),
                     SH.lessThan: lambda p: scope.less_than(p, "<"),
                     SH.lessThanOrEquals: lambda p: scope.less_than(p, "<=")}[predicate](term(obj))
            return [(PAIR_COMPONENTS[predicate], query, "value", None)]
        if predicate == SH.closed:
            # Each triple whose predicate is not allowed: its object is the value, its predicate the result path.
            return [("Closed", scope.closed(self.x.allowed(shape)), "object", "?path")] if is_true(obj) else []
        flags = []
        test = self.x.value_test(shape, predicate, obj, "?value", flags, stack)
        return [(VALUE_COMPONENTS[predicate], scope.value_test(test, flags), "value", None)]

    def sparql(self, shape, constraint, scope: Scope, level: str) -> Check:
        select = self.g.value(constraint, SH.select)
        if select is None:
            raise UnsupportedShape(f"constraint {self.x.label(constraint)}: only sh:select SPARQL constraints are "
                                   "compiled")
        text = str(select)
        if re.search(r"\$(shapesGraph|currentShape)\b", text):
            raise UnsupportedShape(f"constraint {self.x.label(constraint)}: $shapesGraph and $currentShape are not "
                                   "compiled")
        namespaces = {}
        for source in self.g.objects(constraint, SH.prefixes):
            for declaration in self.g.objects(source, SH.declare):
                namespaces[str(self.g.value(declaration, SH.prefix))] = str(self.g.value(declaration, SH.namespace))
        prefixes = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in namespaces.items())
        inner = re.sub(r"\$this\b", "?focus", text)
        path = scope.path
        if path is not None:
            inner = re.sub(r"\$PATH\b", path, inner)
        _parse(prefixes + inner, f"constraint {self.x.label(constraint)}")
        inner = hash_joined(inner, namespaces) or inner
        has_value = re.search(r"\?value\b", inner) is not None
        projected = "?focus ?value" if has_value else "?focus"
        query = scope.sparql(inner, projected, prefixes)
        value = "value" if has_value else (None if path else "focus")
        own = self.g.value(constraint, SH.severity)
        return Check(name(shape), _component("SPARQL"), name(constraint), level if own is None else severity(own),
                     query, value, path)


def _parse(query: str, what: str) -> None:
    """Refuse ``query`` unless the store parses and can run it (on an empty store, so at once)."""
    try:
        ox.Store().query(query)
    except (SyntaxError, RuntimeError) as error:
        raise UnsupportedShape(f"{what}: the store cannot run its query: {error}") from None


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted shape in ``shapes`` as a SPARQL query; refuses what it cannot compile."""
    if (None, SH.entailment, None) in shapes:
        raise UnsupportedShape(f"sh:entailment {shapes.value(None, SH.entailment)}: inference is not compiled")
    compiler = _Compiler(shapes)
    checks = []
    for shape in compiler.targeted():
        label = compiler.x.label(shape)
        try:
            found = compiler.checks(shape, Scope(compiler.targets(shape), compiler.x.path(shape)))
        except UnsupportedShape as error:
            if str(error).startswith(f"shape {label}:"):
                raise
            raise UnsupportedShape(f"shape {label}: {error}") from None
        for check in found:
            _parse(check.query, f"shape {label}")
        checks += found
    return checks
