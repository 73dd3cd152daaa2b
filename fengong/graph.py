"""Records → RDF: one named graph per plan, one per registry jurisdiction.

The IRIs are deterministic (minted from the plan's slug, task numbers, list positions and registry ids), and
nothing here uses blank nodes or dates, so the same input always gives the same graph.
"""

from __future__ import annotations

import functools
from typing import NamedTuple
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from fengong import __version__
from fengong.namespaces import (
    ADMS,
    ATYPE,
    BASIS,
    CHANGE,
    CONF,
    DIV,
    DUTY,
    FG,
    GRAPH,
    ID,
    LEVEL,
    OA,
    ORG,
    PPLAN,
    PREFIXES,
    RECOGNITION,
    ROLE,
)
from fengong.records import PlanRecord, SourceText, Span
from fengong.registry import NATIONAL, Agency, Collective, Identifier, Jurisdiction, Registry, Unresolved

ROLE_SHORTCUTS = {
    "lead": FG.leadAgent,
    "participant": FG.participatingAgent,
    "guiding": FG.guidingAgent,
    "cooperating": FG.cooperatingAgent,
    "implementing": FG.implementingAgent,
}
#: The datatype that says which scheme an external identifier belongs to.
IDENTIFIER_DATATYPES = {"uscc": FG.UnifiedSocialCreditCode, "wikidata": FG.WikidataItemId}
METADATA_PROPERTIES = {
    "title": DCTERMS.title,
    "identifier": DCTERMS.identifier,
    "issued": DCTERMS.issued,
    "publisher": DCTERMS.publisher,
    "temporal": DCTERMS.temporal,
    "spatial": DCTERMS.spatial,
}


def new_graph(identifier: URIRef) -> Graph:
    g = Graph(identifier=identifier)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def plan_iri(slug: str) -> URIRef:
    return ID[f"plan/{slug}"]


def plan_graph_iri(slug: str) -> URIRef:
    return GRAPH[f"plan/{slug}"]


def registry_graph_iri(code: str) -> URIRef:
    return GRAPH[f"registry/{code}"]


class Lit(NamedTuple):
    """A literal as plain strings: the plan builder makes thousands per plan and rdflib terms cost too much."""

    value: str
    lang: str | None = None
    datatype: str | None = None


Triple = tuple[str, str, "str | Lit"]  # subject IRI, predicate IRI, object IRI or literal

_XSD_INTEGER, _XSD_BOOLEAN, _XSD_GYEAR = str(XSD.integer), str(XSD.boolean), str(XSD.gYear)


@functools.lru_cache(maxsize=4096)
def _int(n: int) -> Lit:
    return Lit(str(n), datatype=_XSD_INTEGER)


