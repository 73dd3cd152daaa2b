"""SHACL's validation report (``sh:ValidationReport``): results written as one, and read from one."""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from fengong.namespaces import SH
from fengong.scale.shacl.terms import SEVERITIES, Result, name, parsed, path_text, severity, written

_SEVERITY_NODES = {label: node for node, label in SEVERITIES.items()}
_IRI = re.compile(r"<[^<>]*>")


def _node(text: str):
    """A shape or constraint as results name it (an IRI, or ``_:id``) back as an rdflib node."""
    return BNode(text[2:]) if text.startswith("_:") else URIRef(text)


def _copy(source: Graph, node, target: Graph) -> None:
    """The triples describing blank node ``node`` (a path), and those of the blank nodes it leads to."""
    if isinstance(node, BNode):
        for predicate, obj in source.predicate_objects(node):
            target.add((node, predicate, obj))
            _copy(source, obj, target)


def validation_report(results: list[Result], shapes: Graph) -> Graph:
    """The SHACL validation report of ``results``; ``shapes`` gives the structure of the result paths."""
    report = Graph(bind_namespaces="core")
    report.bind("sh", SH)
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    report.add((root, SH.conforms, Literal(not results)))
    for result in results:
        node = BNode()
        shape = _node(result.shape)
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, parsed(result.focus)))
        report.add((node, SH.sourceShape, shape))
        report.add((node, SH.sourceConstraintComponent, URIRef(result.component)))
        report.add((node, SH.resultSeverity, _SEVERITY_NODES.get(result.severity) or URIRef(result.severity)))
        if result.constraint is not None:
            report.add((node, SH.sourceConstraint, _node(result.constraint)))
        if result.value is not None:
            report.add((node, SH.value, parsed(result.value)))
        if result.path is not None:
            # An IRI, or else the source shape's own path (copied with its blank nodes).
            path = parsed(result.path) if _IRI.fullmatch(result.path) else shapes.value(shape, SH.path)
            report.add((node, SH.resultPath, path))
            _copy(shapes, path, report)
        if result.constraint is None:  # a SHACL-SPARQL message is a template, filled by pySHACL only
            for message in shapes.objects(shape, SH.message):
                report.add((node, SH.resultMessage, message))
    return report


def report_results(graph: Graph, report=None) -> list[Result]:
    """The results of the validation report ``report`` in ``graph`` (by default its only one), terms written as
    the store writes them (:func:`~.terms.written`), paths as SPARQL (:func:`~.terms.path_text`)."""
    if report is None:
        report = graph.value(None, RDF.type, SH.ValidationReport, any=False)
    found = []
    for node in graph.objects(report, SH.result):
        value = graph.value(node, SH.value)
        constraint = graph.value(node, SH.sourceConstraint)
        path = graph.value(node, SH.resultPath)
        found.append(Result(
            written(graph.value(node, SH.focusNode)), name(graph.value(node, SH.sourceShape)),
            str(graph.value(node, SH.sourceConstraintComponent)), None if constraint is None else name(constraint),
            None if value is None else written(value), severity(graph.value(node, SH.resultSeverity)),
            None if path is None else path_text(graph, path)))
    return found
