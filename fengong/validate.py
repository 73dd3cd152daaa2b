"""Validate graphs against ``shapes/`` with pySHACL and say what is wrong in words a person can use.

pySHACL's own messages lose their language tags when templated and name nodes by full IRIs, so the report is
built here from each result's source shape, focus node and value: the plan, the task number, the unit's name
and the rule broken, in Chinese and English.

Every validation (GET and POST ``/shacl``, ``fengong validate``) takes the same path: the data is parsed by
pyoxigraph (never fetching, never expanding entities), joined with the concept schemes, handed to rdflib as
N-Triples (:func:`data_graph`) and checked by :func:`validate_graph`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from fengong import PROJECT_ROOT
from fengong.namespaces import FG, SH

#: The concept schemes (roles, agency types): data the rules look at, so always validated with the data.
SCHEMES = PROJECT_ROOT / "ontology" / "schemes.ttl"

SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class Finding:
    """One validation result, in words."""

    severity: str  # violation | warning | info
    shape: str  # the IRI of the rule broken
    rule_zh: str
    rule_en: str
    focus: str  # the IRI of the node that breaks it
    plan: str | None  # the plan's title (zh), when the node belongs to one
    task_number: int | None
    agent: str | None  # the unit's name, when the result is about one
    detail: str  # the value or pySHACL's substituted message

    def line(self) -> str:
        where = " · ".join(x for x in (
            self.plan, f"task {self.task_number}" if self.task_number is not None else None, self.agent) if x)
        rule = self.shape.rsplit("#", 1)[-1]
        return f"{self.severity.upper()} [{rule}] {where or self.focus}: {self.rule_en} / {self.rule_zh}" + (
            f" ({self.detail})" if self.detail else "")


class NotValidatable(ValueError):
    """Data the validator cannot take (RDF 1.2 triple terms, which rdflib does not read)."""


def data_graph(quads: Iterable) -> Graph:
    """pyoxigraph quads or triples (any graph) and the concept schemes, as one rdflib graph to validate."""
    schemes = pyoxigraph.parse(path=str(SCHEMES), format=pyoxigraph.RdfFormat.TURTLE)
    triples = []
    for quad in itertools.chain(quads, schemes):
        triple = quad.triple if isinstance(quad, pyoxigraph.Quad) else quad
        if isinstance(triple.subject, pyoxigraph.Triple) or isinstance(triple.object, pyoxigraph.Triple):
            raise NotValidatable(f"the data holds an RDF 1.2 triple term, which SHACL validation does not "
                                 f"support: {triple}")
        triples.append(triple)
    graph = Graph()
    graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).decode(), format="nt")
    return graph


def load_shapes(shapes: Path) -> Graph:
    """The shapes of a Turtle file, or of every ``*.ttl`` file of a folder."""
    g = Graph()
    for path in [shapes] if shapes.is_file() else sorted(shapes.glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def shacl_report(data: Graph, shapes: Graph) -> Graph:
    """pySHACL's validation report (SHACL-SPARQL on, no inference; a report of warnings only conforms)."""
    _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                  allow_warnings=True)
    return report


def validate_graph(data: Graph, shapes: Graph) -> list[Finding]:
    """Run pySHACL (:func:`shacl_report`) and turn its report into findings, worst first."""
    report = shacl_report(data, shapes)
    findings = [_finding(report, r, data, shapes) for r in report.subjects(RDF.type, SH.ValidationResult)]
    order = {"violation": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: (order[f.severity], f.plan or "", f.task_number or 0, f.shape, f.focus,
                                           f.detail))


def _finding(report: Graph, result, data: Graph, shapes: Graph) -> Finding:
    # A SPARQL-based rule reports its node shape as the source; the rule itself is the source constraint.
    shape = report.value(result, SH.sourceConstraint) or report.value(result, SH.sourceShape)
    focus = report.value(result, SH.focusNode)
    value = report.value(result, SH.value)
    severity = SEVERITY.get(report.value(result, SH.resultSeverity), "violation")
    templates = {m.language: str(m) for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)}
    substituted = [str(m) for m in report.objects(result, SH.resultMessage)]
    # pySHACL drops the language of a message it filled in: find each one's language by its template.
    messages = {lang: next((m for m in substituted if _fits(tpl, m)), tpl) for lang, tpl in templates.items()}
    task = _task_of(data, focus)
    plan = data.value(task, FG.isStepOfPlan) if task is not None else None
    if plan is None and (focus, RDF.type, FG.Plan) in data:
        plan = focus
    if plan is None:
        plan = data.value(focus, DCTERMS.isPartOf)
    number = data.value(task, FG.taskNumber) if task is not None else None
    agent = data.value(focus, FG.agent) if (focus, RDF.type, FG.Assignment) in data else None
    if agent is None and isinstance(value, URIRef) and _label(data, value):
        agent = value
    if agent is None and any(data.triples((focus, SKOS.prefLabel, None))) and task is None and plan is None:
        agent = focus
    detail = f"value {value}" if value is not None and not isinstance(value, URIRef) else ""
    return Finding(
        severity=severity,
        shape=str(shape),
        rule_zh=_readable(messages.get("zh", ""), data),
        rule_en=_readable(messages.get("en", "; ".join(substituted)), data),
        focus=str(focus),
        plan=_label(data, plan, DCTERMS.title) if plan is not None else None,
        task_number=int(number) if number is not None else None,
        agent=_label(data, agent) if agent is not None else None,
        detail=detail,
    )


def _task_of(data: Graph, node) -> URIRef | None:
    if (node, RDF.type, FG.Task) in data:
        return node
    return data.value(node, FG.task)


def _label(data: Graph, node, prop=SKOS.prefLabel) -> str | None:
    labels = {lit.language: str(lit) for lit in data.objects(node, prop) if isinstance(lit, Literal)}
    return labels.get("zh") or labels.get("en") or (str(node) if node is not None and prop != SKOS.prefLabel
                                                    else None)


def _readable(detail: str, data: Graph) -> str:
    """Replace full agent IRIs that pySHACL pastes into messages with the agents' names."""
    for word in detail.split():
        if word.startswith("http"):
            name = _label(data, URIRef(word))
            if name:
                detail = detail.replace(word, name)
    return detail


def _fits(template: str, message: str) -> bool:
    pattern = re.sub(r"\\\{\\\?\w+\\\}", ".+?", re.escape(template))
    return re.fullmatch(pattern, message, re.S) is not None