def plan_triples(plan: PlanRecord, registry: Registry) -> tuple[list[Triple], list[Unresolved]]:
    """The triples of one plan's named graph, and the unit names the registry could not resolve (kept).

    Plain strings and :class:`Lit` tuples, so that many plans can be written fast (:func:`nquads`);
    :func:`plan_graph` gives the same triples as an rdflib graph.
    """
    triples: list[Triple] = []
    add = triples.append
    graph = str(plan_graph_iri(plan.slug))
    p = str(plan_iri(plan.slug))
    text = _source_text(add, plan.source)
    add((graph, str(PROV.wasDerivedFrom), text))
    add((graph, str(DCTERMS.creator), Lit(f"fengong {__version__}")))

    add((p, str(RDF.type), str(FG.Plan)))
    add((p, str(PROV.wasDerivedFrom), text))
    for name, fv in plan.metadata.items():
        prop = str(METADATA_PROPERTIES[name])
        for lang, value in fv.values.items():
            add((p, prop, str(DIV[value]) if name == "spatial" else Lit(value, lang or None)))
        basis = p + f"/basis/{name}"
        add((p, str(FG.fieldBasis), basis))
        add((basis, str(RDF.type), str(FG.FieldBasis)))
        add((basis, str(FG.aboutProperty), prop))
        add((basis, str(FG.basis), str(BASIS[fv.basis])))
        if fv.note:
            add((basis, str(RDFS.comment), Lit(fv.note, "en")))

    unresolved: dict[str, Unresolved] = {}

    def agent(name: str) -> str:
        body = registry.resolve(name, plan.jurisdiction or NATIONAL)
        if isinstance(body, Unresolved) and name not in unresolved:
            unresolved[name] = body
            iri = str(body.iri)
            add((iri, str(RDF.type), str(FG.UnresolvedAgent)))
            add((iri, str(RDF.type), str(PROV.Agent)))
            add((iri, str(SKOS.prefLabel), Lit(name, "zh")))
            add((iri, str(DCTERMS.spatial), str(DIV[body.jurisdiction])))
        return str(body.iri)

    def provenance(subject: str, prop: URIRef, node: str, span: Span) -> None:
        _provenance(add, subject, str(prop), node, text, plan.source, span)

    for section in plan.sections:
        s = p + f"/section/{section.key}"
        add((s, str(RDF.type), str(FG.PlanSection)))
        add((s, str(DCTERMS.isPartOf), p))
        add((s, str(DCTERMS.title), Lit(section.title, "zh")))
        if section.number:
            add((s, str(FG.sectionNumber), Lit(section.number)))
        if section.span:
            provenance(s, FG.derivedFromText, s + "/text", section.span)
        if section.role_rule:
            add((s, str(FG.roleConvention), Lit(section.role_rule, "zh")))
            provenance(s, FG.roleConventionText, s + "/rule-text", section.role_rule_span)
        if section.tasks:
            add((s, str(FG.roleRuleBasis), str(BASIS[section.role_rule_basis])))
        for task in section.tasks:
            _task(add, agent, provenance, p, s, task)

    for item in plan.items:
        _item(add, provenance, p, item)

    for project in plan.projects:
        pr = p + f"/project/{project.key}"
        add((pr, str(RDF.type), str(FG.KeyProject)))
        add((pr, str(FG.isStepOfPlan), p))
        add((pr, str(PPLAN.isStepOfPlan), p))
        add((pr, str(DCTERMS.title), Lit(project.title, "zh")))
        add((pr, str(DCTERMS.description), Lit(project.text, "zh")))
        if project.number is not None:
            add((pr, str(FG.projectNumber), _int(project.number)))
        if project.note:
            add((pr, str(RDFS.comment), Lit(project.note, "en")))
        provenance(pr, FG.derivedFromText, pr + "/text", project.span)

    for duty in plan.duties:
        d = p + f"/duty/{duty.key}"
        add((d, str(RDF.type), str(FG.Duty)))
        add((d, str(FG.dutyType), str(DUTY[duty.duty_type])))
        add((d, str(FG.concerns), p))
        add((d, str(FG.inSection), p + f"/section/{duty.section}"))
        add((d, str(DCTERMS.description), Lit(duty.text, "zh")))
        for holder in duty.holders:
            add((d, str(FG.dutyHolder), agent(holder)))
        if duty.addressee:
            add((d, str(FG.addressee), agent(duty.addressee)))
        if duty.frequency:
            add((d, str(FG.frequency), Lit(duty.frequency, "zh")))
        if duty.due_when:
            add((d, str(FG.dueWhen), Lit(duty.due_when, "zh")))
        for year in duty.due_years:
            add((d, str(FG.dueYear), Lit(str(year), datatype=_XSD_GYEAR)))
        if duty.note:
            add((d, str(RDFS.comment), Lit(duty.note, "en")))
        provenance(d, FG.derivedFromText, d + "/text", duty.span)

    return triples, list(unresolved.values())


# The terms of the per-assignment loop, made once: it runs for every unit of every plan.
_A = {name: str(term) for name, term in {
    "type": RDF.type, "Task": FG.Task, "Assignment": FG.Assignment, "isStepOfPlan": FG.isStepOfPlan,
    "pplanStep": PPLAN.isStepOfPlan, "inSection": FG.inSection, "taskNumber": FG.taskNumber,
    "description": DCTERMS.description, "open": FG.agencyListIsOpen, "derived": FG.derivedFromText,
    "task": FG.task, "agent": FG.agent, "role": FG.role, "position": FG.listPosition, "printed": FG.nameAsPrinted,
    "responsible": FG.responsibleAgent, "key": FG.outlineKey, "label": FG.numberLabel, "within": FG.withinItem,
    "reading": FG.readingRule, "leadBasis": FG.leadBasis, "recognised": FG.nameRecognisedBy,
    "marked": FG.markedAsLead, "LedTask": FG.LedTask, "JointlyLedTask": FG.JointlyLedTask,
}.items()}
_BASIS_IRIS = {key: str(BASIS[key]) for key in ("stated", "marked", "rule", "convention")}
_RECOGNITION_IRIS = {key: str(RECOGNITION[key]) for key in ("gazetteer", "collective", "suffix", "label", "context")}


