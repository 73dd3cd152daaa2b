"""pySHACL, the reference the compiled checks are held to: run as `fengong validate` runs it, read as results."""

from __future__ import annotations

from pyshacl import validate
from rdflib import Graph

from fengong.scale.shacl.report import report_results
from fengong.scale.shacl.terms import Result


def pyshacl_results(data: Graph, shapes: Graph) -> tuple[bool, list[Result]]:
    """Whether ``data`` conforms to ``shapes`` by pySHACL (SHACL-SPARQL on, no inference), and its results."""
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    return conforms, report_results(report)
