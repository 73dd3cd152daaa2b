"""pySHACL, the reference the compiled checks are held to: run as `fengong validate` runs it, read as results."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from fengong.namespaces import SH
from fengong.scale.shacl.report import report_results
from fengong.scale.shacl.terms import Result
from fengong.validate import shacl_report


def pyshacl_results(data: Graph, shapes: Graph) -> tuple[bool, list[Result]]:
    """Whether ``data`` conforms to ``shapes`` by pySHACL (SHACL-SPARQL on, no inference), and its results."""
    report = shacl_report(data, shapes)
    root = report.value(None, RDF.type, SH.ValidationReport, any=False)
    return report.value(root, SH.conforms).toPython(), report_results(report, root)