def _segment(key: str) -> str:
    """An outline key as an IRI path segment: its digits, dots, dashes and tildes kept as they are."""
    return quote(key, safe=".-~:")
_ROLE_IRIS = {key: str(ROLE[key]) for key in ROLE_SHORTCUTS}
_SHORTCUTS = {key: str(prop) for key, prop in ROLE_SHORTCUTS.items()}


def _task(add, agent, provenance, p: str, s: str, task) -> None:
    t = p + f"/task/{_segment(task.key)}"
    add((t, _A["type"], _A["Task"]))
    add((t, _A["isStepOfPlan"], p))
    add((t, _A["pplanStep"], p))
    add((t, _A["inSection"], s))
    add((t, _A["taskNumber"], _int(task.number)))
    add((t, _A["key"], Lit(task.key)))
    if task.label:
        add((t, _A["label"], Lit(task.label)))
    if task.parent is not None:
        add((t, _A["within"], p + f"/item/{_segment(task.parent)}"))
    if task.reading:
        add((t, _A["reading"], Lit(task.reading)))
    if task.lead_basis:
        add((t, _A["leadBasis"], _BASIS_IRIS[task.lead_basis]))
        jointly = sum(u.role == "lead" for u in task.units) > 1
        add((t, _A["type"], _A["JointlyLedTask" if jointly else "LedTask"]))
    add((t, _A["description"], Lit(task.text, "zh")))
    add((t, _A["open"], Lit("true" if task.open_ended else "false", datatype=_XSD_BOOLEAN)))
    provenance(t, FG.derivedFromText, t + "/text", task.span)
    for unit in task.units:
        a = t + f"/assignment/{unit.position}"
        who = agent(unit.name)
        add((a, _A["type"], _A["Assignment"]))
        add((a, _A["task"], t))
        add((a, _A["agent"], who))
        add((a, _A["role"], _ROLE_IRIS[unit.role]))
        add((a, _A["position"], _int(unit.position)))
        add((a, _A["printed"], Lit(unit.name, "zh")))
        add((a, _A["recognised"], _RECOGNITION_IRIS[unit.recognised]))
        if unit.marked:
            add((a, _A["marked"], Lit("true", datatype=_XSD_BOOLEAN)))
        provenance(a, FG.derivedFromText, a + "/text", unit.span)
        # The ORG roleProperty rule, materialised so simple questions need no n-ary pattern.
        add((t, _SHORTCUTS[unit.role], who))
        add((t, _A["responsible"], who))


def _item(add, provenance, p: str, item) -> None:
    """An outline item that holds tasks: its printed number, its place, its heading."""
    i = p + f"/item/{_segment(item.key)}"
    add((i, _A["type"], str(FG.OutlineItem)))
    add((i, str(DCTERMS.isPartOf), p))
    add((i, _A["key"], Lit(item.key)))
    add((i, _A["label"], Lit(item.label)))
    add((i, _A["taskNumber"], _int(item.number)))
    add((i, str(DCTERMS.title), Lit(item.title, "zh")))
    if item.parent is not None:
        add((i, _A["within"], p + f"/item/{_segment(item.parent)}"))
    provenance(i, FG.derivedFromText, i + "/text", item.span)


def plan_graph(plan: PlanRecord, registry: Registry) -> tuple[Graph, list[Unresolved]]:
    """The named graph of one plan as an rdflib graph, and the unit names the registry could not resolve."""
    triples, unresolved = plan_triples(plan, registry)
    return to_graph(triples, plan_graph_iri(plan.slug)), unresolved


def to_graph(triples: list[Triple], identifier: URIRef) -> Graph:
    """Triples of :func:`plan_triples` as an rdflib graph named ``identifier``."""
    g = new_graph(identifier)
    for s, p, o in triples:
        g.add((URIRef(s), URIRef(p), _rdflib_object(o)))
    return g


def _rdflib_object(o: str | Lit):
    if isinstance(o, Lit):
        return Literal(o.value, lang=o.lang, datatype=URIRef(o.datatype) if o.datatype else None)
    return URIRef(o)


def nquads(triples: list[Triple], graph: str) -> str:
    """N-Quads lines for ``triples`` in ``graph``, in the builder's order (the same for the same input)."""
    tail = f" <{graph}> .\n"
    return "".join(f"<{s}> <{p}> {_nt_object(o)}{tail}" for s, p, o in triples)


