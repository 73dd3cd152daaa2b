"""A page for every fengong resource (``https://w3id.org/fengong/id/...`` at ``/id/...``) and the ontology's
documentation at ``/ontology``.

Resource pages are content-negotiated: HTML for browsers, Turtle or JSON-LD (also N-Triples) for clients,
or ``?format=``. The RDF form is the resource's concise bounded description: its own statements plus those of
the blank nodes they reach (the provenance selectors). The HTML form also lists what links to the resource
and, for tasks and agencies, the responsibility assignments with the quote of the source text they came from.
All data reach the HTML through Jinja's autoescaping, and only http(s) IRIs become links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, abort, current_app, render_template, request, send_file
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from fengong import PROJECT_ROOT
from fengong.namespaces import BASE, FG, ID, OA, PREFIXES, SKOS, compact
from fengong.readers.outline import outline_order
from fengong.service import plan_table
from fengong.service.class_diagram import class_diagram
from fengong.service.ui import TEMPLATES_DIR

ONTOLOGY_FILE = PROJECT_ROOT / "ontology" / "fengong.ttl"
#: How deep blank nodes are followed, and how many statements one page shows: enough for every fengong node.
MAX_DEPTH = 4
MAX_STATEMENTS = 2000
MAX_INCOMING = 500

bp = Blueprint("pages", __name__, template_folder=str(TEMPLATES_DIR))

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABELS = [ox.NamedNode(str(iri)) for iri in (
    SKOS.prefLabel, "http://www.w3.org/2000/01/rdf-schema#label", "http://purl.org/dc/terms/title")]
_ASSIGNMENT = ox.NamedNode(str(FG.Assignment))
_TASK_NUMBER = ox.NamedNode(str(FG.taskNumber))
_OUTLINE_KEY = ox.NamedNode(str(FG.outlineKey))
_PLAN_OF = ox.NamedNode(str(FG.isStepOfPlan))

#: The RDF forms a resource page offers: ``format=`` name → (media type, pyoxigraph format).
RDF_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
_BY_MEDIA_TYPE = {mime: name for name, (mime, _) in RDF_FORMATS.items()}


def choose_format() -> str:
    """``html`` or a key of :data:`RDF_FORMATS`: from ``?format=``, else from Accept (HTML when none)."""
    wanted = request.args.get("format")
    if wanted:
        if wanted != "html" and wanted not in RDF_FORMATS:
            abort(406, description=f"format must be one of: html, {', '.join(RDF_FORMATS)}")
        return wanted
    if not request.accept_mimetypes:
        return "html"
    best = request.accept_mimetypes.best_match(["text/html", *_BY_MEDIA_TYPE], default=None)
    if best is None:
        abort(406, description="available: text/html, " + ", ".join(_BY_MEDIA_TYPE))
    return _BY_MEDIA_TYPE.get(best, "html")


# ---------------------------------------------------------------- reading a resource from the store


def store() -> ox.Store:
    """The service's pyoxigraph store."""
    return current_app.extensions["fengong_store"].store


def _owned(node, subject: ox.NamedNode) -> bool:
    """Whether ``node`` belongs to ``subject``'s description: a blank node, or an IRI minted under the
    subject's own (``…/task/14/text``, ``…/text#quote``), as fengong mints provenance and basis records."""
    if isinstance(node, ox.BlankNode):
        return True
    prefixes = (subject.value + "/", subject.value + "#")
    return isinstance(node, ox.NamedNode) and node.value.startswith(prefixes)


def describe(graph_store: ox.Store, subject: ox.NamedNode) -> list[ox.Triple]:
    """The description of ``subject``: its statements in any graph, and those of the nodes it owns that they
    reach (blank nodes and IRIs minted under its own, to :data:`MAX_DEPTH`), without repeats."""
    triples: dict[ox.Triple, None] = {}
    frontier, seen = [subject], {subject}
    for _ in range(MAX_DEPTH + 1):
        reached = []
        for node in frontier:
            for quad in islice(graph_store.quads_for_pattern(node, None, None, None), MAX_STATEMENTS):
                triples[quad.triple] = None
                if quad.object not in seen and _owned(quad.object, subject):
                    seen.add(quad.object)
                    reached.append(quad.object)
        frontier = reached
        if not frontier or len(triples) >= MAX_STATEMENTS:
            break
    return list(triples)


