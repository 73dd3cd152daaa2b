"""SHACL at national scale: the shapes compiled to SPARQL and run on the pyoxigraph store.

pySHACL checks every focus node from Python over rdflib; at millions of triples that is minutes and
gigabytes. Here each constraint of each shape becomes one SPARQL query over the whole store, evaluated by
Oxigraph in Rust: one query finds every task with no lead, one every assignment whose agent has the wrong
class, one runs a SHACL-SPARQL rule for all plans at once. The results are pySHACL's, result for result:
same focus node, source shape, constraint component, source constraint, value and severity
(``tests/test_scale.py`` compares both on a slice with injected violations).

The queries are written for a store on disk, where Oxigraph's index lookup for each solution of a join (tens of
microseconds each) costs more than scanning a whole predicate: values are scanned once and joined to the foci by
hashing (sub-SELECTs, MINUS, OPTIONAL of a sub-SELECT), tests of each value become flags joined the same way
instead of EXISTS, and SHACL-SPARQL rules made of one basic graph pattern are rewritten likewise
(:func:`_hash_joined`). With ``jobs``, the checks run in worker processes, each opening the store read-only.

Compiled: targets ``sh:targetClass`` / ``sh:targetNode``; paths made of IRIs, ``sh:inversePath``,
sequences and ``sh:alternativePath``; ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:class``,
``sh:hasValue``, ``sh:in``, ``sh:languageIn``, ``sh:uniqueLang``, ``sh:min/maxInclusive``,
``sh:min/maxExclusive``, ``sh:or``, ``sh:and``, ``sh:not``, ``sh:node``, ``sh:qualifiedValueShape`` with
``sh:qualifiedMin/MaxCount``, ``sh:sparql`` (SELECT) with ``sh:prefixes``. Anything else is refused with
:class:`UnsupportedShape` rather than silently skipped. Not checked (as in SPARQL generally): whether a
literal's lexical form is valid for its datatype.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import click
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from tqdm import tqdm

from fengong.namespaces import SH

_SUBCLASS_PATH = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
#: Parameters that belong to a component listed above, or carry no constraint of their own.
_NOT_CONSTRAINTS = {SH.path, SH.message, SH.severity, SH.name, SH.description, SH.targetClass, SH.targetNode,
                    SH.property, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint,
                    SH.deactivated, SH.order, SH.group, SH.defaultValue, SH.declare, SH.prefixes, RDF.type}


class UnsupportedShape(ValueError):
    """A shape uses SHACL this compiler does not translate (the message names the shape and the feature)."""


@dataclass(frozen=True)
class Result:
    """One validation result, with the fields pySHACL reports (IRIs and literals in N-Triples syntax)."""

    focus: str
    shape: str
    component: str
    constraint: str | None
    value: str | None
    severity: str


@dataclass
class Check:
    """One compiled constraint: a SELECT giving ``?focus`` and, when the result has one, ``?value``."""

    shape: str
    component: str
    constraint: str | None
    severity: str
    query: str
    value: str  # "value": ?value; "focus": the focus node; "none": no value


def _term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise UnsupportedShape(f"a blank node {node} where SHACL compiled to SPARQL needs an IRI or a literal")


#: What :func:`_hash_joined` writes back from rdflib's algebra of a FILTER; anything else is run as written.
_OPERATORS = {"=", "!=", "<", ">", "<=", ">="}
_FUNCTIONS = {"BOUND", "sameTerm", "LANG", "DATATYPE", "STR", "isIRI", "isURI", "isLITERAL", "isBLANK", "isNUMERIC",
              "LANGMATCHES"}


def _expression(e) -> str | None:
    """A FILTER expression from rdflib's algebra back in SPARQL, or None when it uses anything else."""
    if isinstance(e, Variable):
        return f"?{e}"
    if isinstance(e, (URIRef, Literal)):
        return _term(e)
    if not isinstance(e, CompValue):
        return None
    if e.name == "RelationalExpression" and e["op"] in _OPERATORS:
        parts, joiner = [e["expr"], e["other"]], f" {e['op']} "
    elif e.name in ("ConditionalAndExpression", "ConditionalOrExpression"):
        parts, joiner = [e["expr"], *e["other"]], " && " if e.name == "ConditionalAndExpression" else " || "
    elif e.name == "UnaryNot":
        inner = _expression(e["expr"])
        return None if inner is None else f"(!{inner})"
    elif e.name.startswith("Builtin_") and e.name[len("Builtin_"):] in _FUNCTIONS:
        args = [_expression(e[key]) for key in ("arg", "arg1", "arg2") if key in e]
        return None if None in args else f"{e.name[len('Builtin_'):]}({', '.join(args)})"
    else:
        return None
    texts = [_expression(part) for part in parts]
    return None if None in texts else "(" + joiner.join(texts) + ")"