def _nt_object(o: str | Lit) -> str:
    if not isinstance(o, Lit):
        return f"<{o}>"
    value = o.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if o.lang:
        return f'"{value}"@{o.lang}'
    if o.datatype:
        return f'"{value}"^^<{o.datatype}>'
    return f'"{value}"'


def _source_text(add, source: SourceText) -> str:
    t = str(ID[f"text/{source.sha256}"])
    add((t, str(RDF.type), str(FG.SourceText)))
    add((t, str(FG.sha256), Lit(source.sha256)))
    add((t, str(FG.localPath), Lit(source.path)))
    add((t, str(DCTERMS.format), Lit("text/plain; charset=utf-8")))
    return t


def _provenance(add, subject: str, prop: str, node: str, text: str, source: SourceText, span: Span) -> None:
    """Point ``subject`` at ``source.raw[span.start:span.end]`` with Web Annotation selectors."""
    pos, quoted = node + "#position", node + "#quote"
    add((subject, prop, node))
    add((node, _P["type"], _P["SpecificResource"]))
    add((node, _P["hasSource"], text))
    add((node, _P["hasSelector"], pos))
    add((node, _P["hasSelector"], quoted))
    add((node, _P["line"], _int(span.line)))
    add((pos, _P["type"], _P["TextPositionSelector"]))
    add((pos, _P["start"], _int(span.start)))
    add((pos, _P["end"], _int(span.end)))
    add((quoted, _P["type"], _P["TextQuoteSelector"]))
    add((quoted, _P["exact"], Lit(source.quote(span))))


_P = {name: str(term) for name, term in {
    "type": RDF.type, "SpecificResource": OA.SpecificResource, "hasSource": OA.hasSource,
    "hasSelector": OA.hasSelector, "line": FG.sourceLine, "TextPositionSelector": OA.TextPositionSelector,
    "start": OA.start, "end": OA.end, "TextQuoteSelector": OA.TextQuoteSelector, "exact": OA.exact,
}.items()}


def registry_graph(j: Jurisdiction, registry: Registry) -> Graph:
    """The named graph of one jurisdiction's registry as an rdflib graph (:func:`registry_triples`)."""
    return to_graph(registry_triples(j, registry), registry_graph_iri(j.code))


# Predicates and classes of the registry graphs as plain strings, looked up once: ingest writes the bodies of
# thousands of jurisdictions, and an rdflib namespace lookup per triple cost a second at 3,200 documents.
_R = {name: str(term) for name, term in {
    "type": RDF.type, "Concept": SKOS.Concept, "notation": SKOS.notation, "prefLabel": SKOS.prefLabel,
    "altLabel": SKOS.altLabel, "note": SKOS.note, "adminLevel": FG.adminLevel, "title": DCTERMS.title,
    "Bibliographic": DCTERMS.BibliographicResource, "page": FOAF.page, "source": DCTERMS.source,
    "spatial": DCTERMS.spatial, "date": DCTERMS.date, "Agency": FG.Agency, "Organization": ORG.Organization,
    "shortName": FG.shortName, "classification": ORG.classification, "confidence": FG.confidence,
    "counterpart": FG.counterpart, "subOrganizationOf": ORG.subOrganizationOf, "orgIdentifier": ORG.identifier,
    "admsIdentifier": ADMS.identifier, "Identifier": ADMS.Identifier, "CollectiveAgent": FG.CollectiveAgent,
    "Agent": PROV.Agent, "Group": FOAF.Group, "memberCriterion": FG.memberCriterion,
    "ChangeEvent": ORG.ChangeEvent, "changeType": FG.changeType, "original": ORG.originalOrganization,
    "changedBy": ORG.changedBy, "resulting": ORG.resultingOrganization, "resultedFrom": ORG.resultedFrom,
}.items()}
_XSD_DATE = str(XSD.date)