def labels(graph_store: ox.Store, node) -> dict[str, str]:
    """The labels of ``node`` by language ('' for none): skos:prefLabel, else rdfs:label, else dct:title."""
    found: dict[str, str] = {}
    if not isinstance(node, ox.NamedNode):
        return found
    for predicate in _LABELS:
        for quad in graph_store.quads_for_pattern(node, predicate, None, None):
            if isinstance(quad.object, ox.Literal):
                found.setdefault(quad.object.language or "", quad.object.value)
        if found:
            return found
    # Tasks carry no label of their own: they are called by their outline key (unique within the plan; the
    # printed number repeats from section to section), else by number.
    for predicate in (_OUTLINE_KEY, _TASK_NUMBER):
        for quad in graph_store.quads_for_pattern(node, predicate, None, None):
            return {"zh": f"任务 {quad.object.value}", "en": f"Task {quad.object.value}"}
    return found


def curie(iri: str) -> str:
    """``iri`` shortened with the project's prefixes (fg:task), or as is."""
    return compact(iri)


def local_link(iri: str) -> str | None:
    """Where a page links for ``iri``: this service for fengong IRIs, the IRI itself if it is http(s),
    else nothing (an IRI such as ``javascript:…`` must never become a link)."""
    if iri.startswith(str(ID)):
        return "/id/" + iri[len(str(ID)):]
    if iri.startswith(str(FG)):
        return "/ontology#" + iri[len(str(FG)):]
    if iri == BASE + "ontology":
        return "/ontology"
    if iri.startswith(("http://", "https://")):
        return iri
    return None


@bp.app_template_filter("local_link")
def local_link_filter(iri: str) -> str:
    """The link of an IRI in a template (``#`` when it must not become one)."""
    return local_link(iri) or "#"


