"""Whether a node conforms to a shape, as one SPARQL expression over a bound variable.

This is what ``sh:node``, ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone`` and ``sh:qualifiedValueShape`` need of the
shapes they name, and what each value-node constraint of a targeted shape tests (:mod:`.compiler`). Every test is
written so that it never raises a SPARQL error (an error inside ``!`` or ``IF`` would silently drop a result).
"""

from __future__ import annotations

from itertools import combinations, count

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, XSD

from fengong.namespaces import SH
from fengong.scale.shacl.terms import LOST_DATATYPES, UnsupportedShape, term, written
from fengong.scale.shacl.vocabulary import PAIR_COMPONENTS, ShapesGraph, is_true

SUBCLASS_PATH = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"

_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
               SH.BlankNodeOrIRI: "!isLiteral({v})", SH.BlankNodeOrLiteral: "!isIRI({v})",
               SH.IRIOrLiteral: "!isBlank({v})"}
#: Datatypes whose valid literals the store can tell from ill-formed ones: those it can cast a string to.
_CASTABLE = {XSD[n] for n in ("integer", "decimal", "boolean", "double", "float", "date", "time", "dateTime",
                              "duration", "yearMonthDuration", "dayTimeDuration", "gYear", "gYearMonth", "gMonth",
                              "gDay", "gMonthDay")}


