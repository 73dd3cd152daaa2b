"""SHACL Core compiled to SPARQL: each constraint of each targeted shape becomes one query over the whole store.

pySHACL checks every focus node from Python over rdflib; at millions of triples that is minutes and
gigabytes. Here one query finds every task with no lead, one every assignment whose agent has the wrong
class, one runs a SHACL-SPARQL rule for all plans at once. The results carry the fields of SHACL's report:
focus node, result path, value, source shape, constraint component (and source constraint for SHACL-SPARQL)
and severity. ``tests/test_scale.py`` compares them with pySHACL's on fengong's data with injected violations,
``tests/w3c/test_shacl_suite.py`` with the W3C SHACL Core test suite.

The queries are written for a store on disk, where Oxigraph's index lookup for each solution of a join (tens of
microseconds each) costs more than scanning a whole predicate: values are scanned once and joined to the foci by
hashing (sub-SELECTs, MINUS, OPTIONAL of a sub-SELECT), tests of each value become flags joined the same way
instead of EXISTS (:meth:`.expressions.Expressions.exists`), and SHACL-SPARQL rules made of one basic graph
pattern are rewritten likewise (:mod:`.hashjoin`).

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
from fengong.scale.shacl.expressions import (
    PAIR_COMPONENTS,
    PATH_CONSTRAINTS,
    SUBCLASS_PATH,
    VALUE_COMPONENTS,
    Expressions,
    is_true,
)
from fengong.scale.shacl.hashjoin import hash_joined
from fengong.scale.shacl.terms import Check, UnsupportedShape, name, severity, term

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

    def checks(self, shape, focus_pattern: str, stack: tuple = (), keys: str = "") -> list[Check]:
        """The checks of ``shape`` for the focus nodes ``focus_pattern`` binds, and of the shapes under it.

        A property shape under a property shape has the value nodes as focus nodes, once for each focus node
        they are reached from (SHACL validates them again for each): ``keys`` are the variables that keep those
        reaches apart (the outer focus nodes), empty for a targeted shape.
        """
        if self.x.deactivated(shape):
            return []
        if shape in stack:
            raise UnsupportedShape(f"shape {self.x.label(shape)} is its own property: recursive shapes are not "
                                   "compiled")
        stack = (*stack, shape)
        level = severity(self.g.value(shape, SH.severity))
        path = self.x.path(shape)
        # Every value of every node of the store, as one scan joined to the targets by hashing: on disk, one index
        # lookup for each focus node costs more than scanning the whole predicate.
        values = f"{{ SELECT ?focus ?value WHERE {{ ?focus {path} ?value }} }}" if path else "BIND (?focus AS ?value)"

        def distinct_values(flags=()) -> str:
            """The distinct (focus, value) pairs, with the flags of the value tests (see ``Expressions.conforms``)."""
            names = "".join(f" {flag}" for flag, _ in flags)
            joined = "".join(f" OPTIONAL {{ SELECT DISTINCT ?value (true AS {flag}) WHERE {{ {pattern} }} }}"
                             for flag, pattern in flags)
            return f"{{ SELECT DISTINCT ?focus{keys} ?value{names} WHERE {{ {focus_pattern} {values}{joined} }} }}"

        found = []

        def check(component: str, query: str, value: str | None, result_path: str | None = path) -> None:
            found.append(Check(name(shape), _component(component), None, level, query, value, result_path))

        for predicate, obj in self.x.constraints(shape):
            if predicate == SH.property and path is None:
                found += self.checks(obj, focus_pattern, stack, keys)
            elif predicate == SH.property:
                outer = self.x.var()
                nested = (f"{{ SELECT ?focus{keys} {outer} WHERE {{ {{ SELECT{keys} (?focus AS {outer}) WHERE {{ "
                          f"{focus_pattern} }} }} {{ SELECT DISTINCT {outer} ?focus WHERE {{ {outer} {path} ?focus }} "
                          "} } }")
                found += self.checks(obj, nested, stack, f"{keys} {outer}")
            elif predicate == SH.sparql:
                if not is_true(self.g.value(obj, SH.deactivated)):
                    found.append(self.sparql(shape, obj, focus_pattern, level, path))
            elif predicate in PATH_CONSTRAINTS and path is None:
                raise self.x.refuse(shape, f"{predicate} needs sh:path (it is a property shape's)")
            elif predicate == SH.minCount:
                n = self.x.count(shape, predicate)
                if n == 1:
                    # The foci that are no subject of the path: an anti-join, by hashing.
                    check("MinCount", f"SELECT ?focus WHERE {{ {focus_pattern} "
                                      f"MINUS {{ SELECT ?focus WHERE {{ ?focus {path} ?value }} }} }}", None)
                elif n:
                    # Counted for every node first, then joined: foci without a value (unbound ?n) count zero.
                    counts = (f"SELECT ?focus (COUNT(DISTINCT ?value) AS ?n) WHERE {{ ?focus {path} ?value }} "
                              "GROUP BY ?focus")
                    check("MinCount", f"SELECT ?focus WHERE {{ {focus_pattern} OPTIONAL {{ {counts} }} "
                                      f"FILTER (COALESCE(?n, 0) < {n}) }}", None)
            elif predicate == SH.maxCount:
                # The nodes with too many values, counted for every node first, then joined to the foci.
                check("MaxCount", f"SELECT ?focus WHERE {{ {focus_pattern} {{ SELECT ?focus WHERE {{ ?focus {path} "
                                  f"?value }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > "
                                  f"{self.x.count(shape, predicate)}) }} }}", None)
            elif predicate == SH.hasValue:
                check("HasValue", f"SELECT ?focus WHERE {{ {focus_pattern} MINUS {{ SELECT ?focus WHERE {{ "
                                  f"?focus {path} {term(obj)} }} }} }}" if path else
                      f"SELECT ?focus WHERE {{ {focus_pattern} FILTER (!sameTerm(?focus, {term(obj)})) }}", None)
            elif predicate == SH.uniqueLang:
                if is_true(obj):
                    check("UniqueLang", f"SELECT ?focus WHERE {{ {distinct_values()} FILTER (LANG(?value) != \"\") }} "
                                        f"GROUP BY ?focus{keys} (LANG(?value)) HAVING (COUNT(?value) > 1)", None)
            elif predicate == SH.qualifiedValueShape:
                flags = []
                test = self.x.qualified(shape, obj, stack)("?value", flags)
                # Distinct value nodes, and foci without any (OPTIONAL): they count zero.
                tally = (f"SELECT ?focus (SUM(IF(BOUND(?value) && {test}, 1, 0)) AS ?n) WHERE {{ {focus_pattern} "
                         f"OPTIONAL {{ {distinct_values(flags)} }} }} GROUP BY ?focus{keys}")
                for limit, op, component in ((SH.qualifiedMinCount, "<", "QualifiedMinCount"),
                                             (SH.qualifiedMaxCount, ">", "QualifiedMaxCount")):
                    bound = self.x.count(shape, limit)
                    if bound is not None:
                        check(component, f"SELECT ?focus WHERE {{ {{ {tally} }} FILTER (?n {op} {bound}) }}", None)
            elif predicate in PAIR_COMPONENTS:
                check(PAIR_COMPONENTS[predicate], self.pair(predicate, obj, focus_pattern, values, path, keys), "value")
            elif predicate == SH.closed:
                if is_true(obj):
                    # Each triple of a value node whose predicate is not allowed; its predicate is the result path.
                    check("Closed", f"SELECT ?focus ?object ?path WHERE {{ {distinct_values()} ?value ?path ?object "
                                    f"FILTER (?path NOT IN ({', '.join(self.x.allowed(shape))})) }}", "object", "?path")
            else:
                flags = []
                test = self.x.value_test(shape, predicate, obj, "?value", flags, stack)
                check(VALUE_COMPONENTS[predicate],
                      f"SELECT ?focus ?value WHERE {{ {distinct_values(flags)} FILTER (!{test}) }}", "value")
        return found

    def pair(self, predicate, other, focus_pattern: str, values: str, path: str | None, keys: str) -> str:
        """sh:equals, sh:disjoint, sh:lessThan and sh:lessThanOrEquals: the values against those of ``other``."""
        if not isinstance(other, URIRef):
            raise UnsupportedShape(f"{predicate} {other}: the value must be an IRI")
        p = term(other)
        if predicate == SH.equals:
            among_values = f"?focus {path} ?value" if path else "FILTER (sameTerm(?focus, ?value))"
            return (f"SELECT DISTINCT ?focus{keys} ?value WHERE {{ {{ {focus_pattern} {values} FILTER NOT EXISTS "
                    f"{{ ?focus {p} ?value }} }} UNION {{ {focus_pattern} ?focus {p} ?value FILTER NOT EXISTS "
                    f"{{ {among_values} }} }} }}")
        if predicate == SH.disjoint:
            return f"SELECT DISTINCT ?focus{keys} ?value WHERE {{ {focus_pattern} {values} ?focus {p} ?value }}"
        op = "<" if predicate == SH.lessThan else "<="
        # One result for each pair of a value and a value of the other property that are not in order.
        return (f"SELECT ?focus ?value WHERE {{ {{ SELECT DISTINCT ?focus{keys} ?value WHERE {{ {focus_pattern} "
                f"{values} }} }} ?focus {p} ?other FILTER (!COALESCE(?value {op} ?other, false)) }}")

    def sparql(self, shape, constraint, focus_pattern: str, level: str, path: str | None) -> Check:
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
        if path is not None:
            inner = re.sub(r"\$PATH\b", path, inner)
        _parse(prefixes + inner, f"constraint {self.x.label(constraint)}")
        inner = hash_joined(inner, namespaces) or inner
        has_value = re.search(r"\?value\b", inner) is not None
        projected = "?focus ?value" if has_value else "?focus"
        query = prefixes + f"SELECT {projected} WHERE {{ {focus_pattern} {{ {inner} }} }}"
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
            found = compiler.checks(shape, compiler.targets(shape))
        except UnsupportedShape as error:
            if str(error).startswith(f"shape {label}:"):
                raise
            raise UnsupportedShape(f"shape {label}: {error}") from None
        for check in found:
            _parse(check.query, f"shape {label}")
        checks += found
    return checks