@dataclass
class Term:
    """A term as a page shows it: text, optional link, language or datatype, and its labels."""

    text: str
    link: str | None = None
    lang: str = ""
    datatype: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    nested: list[tuple[Term, list[Term]]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The Chinese label, else the English one, else any."""
        for key in ("zh", "en", ""):
            if key in self.labels:
                return self.labels[key]
        return next(iter(self.labels.values()), "")


def show(graph_store: ox.Store, term, triples_by_subject: dict, depth: int = 0) -> Term:
    """``term`` ready for a template; the nodes described along with the subject (``triples_by_subject``)
    carry their own statements as ``nested``."""
    if isinstance(term, ox.Literal):
        plain = term.language or term.datatype.value.endswith("#string")
        datatype = "" if plain else curie(term.datatype.value)
        return Term(term.value, lang=term.language or "", datatype=datatype)
    if isinstance(term, ox.NamedNode):
        shown = Term(curie(term.value), local_link(term.value), labels=labels(graph_store, term))
    else:
        shown = Term("[ ]")
    if depth < MAX_DEPTH and term in triples_by_subject:
        shown.nested = grouped(graph_store, triples_by_subject[term], triples_by_subject, depth + 1)
    return shown


def grouped(graph_store: ox.Store, triples: list[ox.Triple], triples_by_subject: dict, depth: int = 0,
            order: dict | None = None):
    """Statements of one subject as (predicate, [objects]) pairs, rdf:type first, then by predicate; objects
    in ``order`` (a node → rank, such as a task's agents in printed order) come first, in that order."""
    by_predicate: dict[ox.NamedNode, list] = {}
    for triple in triples:
        by_predicate.setdefault(triple.predicate, []).append(triple.object)
    if order:
        for objects in by_predicate.values():
            objects.sort(key=lambda node: order.get(node, len(order) + 1))
    order = sorted(by_predicate, key=lambda p: (p != _RDF_TYPE, curie(p.value)))
    return [(show(graph_store, p, triples_by_subject, depth),
             [show(graph_store, o, triples_by_subject, depth) for o in by_predicate[p]]) for p in order]


def source_quotes(subject, triples: list[ox.Triple]) -> list[dict]:
    """The quotes of the source text ``subject`` was read from (``triples`` is its description):
    fg:derivedFromText → oa:SpecificResource → oa:TextQuoteSelector (``oa:exact``) and oa:TextPositionSelector
    (``oa:start``/``oa:end``), with the source."""
    by_subject: dict = {}
    for triple in triples:
        by_subject.setdefault(triple.subject, []).append(triple)

    def values(node, predicate) -> list:
        return [t.object for t in by_subject.get(node, []) if t.predicate.value == str(predicate)]

    quotes = []
    for target in values(subject, FG.derivedFromText):
        quote = {"exact": None, "start": None, "end": None, "source": None}
        for source in values(target, OA.hasSource):
            quote["source"] = Term(curie(source.value), local_link(source.value))
        for selector in values(target, OA.hasSelector):
            for exact in values(selector, OA.exact):
                quote["exact"] = exact.value
            for start in values(selector, OA.start):
                quote["start"] = start.value
            for end in values(selector, OA.end):
                quote["end"] = end.value
        quotes.append(quote)
    return quotes


def assignments(graph_store: ox.Store, node: ox.NamedNode) -> list[dict]:
    """The responsibility assignments that name ``node`` as their task or agent, in task and list order."""
    rows = []
    for predicate in (FG.task, FG.agent):
        for quad in islice(graph_store.quads_for_pattern(None, ox.NamedNode(str(predicate)), node, None),
                           MAX_INCOMING):
            assignment = quad.subject
            if not any(graph_store.quads_for_pattern(assignment, _RDF_TYPE, _ASSIGNMENT, None)):
                continue
            statements = describe(graph_store, assignment) if isinstance(assignment, ox.NamedNode) else []

            def one(predicate, statements=statements):
                return next((t.object for t in statements if t.predicate.value == str(predicate)), None)

            task, agent, role, position = one(FG.task), one(FG.agent), one(FG.role), one(FG.listPosition)
            quotes = source_quotes(assignment, statements)
            rows.append({
                "assignment": show(graph_store, assignment, {}),
                "task": show(graph_store, task, {}) if task else None,
                "task_number": _task_number(graph_store, task),
                "task_key": _first_text(graph_store, task, _OUTLINE_KEY),
                "plan": _first_text(graph_store, task, _PLAN_OF),
                "agent": show(graph_store, agent, {}) if agent else None,
                "role": show(graph_store, role, {}) if role else None,
                "position": int(position.value) if isinstance(position, ox.Literal) else None,
                "quote": quotes[0]["exact"] if quotes else None,
            })
    # By plan, then in the order of the document's outline (keys, which are unique; numbers repeat by section).
    rows.sort(key=lambda row: (row["plan"] or "", outline_order(row["task_key"]) if row["task_key"] else (),
                               row["task_number"] or 0, row["position"] or 0))
    return rows


def _first_text(graph_store: ox.Store, node, predicate: ox.NamedNode) -> str | None:
    if not isinstance(node, ox.NamedNode):
        return None
    return next((quad.object.value for quad in graph_store.quads_for_pattern(node, predicate, None, None)), None)


def _task_number(graph_store: ox.Store, task) -> int | None:
    if not isinstance(task, ox.NamedNode):
        return None
    for quad in graph_store.quads_for_pattern(task, _TASK_NUMBER, None, None):
        if quad.object.value.lstrip("-").isdigit():
            return int(quad.object.value)
    return None


def natural_key(text: str) -> list:
    """A sort key that orders the numbers in ``text`` by value: 任务 3 before 任务 11 before 任务 30."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part]


def _fengong_first(predicate: ox.NamedNode) -> tuple:
    return (not predicate.value.startswith(str(FG)), curie(predicate.value))


def incoming(graph_store: ox.Store, node: ox.NamedNode) -> list[tuple[Term, list[Term]]]:
    """What links to ``node``, grouped by property (fengong's own first): each subject once, under the first
    property that links it (a task names its lead as fg:leadAgent, then again as fg:responsibleAgent and
    p-plan's equivalent), in natural order (任务 3 before 任务 11). Assignments are left out: they have their own
    table."""
    skip = {str(FG.task), str(FG.agent)}
    by_predicate: dict[ox.NamedNode, set] = {}
    for quad in islice(graph_store.quads_for_pattern(None, None, node, None), MAX_INCOMING):
        if quad.predicate.value not in skip and isinstance(quad.subject, ox.NamedNode):
            by_predicate.setdefault(quad.predicate, set()).add(quad.subject)
    groups, listed = [], set()
    for predicate in sorted(by_predicate, key=_fengong_first):
        subjects = [show(graph_store, subject, {}) for subject in by_predicate[predicate] - listed]
        listed |= by_predicate[predicate]
        if subjects:
            subjects.sort(key=lambda term: natural_key(term.label or term.text))
            groups.append((show(graph_store, predicate, {}), subjects))
    return groups


def printed_order(graph_store: ox.Store, node: ox.NamedNode) -> dict:
    """For a task: each of its agents → its position in the printed list (to order the facts by)."""
    order = {}
    for quad in graph_store.quads_for_pattern(None, ox.NamedNode(str(FG.task)), node, None):
        agent = next(graph_store.quads_for_pattern(quad.subject, ox.NamedNode(str(FG.agent)), None, None), None)
        position = next(graph_store.quads_for_pattern(quad.subject, ox.NamedNode(str(FG.listPosition)), None,
                                                      None), None)
        if agent and position and position.object.value.isdigit():
            order[agent.object] = int(position.object.value)
    return order


def plan_parts(graph_store: ox.Store, node: ox.NamedNode) -> dict | None:
    """For a plan: its task-division table, sections, duties and key projects (:mod:`plan_table`)."""
    if not any(graph_store.quads_for_pattern(node, _RDF_TYPE, ox.NamedNode(str(FG.Plan)), None)):
        return None
    return {"tasks": plan_table.task_table(graph_store, node.value),
            "sections": plan_table.sections(graph_store, node.value),
            "duties": plan_table.duties(graph_store, node.value),
            "projects": plan_table.key_projects(graph_store, node.value)}


# ---------------------------------------------------------------- views


@bp.get("/id/<path:rest>")
def resource(rest: str):
    """The page of one fengong resource, in the negotiated format."""
    iri = str(ID) + rest
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        abort(404)
    graph_store = store()
    triples = describe(graph_store, node)
    if not triples and not any(islice(graph_store.quads_for_pattern(None, None, node, None), 1)):
        abort(404, description=f"nothing is known about {iri}")
    fmt = choose_format()
    if fmt != "html":
        mime, rdf_format = RDF_FORMATS[fmt]
        prefixes = None if fmt == "ntriples" else {p: str(ns) for p, ns in PREFIXES.items()}
        body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        return Response(body, content_type=f"{mime}; charset=utf-8", headers={"Vary": "Accept"})
    by_subject: dict = {}
    for triple in triples:
        by_subject.setdefault(triple.subject, []).append(triple)
    facts = [fact for fact in grouped(graph_store, by_subject.get(node, []), by_subject,
                                      order=printed_order(graph_store, node))
             if fact[0].text != curie(str(FG.derivedFromText))]
    page = render_template(
        "resource.html", iri=iri, title=labels(graph_store, node), facts=facts,
        quotes=source_quotes(node, triples), assignments=assignments(graph_store, node),
        incoming=incoming(graph_store, node), plan=plan_parts(graph_store, node), formats=RDF_FORMATS)
    return Response(page, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


@cache
def ontology_graph() -> rdflib.Graph:
    """The ontology file, parsed once."""
    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


def ontology_terms(graph: rdflib.Graph) -> list[tuple[str, list[dict]]]:
    """The ontology's terms for its documentation page, by kind: classes, then each kind of property."""
    kinds = [("Classes 类", OWL.Class), ("Object properties 对象属性", OWL.ObjectProperty),
             ("Datatype properties 数据属性", OWL.DatatypeProperty),
             ("Annotation properties 注释属性", OWL.AnnotationProperty)]
    relations = [("subclass of", RDFS.subClassOf), ("subproperty of", RDFS.subPropertyOf),
                 ("domain", RDFS.domain), ("range", RDFS.range), ("see also", RDFS.seeAlso)]
    sections, placed = [], set()
    for title, kind in kinds:
        entries = []
        for term in sorted(set(graph.subjects(RDF.type, kind)), key=str):
            if not isinstance(term, rdflib.URIRef) or not str(term).startswith(str(FG)) or term in placed:
                continue
            placed.add(term)
            entries.append({
                "name": str(term)[len(str(FG)):],
                "iri": str(term),
                "labels": {lit.language or "": str(lit) for lit in graph.objects(term, RDFS.label)},
                "definitions": {lit.language or "": str(lit) for lit in graph.objects(term, SKOS.definition)},
                "relations": [(name, [Term(curie(str(o)), local_link(str(o))) for o in
                                      sorted(graph.objects(term, predicate), key=str)])
                              for name, predicate in relations if (term, predicate, None) in graph],
                "types": sorted(curie(str(t)) for t in graph.objects(term, RDF.type)),
            })
        sections.append((title, entries))
    return sections


@bp.get("/ontology")
def ontology():
    """The ontology's documentation (HTML), or the ontology itself as Turtle for clients."""
    fmt = choose_format()
    if fmt == "turtle":
        return send_file(ONTOLOGY_FILE, mimetype="text/turtle")
    if fmt != "html":
        mime, rdf_format = RDF_FORMATS[fmt]
        body = ox.serialize(ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE), format=rdf_format)
        return Response(body, content_type=f"{mime}; charset=utf-8", headers={"Vary": "Accept"})
    graph = ontology_graph()
    header = next(graph.subjects(RDF.type, OWL.Ontology), None)
    about = {
        "iri": str(header) if header else BASE + "ontology",
        "titles": {lit.language or "": str(lit) for lit in graph.objects(header, DCTERMS.title)},
        "descriptions": {lit.language or "": str(lit) for lit in graph.objects(header, DCTERMS.description)},
        "version": str(next(graph.objects(header, OWL.versionInfo), "")),
    }
    page = render_template("ontology.html", about=about, sections=ontology_terms(graph), namespace=str(FG),
                           diagram=class_diagram(graph))
    return Response(page, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