def _hash_joined(query: str, namespaces: dict[str, str]) -> str | None:
    """``query``, a SELECT of one basic graph pattern and FILTERs, rewritten for the store to join by hashing.

    Oxigraph joins the triple patterns of a basic graph pattern by an index lookup for each solution so far; on
    disk a lookup costs tens of microseconds, and a rule over every plan makes millions. Wrapped in sub-SELECTs,
    each pattern is scanned once and joined by hashing: first the patterns of one subject, then the subjects.
    The same solutions (a basic graph pattern is the join of its triple patterns). None for any other query, which
    then runs as written.
    """
    try:
        node = prepareQuery(query, initNs=namespaces).algebra
    except Exception:  # rdflib cannot parse it (Oxigraph may): run it as written
        return None
    if node.name != "SelectQuery" or node.get("datasetClause"):
        return None
    node, modifier = node.p, ""
    if node.name in ("Distinct", "Reduced"):
        node, modifier = node.p, node.name.upper() + " "
    if node.name != "Project":
        return None
    projected = " ".join(f"?{v}" for v in node.PV)
    node, filters = node.p, []
    while node.name == "Filter":
        filters.append(_expression(node.expr))
        node = node.p
    if node.name != "BGP" or None in filters or not node.triples:
        return None
    stars: dict = {}
    for triple in node.triples:
        if not all(isinstance(t, (Variable, URIRef, Literal)) for t in triple) or isinstance(triple[1], Literal):
            return None
        stars.setdefault(triple[0], []).append(" ".join(f"?{t}" if isinstance(t, Variable) else _term(t)
                                                         for t in triple))

    def wrap(text: str) -> str:
        return f"{{ SELECT * WHERE {{ {text} }} }}"

    body = " ".join(wrap(" ".join(wrap(p) for p in patterns)) if len(patterns) > 1 else wrap(patterns[0])
                    for patterns in stars.values())
    return f"SELECT {modifier}{projected} WHERE {{ {body} " + "".join(f"FILTER {f} " for f in filters) + "}"