def string(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


class Expressions(ShapesGraph):
    """Writes the tests of the shapes of ``graph``; ``var`` names fresh variables for one compilation."""

    def __init__(self, graph: Graph):
        super().__init__(graph)
        self.names = count()

    def var(self) -> str:
        return f"?v{next(self.names)}"

    def conforms(self, shape, var: str, flags: list | None = None, stack: tuple = ()) -> str:
        """A SPARQL expression true when the node in ``var`` (bound) conforms to ``shape``.

        With ``flags`` (only for ``?value``), existence tests on ``?value`` are not written as EXISTS, which the
        store evaluates with index lookups for each value (slow on disk), but appended to ``flags`` as
        ``(flag, pattern)``: the check joins each pattern once, hashed, and tests ``BOUND(flag)``.
        """
        if shape in stack:
            raise UnsupportedShape(f"shape {self.label(shape)} refers to itself: recursive shapes are not "
                                   "compiled")
        if self.deactivated(shape):
            return "true"
        stack = (*stack, shape)
        path = self.path(shape)
        tests = []
        for predicate, obj in self.constraints(shape):
            if predicate == SH.property:
                tests.append(self.conforms(obj, var, flags, stack))
            elif predicate == SH.sparql:
                raise self.refuse(shape, "sh:sparql in a shape that another shape refers to is not compiled")
            elif path is None:
                tests.append(self.value_test(shape, predicate, obj, var, flags, stack))
            else:
                tests.append(self.path_test(shape, predicate, obj, var, path, flags, stack))
        return "(" + " && ".join(tests) + ")" if tests else "true"

    def exists(self, pattern: str, var: str, flags: list | None) -> str:
        """``EXISTS { pattern }``, or, with ``flags``, a flag bound where ``pattern`` matches ``var``.

        ``pattern`` must bind ``var`` by a triple pattern (it is then also evaluated on its own, for all nodes).
        """
        if flags is None or var != "?value":
            return f"EXISTS {{ {pattern} }}"
        flag = self.var()
        flags.append((flag, pattern))
        return f"BOUND({flag})"

    def distinct_values(self, var: str, path: str, n: int, test=None) -> str:
        """A pattern matching when ``var`` has ``n`` distinct values along ``path`` (each passing ``test``)."""
        names = [self.var() for _ in range(n)]
        conditions = [f"!sameTerm({a}, {b})" for a, b in combinations(names, 2)]
        conditions += [test(v) for v in names] if test else []
        pattern = " . ".join(f"{var} {path} {v}" for v in names)
        return pattern + (f" FILTER ({' && '.join(conditions)})" if conditions else "")

    def qualified(self, shape, obj, stack: tuple):
        """The test of a value counted by ``shape``'s qualified value shape ``obj`` (and none of its siblings)."""
        return lambda v, flags=None: " && ".join(
            [self.conforms(obj, v, flags, stack)] +
            [f"!{self.conforms(sibling, v, flags, stack)}" for sibling in self.siblings(shape)])

    def path_test(self, shape, predicate, obj, var: str, path: str, flags: list | None, stack: tuple) -> str:
        """The expression for one constraint of a property shape, on the values reached from ``var``."""
        if predicate == SH.minCount:
            n = self.count(shape, SH.minCount)
            return "true" if n == 0 else self.exists(self.distinct_values(var, path, n), var, flags)
        if predicate == SH.maxCount:
            return "!" + self.exists(self.distinct_values(var, path, self.count(shape, SH.maxCount) + 1), var, flags)
        if predicate == SH.hasValue:
            return self.exists(f"{var} {path} {term(obj)}", var, flags)
        if predicate == SH.uniqueLang:
            if not is_true(obj):
                return "true"
            a, b = self.var(), self.var()
            return "!" + self.exists(f"{var} {path} {a} . {var} {path} {b} FILTER (!sameTerm({a}, {b}) && "
                                     f'LANG({a}) != "" && LANG({a}) = LANG({b}))', var, flags)
        if predicate == SH.qualifiedValueShape:
            test, tests = self.qualified(shape, obj, stack), []
            low, high = self.count(shape, SH.qualifiedMinCount), self.count(shape, SH.qualifiedMaxCount)
            if low:
                tests.append(self.exists(self.distinct_values(var, path, low, test), var, flags))
            if high is not None:
                tests.append("!" + self.exists(self.distinct_values(var, path, high + 1, test), var, flags))
            return "(" + " && ".join(tests) + ")" if tests else "true"
        if predicate in PAIR_COMPONENTS:
            return self.pair_test(predicate, obj, var, lambda v: f"{var} {path} {v}")
        value = self.var()
        # The values' own tests stay inline (their variable is not ?value); the whole test is one flag.
        test = self.value_test(shape, predicate, obj, value, None, stack)
        return "!" + self.exists(f"{var} {path} {value} FILTER (!{test})", var, flags)

    def pair_test(self, predicate, obj, var: str, values) -> str:
        """sh:equals, sh:disjoint, sh:lessThan(OrEquals) on the values of ``var`` (``values(v)`` binds them)."""
        if not isinstance(obj, URIRef):
            raise UnsupportedShape(f"{predicate} {obj}: the value must be an IRI")
        x, y = self.var(), self.var()
        other = f"{var} {term(obj)} {y}"
        if predicate == SH.equals:
            return (f"(NOT EXISTS {{ {values(x)} FILTER NOT EXISTS {{ {var} {term(obj)} {x} }} }} && "
                    f"NOT EXISTS {{ {other} FILTER NOT EXISTS {{ {values(y)} }} }})")
        if predicate == SH.disjoint:
            return f"NOT EXISTS {{ {values(x)} . {var} {term(obj)} {x} }}"
        op = "<" if predicate == SH.lessThan else "<="
        return f"NOT EXISTS {{ {values(x)} . {other} FILTER (!COALESCE({x} {op} {y}, false)) }}"

    def value_test(self, shape, predicate, obj, v: str, flags: list | None, stack: tuple) -> str:
        """The expression for one constraint on the node ``v`` itself."""
        if predicate == SH["class"]:
            return self.exists(f"{v} {SUBCLASS_PATH} {term(obj)}", v, flags)
        if predicate == SH.datatype:
            return self.datatype_test(shape, obj, v)
        if predicate == SH.nodeKind:
            if obj not in _NODE_KINDS:
                raise self.refuse(shape, f"{obj} is not a node kind")
            return _NODE_KINDS[obj].format(v=v)
        if predicate in _COMPARISONS:
            return f"COALESCE({v} {_COMPARISONS[predicate]} {written(obj)}, false)"  # by value, not term
        if predicate in (SH.minLength, SH.maxLength):
            return f"(!isBlank({v}) && STRLEN(STR({v})) {'>=' if predicate == SH.minLength else '<='} " \
                   f"{self.count(shape, predicate)})"
        if predicate == SH.pattern:
            return self.pattern_test(shape, obj, v)
        if predicate == SH.languageIn:
            langs = [str(lang) for lang in self.members(shape, predicate, obj)]
            return f"(isLiteral({v}) && (" + " || ".join(
                ["false"] + [f"LANGMATCHES(LANG({v}), {string(lang)})" for lang in langs]) + "))"
        if predicate == SH["in"]:
            return "(" + " || ".join(
                ["false"] + [f"sameTerm({v}, {term(m)})" for m in self.members(shape, predicate, obj)]) + ")"
        if predicate == SH.hasValue:
            return f"sameTerm({v}, {term(obj)})"
        if predicate == SH.node:
            return self.conforms(obj, v, flags, stack)
        if predicate == SH["not"]:
            return f"!{self.conforms(obj, v, flags, stack)}"
        if predicate in (SH["and"], SH["or"]):
            parts = [self.conforms(s, v, flags, stack) for s in self.members(shape, predicate, obj)]
            return "(" + (" && " if predicate == SH["and"] else " || ").join(
                parts or ["true" if predicate == SH["and"] else "false"]) + ")"
        if predicate == SH.xone:
            parts = [f"IF({self.conforms(s, v, flags, stack)}, 1, 0)" for s in self.members(shape, predicate, obj)]
            return "(" + " + ".join(["0", *parts]) + " = 1)"
        if predicate == SH.closed:
            if not is_true(obj):
                return "true"
            p, o = self.var(), self.var()
            allowed = ", ".join(self.allowed(shape))
            return "!" + self.exists(f"{v} {p} {o} FILTER ({p} NOT IN ({allowed}))", v, flags)
        if predicate in PAIR_COMPONENTS:
            return self.pair_test(predicate, obj, v, lambda x: f"BIND ({v} AS {x})")
        raise self.refuse(shape, f"{predicate} needs sh:path (it is a property shape's)")

    def datatype_test(self, shape, datatype, v: str) -> str:
        if not isinstance(datatype, URIRef):
            raise self.refuse(shape, f"sh:datatype {datatype} is not an IRI")
        if datatype in LOST_DATATYPES:
            raise self.refuse(shape, f"sh:datatype {datatype}: the store keeps such values as xsd:integer (or "
                                     "xsd:dateTime), so it cannot tell them apart")
        typed = f"(isLiteral({v}) && DATATYPE({v}) = {term(datatype)}"
        if datatype in _CASTABLE:  # well-formed: casting its string back gives the same (canonical) literal
            return typed + f" && COALESCE(sameTerm({term(datatype)}(STR({v})), {v}), false))"
        # Any string is a well-formed xsd:string and rdf:HTML (RDF 1.1 Concepts, 5.2); other datatypes than those of
        # XSD and RDF have no lexical space SHACL knows, so only the datatype is compared (as pySHACL does).
        if datatype in (XSD.string, RDF.langString, RDF.HTML) or not str(datatype).startswith((str(XSD), str(RDF))):
            return typed + ")"
        raise self.refuse(shape, f"sh:datatype {datatype}: the store cannot tell a well-formed literal of this "
                                 "datatype from an ill-formed one")

    def pattern_test(self, shape, pattern, v: str) -> str:
        flags = self.g.value(shape, SH.flags)
        arguments = f"{string(str(pattern))}, {string(str(flags or ''))}"
        probe = next(iter(ox.Store().query(f"SELECT (REGEX(\"\", {arguments}) AS ?ok) WHERE {{}}")))
        if probe["ok"] is None:
            raise self.refuse(shape, f"sh:pattern {pattern!s} (flags {flags!s}) is not a regular expression the "
                                     "store accepts")
        return f"(!isBlank({v}) && REGEX(STR({v}), {arguments}))"