def registry_triples(j: Jurisdiction, registry: Registry) -> list[Triple]:
    """The triples of one jurisdiction's registry graph: its division, bodies, collectives, changes, sources
    (plain strings and :class:`Lit`, as :func:`plan_triples`)."""
    triples: list[Triple] = []
    add, r = triples.append, _R
    div = str(DIV[j.code])
    add((div, r["type"], r["Concept"]))
    add((div, r["notation"], Lit(j.code)))
    add((div, r["prefLabel"], Lit(j.name_zh, "zh")))
    if j.name_en:  # a generated jurisdiction has no English name from any source
        add((div, r["prefLabel"], Lit(j.name_en, "en")))
    level = str(LEVEL[j.level])
    add((div, r["adminLevel"], level))
    source = str(ID[f"source/{j.code}/"])
    for src in j.sources.values():
        s = source + src.key
        add((s, r["type"], r["Bibliographic"]))
        add((s, r["title"], Lit(src.title)))
        if src.url:
            add((s, r["page"], src.url))
    for a in j.agencies:
        _agency(add, a, div, level, source, registry)
    for c in j.collectives:
        _collective(add, c, div)
    for ch in j.changes:
        iri = str(ch.iri)
        add((iri, r["type"], r["ChangeEvent"]))
        add((iri, r["changeType"], str(CHANGE[ch.type])))
        add((iri, r["date"], Lit(ch.date, datatype=_XSD_DATE if len(ch.date) == 10 else _XSD_GYEAR)))
        add((iri, r["confidence"], str(CONF[ch.confidence])))
        for key in ch.sources:
            add((iri, r["source"], source + key))
        if ch.note:
            add((iri, r["note"], Lit(ch.note, "en")))
        for org in map(str, ch.original):
            add((iri, r["original"], org))
            add((org, r["changedBy"], iri))
        for org in map(str, ch.resulting):
            add((iri, r["resulting"], org))
            add((org, r["resultedFrom"], iri))
    return triples


def _agency(add, a: Agency, div: str, level: str, source: str, registry: Registry) -> None:
    r, iri = _R, str(a.iri)
    add((iri, r["type"], r["Agency"]))
    add((iri, r["type"], r["Organization"]))
    add((iri, r["prefLabel"], Lit(a.zh, "zh")))
    add((iri, r["prefLabel"], Lit(a.en, "en")))
    for name in a.short:
        add((iri, r["shortName"], Lit(name, "zh")))
        add((iri, r["altLabel"], Lit(name, "zh")))
    for name in a.alt:
        add((iri, r["altLabel"], Lit(name, "zh")))
    add((iri, r["classification"], _term(ATYPE, a.type)))
    add((iri, r["spatial"], div))
    add((iri, r["adminLevel"], level))
    add((iri, r["confidence"], _term(CONF, a.confidence)))
    for key in a.sources:
        add((iri, r["source"], source + key))
    if a.note:
        add((iri, r["note"], Lit(a.note, "en")))
    counterpart = registry.counterpart(a)  # a hand-made body's is checked at load; a generated one may have none
    if counterpart is not None:
        add((iri, r["counterpart"], str(counterpart.iri)))
    for ident in a.identifiers:
        _identifier(add, iri, ident, source)
    if a.part_of:
        add((iri, r["subOrganizationOf"], str(registry.national(a.part_of).iri)))


@functools.lru_cache(maxsize=256)
def _term(namespace, local: str) -> str:
    return str(namespace[local])


def _identifier(add, agency: str, ident: Identifier, source: str) -> None:
    """The identifier as a typed literal on the agency (for simple queries) and as an ``adms:Identifier`` node that
    carries its source, since a literal cannot say where it came from."""
    r = _R
    value = Lit(ident.value, datatype=str(IDENTIFIER_DATATYPES[ident.scheme]))
    node = agency + f"/identifier/{ident.scheme}"
    add((agency, r["orgIdentifier"], value))
    add((agency, r["admsIdentifier"], node))
    add((node, r["type"], r["Identifier"]))
    add((node, r["notation"], value))
    add((node, r["source"], source + ident.source))


def _collective(add, c: Collective, div: str) -> None:
    r, iri = _R, str(c.iri)
    add((iri, r["type"], r["CollectiveAgent"]))
    add((iri, r["type"], r["Agent"]))
    add((iri, r["type"], r["Group"]))
    add((iri, r["prefLabel"], Lit(c.zh, "zh")))
    add((iri, r["prefLabel"], Lit(c.en, "en")))
    for name in c.short:
        add((iri, r["altLabel"], Lit(name, "zh")))
    add((iri, r["spatial"], div))
    for level in c.members:
        add((iri, r["memberCriterion"], _term(LEVEL, level)))
    if c.note:
        add((iri, r["note"], Lit(c.note, "en")))