class _Compiler:
    def __init__(self, shapes: Graph):
        self.g = shapes
        self.names = count()

    def var(self) -> str:
        return f"?v{next(self.names)}"

    # ---------------------------------------------------------------- paths and targets

    def path(self, node) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        inverse = self.g.value(node, SH.inversePath)
        if inverse is not None:
            return f"^({self.path(inverse)})"
        alternatives = self.g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in Collection(self.g, alternatives)) + ")"
        if self.g.value(node, RDF.first) is not None:
            return "(" + "/".join(self.path(p) for p in Collection(self.g, node)) + ")"
        raise UnsupportedShape(f"path {node}: only IRIs, inverse, sequence and alternative paths are compiled")

    def targets(self, shape) -> str | None:
        parts = [f"{{ ?focus {_SUBCLASS_PATH} {_term(c)} }}" for c in self.g.objects(shape, SH.targetClass)]
        parts += [f"{{ VALUES ?focus {{ {_term(n)} }} }}" for n in self.g.objects(shape, SH.targetNode)]
        for other in (SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
            if self.g.value(shape, other) is not None:
                raise UnsupportedShape(f"shape {shape}: {other} is not compiled")
        if not parts:
            return None
        return "{ SELECT DISTINCT ?focus WHERE { " + " UNION ".join(parts) + " } }"

    # ---------------------------------------------------------------- conformance as an expression

    def conforms(self, shape, var: str, flags: list | None = None) -> str:
        """A SPARQL expression true when the node in ``var`` (bound) conforms to ``shape``.

        With ``flags`` (only for ``?value``), existence tests on ``?value`` are not written as EXISTS, which the
        store evaluates with index lookups for each value (slow on disk), but appended to ``flags`` as
        ``(flag, pattern)``: the check joins each pattern once, hashed, and tests ``BOUND(flag)``.
        """
        path = self.g.value(shape, SH.path)
        tests = []
        for predicate, obj in self.g.predicate_objects(shape):
            if predicate in _NOT_CONSTRAINTS or predicate == SH.qualifiedValueShape:
                if predicate == SH.qualifiedValueShape:
                    raise UnsupportedShape(f"shape {shape}: nested qualified value shapes are not compiled")
                continue
            if path is None:
                tests.append(self.node_test(shape, predicate, obj, var, flags))
            else:
                tests.append(self.path_test(shape, predicate, obj, var, self.path(path), flags))
        for prop in self.g.objects(shape, SH.property):
            tests.append(self.conforms(prop, var, flags))
        return "(" + " && ".join(tests) + ")" if tests else "true"

    def exists(self, pattern: str, var: str, flags: list | None) -> str:
        """``EXISTS { pattern }``, or, with ``flags``, a flag bound where ``pattern`` matches ``var``."""
        if flags is None or var != "?value":
            return f"EXISTS {{ {pattern} }}"
        flag = self.var()
        flags.append((flag, pattern))
        return f"BOUND({flag})"

    def node_test(self, shape, predicate, obj, var: str, flags: list | None = None) -> str:
        """The expression for one constraint on the node ``var`` itself."""
        if predicate == SH["class"]:
            return self.exists(f"{var} {_SUBCLASS_PATH} {_term(obj)}", var, flags)
        if predicate == SH.datatype:
            return f"(isLiteral({var}) && DATATYPE({var}) = {_term(obj)})"
        if predicate == SH.hasValue:
            return f"sameTerm({var}, {_term(obj)})"
        if predicate == SH["in"]:
            return "(" + " || ".join(f"sameTerm({var}, {_term(v)})" for v in Collection(self.g, obj)) + ")"
        if predicate == SH.languageIn:
            langs = [str(v) for v in Collection(self.g, obj)]
            return f"(isLiteral({var}) && (" + " || ".join(
                f'LANGMATCHES(LANG({var}), "{lang}")' for lang in langs) + "))"
        comparisons = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
        if predicate in comparisons:
            return f"COALESCE({var} {comparisons[predicate]} {_term(obj)}, false)"
        if predicate == SH["or"]:
            return "(" + " || ".join(self.conforms(s, var, flags) for s in Collection(self.g, obj)) + ")"
        if predicate == SH["and"]:
            return "(" + " && ".join(self.conforms(s, var, flags) for s in Collection(self.g, obj)) + ")"
        if predicate == SH["not"]:
            return f"!{self.conforms(obj, var, flags)}"
        if predicate == SH.node:
            return self.conforms(obj, var, flags)
        raise UnsupportedShape(f"shape {shape}: {predicate} is not compiled")

    def path_test(self, shape, predicate, obj, var: str, path: str, flags: list | None = None) -> str:
        """The expression for one constraint of a property shape, on the values reached from ``var``."""
        value = self.var()
        if predicate == SH.minCount and int(obj) == 1:
            return self.exists(f"{var} {path} {value}", var, flags)
        if predicate == SH.hasValue:
            return self.exists(f"{var} {path} {_term(obj)}", var, flags)
        if predicate in (SH.minCount, SH.maxCount, SH.uniqueLang, SH.sparql):
            raise UnsupportedShape(f"shape {shape}: {predicate} inside a value shape is not compiled")
        # The values' own tests stay inline (their variable is not ?value); the whole test is one flag.
        return "!" + self.exists(f"{var} {path} {value} FILTER (!{self.node_test(shape, predicate, obj, value)})",
                                 var, flags)

    # ---------------------------------------------------------------- checks of a targeted shape

    def checks(self, shape, focus_pattern: str, severity: str) -> list[Check]:
        if self.g.value(shape, SH.deactivated) == Literal(True):
            return []
        severity = _SEVERITY.get(self.g.value(shape, SH.severity), severity)
        name = str(shape)
        path_node = self.g.value(shape, SH.path)
        path = self.path(path_node) if path_node is not None else None
        # Every value of every node of the store, as one scan joined to the targets by hashing: on disk, one index
        # lookup for each focus node costs more than scanning the whole predicate.
        values = f"{{ SELECT ?focus ?value WHERE {{ ?focus {path} ?value }} }}" if path else "BIND (?focus AS ?value)"

        def distinct_values(flags=()) -> str:
            """The distinct (focus, value) pairs, with the flags of the value tests (see :meth:`conforms`)."""
            names = "".join(f" {flag}" for flag, _ in flags)
            joined = "".join(f" OPTIONAL {{ SELECT DISTINCT ?value (true AS {flag}) WHERE {{ {pattern} }} }}"
                             for flag, pattern in flags)
            return f"{{ SELECT DISTINCT ?focus ?value{names} WHERE {{ {focus_pattern} {values}{joined} }} }}"

        found = []

        def check(component: str, query: str, value: str, constraint: str | None = None) -> None:
            found.append(Check(name, str(SH[component]), constraint, severity, query, value))

        for predicate, obj in self.g.predicate_objects(shape):
            if predicate in _NOT_CONSTRAINTS:
                continue
            if predicate == SH.minCount and int(obj) == 1:
                # The foci that are no subject of the path: an anti-join, by hashing.
                check("MinCountConstraintComponent", f"SELECT ?focus WHERE {{ {focus_pattern} "
                      f"MINUS {{ SELECT ?focus WHERE {{ ?focus {path} ?value }} }} }}", "none")
            elif predicate == SH.minCount:
                # Counted for every node first, then joined: foci without a value (unbound ?n) count zero.
                counts = (f"SELECT ?focus (COUNT(DISTINCT ?value) AS ?n) WHERE {{ ?focus {path} ?value }} "
                          "GROUP BY ?focus")
                check("MinCountConstraintComponent", f"SELECT ?focus WHERE {{ {focus_pattern} OPTIONAL {{ {counts} }} "
                                                     f"FILTER (COALESCE(?n, 0) < {int(obj)}) }}", "none")
            elif predicate == SH.maxCount:
                # The nodes with too many values, counted for every node first, then joined to the foci.
                check("MaxCountConstraintComponent", f"SELECT ?focus WHERE {{ {focus_pattern} {{ SELECT ?focus WHERE "
                      f"{{ ?focus {path} ?value }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {int(obj)}) }} }}",
                      "none")
            elif predicate == SH.hasValue:
                check("HasValueConstraintComponent",
                      (f"SELECT ?focus WHERE {{ {focus_pattern} MINUS {{ SELECT ?focus WHERE {{ "
                       f"?focus {path} {_term(obj)} }} }} }}" if path else
                       f"SELECT ?focus WHERE {{ {focus_pattern} FILTER (!sameTerm(?focus, {_term(obj)})) }}"),
                      "none" if path else "focus")
            elif predicate == SH.uniqueLang:
                if obj == Literal(True):
                    check("UniqueLangConstraintComponent",
                          f"SELECT ?focus WHERE {{ {distinct_values()} FILTER (LANG(?value) != \"\") }} "
                          "GROUP BY ?focus (LCASE(LANG(?value))) HAVING (COUNT(?value) > 1)", "none")
            elif predicate == SH.qualifiedValueShape:
                flags = []
                test = self.conforms(obj, "?value", flags)
                # Distinct value nodes, and foci without any (OPTIONAL): they count zero.
                tally = (f"SELECT ?focus (SUM(IF(BOUND(?value) && {test}, 1, 0)) AS ?n) WHERE {{ {focus_pattern} "
                         f"OPTIONAL {{ {distinct_values(flags)} }} }} GROUP BY ?focus")
                if self.g.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
                    raise UnsupportedShape(f"shape {shape}: sh:qualifiedValueShapesDisjoint is not compiled")
                for limit, op, component in ((SH.qualifiedMinCount, "<", "QualifiedMinCountConstraintComponent"),
                                             (SH.qualifiedMaxCount, ">", "QualifiedMaxCountConstraintComponent")):
                    bound = self.g.value(shape, limit)
                    if bound is not None:
                        check(component, f"SELECT ?focus WHERE {{ {{ {tally} }} FILTER (?n {op} {int(bound)}) }}",
                              "none")
            elif predicate == SH.sparql:
                found.append(self.sparql(shape, obj, focus_pattern, severity, path is not None))
            elif predicate == SH.property:
                continue
            else:
                component = {SH["class"]: "ClassConstraintComponent", SH.datatype: "DatatypeConstraintComponent",
                             SH["in"]: "InConstraintComponent", SH.languageIn: "LanguageInConstraintComponent",
                             SH.minInclusive: "MinInclusiveConstraintComponent",
                             SH.maxInclusive: "MaxInclusiveConstraintComponent",
                             SH.minExclusive: "MinExclusiveConstraintComponent",
                             SH.maxExclusive: "MaxExclusiveConstraintComponent", SH["or"]: "OrConstraintComponent",
                             SH["and"]: "AndConstraintComponent", SH["not"]: "NotConstraintComponent",
                             SH.node: "NodeConstraintComponent"}.get(predicate)
                if component is None:
                    raise UnsupportedShape(f"shape {shape}: {predicate} is not compiled")
                flags = []
                test = self.node_test(shape, predicate, obj, "?value", flags)
                check(component, f"SELECT ?focus ?value WHERE {{ {distinct_values(flags)} FILTER (!{test}) }}",
                      "value")
        for prop in self.g.objects(shape, SH.property):
            found += self.checks(prop, focus_pattern, severity)
        return found

    def sparql(self, shape, constraint, focus_pattern: str, severity: str, is_property: bool) -> Check:
        select = self.g.value(constraint, SH.select)
        if select is None:
            raise UnsupportedShape(f"constraint {constraint}: only sh:select SPARQL constraints are compiled")
        text = str(select)
        if re.search(r"\$(shapesGraph|currentShape)\b", text):
            raise UnsupportedShape(f"constraint {constraint}: $shapesGraph and $currentShape are not compiled")
        namespaces = {}
        for source in self.g.objects(constraint, SH.prefixes):
            for declaration in self.g.objects(source, SH.declare):
                namespaces[str(self.g.value(declaration, SH.prefix))] = str(self.g.value(declaration, SH.namespace))
        prefixes = [f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in namespaces.items()]
        inner = re.sub(r"\$this\b", "?focus", text)
        inner = _hash_joined(inner, namespaces) or inner
        has_value = re.search(r"\?value\b", inner) is not None
        projected = "?focus ?value" if has_value else "?focus"
        query = "\n".join(prefixes) + f"\nSELECT {projected} WHERE {{ {focus_pattern} {{ {inner} }} }}"
        value = "value" if has_value else ("none" if is_property else "focus")
        return Check(str(shape), str(SH.SPARQLConstraintComponent), str(constraint),
                     _SEVERITY.get(self.g.value(constraint, SH.severity), severity), query, value)


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted shape in ``shapes`` as a SPARQL query."""
    compiler = _Compiler(shapes)
    checks = []
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    for shape in sorted(node_shapes, key=str):
        focus = compiler.targets(shape)
        if focus is not None:
            if isinstance(shape, BNode):
                raise UnsupportedShape("a targeted shape needs an IRI, so its results can name it")
            checks += compiler.checks(shape, focus, "violation")
    return checks


def _show(term) -> str | None:
    return None if term is None else str(term)


def run_checks(store: ox.Store, checks: list[Check], progress=None) -> list[Result]:
    """Run the compiled checks on ``store`` (its union of graphs is the data graph)."""
    results = []
    for check in checks:
        for row in store.query(check.query, use_default_graph_as_union=True):
            focus = row["focus"]
            value = {"value": row["value"] if check.value == "value" else None, "focus": focus,
                     "none": None}[check.value]
            results.append(Result(str(focus), check.shape, check.component, check.constraint, _show(value),
                                  check.severity))
        if progress:
            progress(check)
    return results


#: The store of a worker process of :func:`run_checks_in_parallel`.
_worker_store: ox.Store | None = None


def _open_in_worker(location: str) -> None:
    global _worker_store
    _worker_store = ox.Store.read_only(location)


def _run_in_worker(check: Check) -> list[Result]:
    return run_checks(_worker_store, [check])


def run_checks_in_parallel(location: str | Path, checks: list[Check], jobs: int, progress=None) -> list[Result]:
    """:func:`run_checks` on the on-disk store at ``location``, in ``jobs`` worker processes; same results, same order.

    Each worker opens the store read-only itself: spawned, not forked, so that no process inherits an open
    RocksDB handle.
    """
    results = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_open_in_worker,
                             initargs=(str(location),)) as pool:
        for check, found in zip(checks, pool.map(_run_in_worker, checks), strict=True):
            results += found
            if progress:
                progress(check)
    return results


def validate_store(store: ox.Store | str | Path, shapes: Graph, jobs: int = 1, progress=None) -> list[Result]:
    """Validate everything ``store`` holds against ``shapes``; results sorted, worst first.

    ``store`` is a store, or the folder of one on disk, opened read-only; for a folder, ``jobs`` > 1 runs the
    checks in that many processes. ``progress(check)`` is called after each check.
    """
    order = {"violation": 0, "warning": 1, "info": 2}
    checks = compile_shapes(shapes)
    if isinstance(store, ox.Store):
        results = run_checks(store, checks, progress)
    elif jobs > 1:
        results = run_checks_in_parallel(store, checks, jobs, progress)
    else:
        results = run_checks(ox.Store.read_only(str(store)), checks, progress)
    return sorted(results, key=lambda r: (order[r.severity], r.shape, r.focus, r.value or ""))


def pyshacl_results(report: Graph) -> list[Result]:
    """pySHACL's validation report as :class:`Result`s, for comparison."""
    found = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        value = report.value(node, SH.value)
        constraint = report.value(node, SH.sourceConstraint)
        found.append(Result(
            _term(report.value(node, SH.focusNode)), str(report.value(node, SH.sourceShape)),
            str(report.value(node, SH.sourceConstraintComponent)), None if constraint is None else str(constraint),
            None if value is None else _term(value), _SEVERITY[report.value(node, SH.resultSeverity)]))
    return found


def same_results(ours: list[Result], theirs: list[Result]) -> bool:
    """Whether two result lists hold the same results the same number of times."""
    return Counter(ours) == Counter(theirs)


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Validate what this on-disk store holds (opened read-only) instead of FILES.")
@click.option("--shapes", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of SHACL shapes (*.ttl). Default: the project's shapes/.")
@click.option("--limit", default=50, show_default=True, help="Results to print (all are counted).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="number of CPUs",
              help="Worker processes for --store, each opening the store read-only (FILES are checked in one).")
def check_command(files: tuple[Path, ...], store_dir: Path | None, shapes: Path | None, limit: int,
                  jobs: int) -> None:
    """Validate a large dataset against the SHACL shapes, compiled to SPARQL on the embedded store.

    Finds exactly what `fengong validate` (pySHACL) finds, in seconds at national scale. FILES are loaded
    with the concept schemes (ontology/schemes.ttl), as `fengong validate` does. Exit 1 on a violation.
    """
    from fengong import PROJECT_ROOT
    from fengong.inputs import InputError
    from fengong.store import LoadError, open_store
    from fengong.validate import load_shapes

    if store_dir is None and not files:
        raise click.UsageError("name the FILES to validate, or --store")
    started = time.monotonic()
    try:
        if store_dir is not None:
            store = store_dir
        else:
            store = open_store(None, [*files, PROJECT_ROOT / "ontology" / "schemes.ttl"]).store
        with tqdm(desc="checking", unit=" checks", leave=False, disable=not sys.stderr.isatty()) as bar:
            results = validate_store(store, load_shapes(shapes or PROJECT_ROOT / "shapes"), jobs,
                                     progress=lambda _check: bar.update())
    except (LoadError, OSError) as error:
        raise InputError(str(error)) from None
    except UnsupportedShape as error:
        raise click.ClickException(str(error)) from None
    tally = Counter((r.severity, r.constraint or r.shape) for r in results)
    for result in results[:limit]:
        rule = (result.constraint or result.shape).rsplit("#", 1)[-1]
        value = f" ({result.value})" if result.value else ""
        click.echo(f"{result.severity.upper()} [{rule}] {result.focus}{value}")
    for (severity, rule), n in sorted(tally.items()):
        click.echo(f"{n:8d} {severity} {rule.rsplit('#', 1)[-1]}", err=True)
    violations = sum(n for (severity, _), n in tally.items() if severity == "violation")
    click.echo(f"{violations} violation(s), {len(results) - violations} warning(s) in "
               f"{time.monotonic() - started:.1f} s", err=True)
    sys.exit(1 if violations else 0)
