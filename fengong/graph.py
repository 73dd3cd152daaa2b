"""Records → RDF: one named graph per plan, one per registry jurisdiction.

The IRIs are deterministic (minted from the plan's slug, task numbers, list positions and registry ids), and
nothing here uses blank nodes or dates, so the same input always gives the same graph.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from fengong import __version__
from fengong.namespaces import (
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
    ROLE,
)
from fengong.records import PlanRecord, SourceText, Span
from fengong.registry import NATIONAL, Agency, Collective, Jurisdiction, Registry, Unresolved

ROLE_SHORTCUTS = {
    "lead": FG.leadAgent,
    "participant": FG.participatingAgent,
    "guiding": FG.guidingAgent,
    "cooperating": FG.cooperatingAgent,
    "implementing": FG.implementingAgent,
}
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


def plan_graph(plan: PlanRecord, registry: Registry) -> tuple[Graph, list[Unresolved]]:
    """The named graph of one plan, and the unit names the registry could not resolve (kept in the graph)."""
    g = new_graph(plan_graph_iri(plan.slug))
    p = plan_iri(plan.slug)
    text = _source_text(g, plan.source)
    g.add((g.identifier, PROV.wasDerivedFrom, text))
    g.add((g.identifier, DCTERMS.creator, Literal(f"fengong {__version__}")))

    g.add((p, RDF.type, FG.Plan))
    g.add((p, PROV.wasDerivedFrom, text))
    for name, fv in plan.metadata.items():
        prop = METADATA_PROPERTIES[name]
        for lang, value in fv.values.items():
            if name == "spatial":
                g.add((p, prop, DIV[value]))
            else:
                g.add((p, prop, Literal(value, lang=lang or None)))
        basis = p + f"/basis/{name}"
        g.add((p, FG.fieldBasis, basis))
        g.add((basis, RDF.type, FG.FieldBasis))
        g.add((basis, FG.aboutProperty, prop))
        g.add((basis, FG.basis, BASIS[fv.basis]))
        if fv.note:
            g.add((basis, RDFS.comment, Literal(fv.note, lang="en")))

    unresolved: dict[str, Unresolved] = {}

    def agent(name: str) -> URIRef:
        body = registry.resolve(name, plan.jurisdiction or NATIONAL)
        if isinstance(body, Unresolved) and name not in unresolved:
            unresolved[name] = body
            g.add((body.iri, RDF.type, FG.UnresolvedAgent))
            g.add((body.iri, RDF.type, PROV.Agent))
            g.add((body.iri, SKOS.prefLabel, Literal(name, lang="zh")))
            g.add((body.iri, DCTERMS.spatial, DIV[body.jurisdiction]))
        return body.iri

    for section in plan.sections:
        s = p + f"/section/{section.key}"
        g.add((s, RDF.type, FG.PlanSection))
        g.add((s, DCTERMS.isPartOf, p))
        g.add((s, DCTERMS.title, Literal(section.title, lang="zh")))
        if section.number:
            g.add((s, FG.sectionNumber, Literal(section.number)))
        if section.span:
            _provenance(g, s, FG.derivedFromText, s + "/text", text, plan.source, section.span)
        if section.role_rule:
            g.add((s, FG.roleConvention, Literal(section.role_rule, lang="zh")))
            _provenance(g, s, FG.roleConventionText, s + "/rule-text", text, plan.source, section.role_rule_span)
        if section.tasks:
            g.add((s, FG.roleRuleBasis, BASIS[section.role_rule_basis]))
        for task in section.tasks:
            t = p + f"/task/{task.number}"
            g.add((t, RDF.type, FG.Task))
            g.add((t, FG.isStepOfPlan, p))
            g.add((t, PPLAN.isStepOfPlan, p))
            g.add((t, FG.inSection, s))
            g.add((t, FG.taskNumber, Literal(task.number)))
            g.add((t, DCTERMS.description, Literal(task.text, lang="zh")))
            g.add((t, FG.agencyListIsOpen, Literal(task.open_ended)))
            _provenance(g, t, FG.derivedFromText, t + "/text", text, plan.source, task.span)
            for unit in task.units:
                a = t + f"/assignment/{unit.position}"
                who = agent(unit.name)
                g.add((a, RDF.type, FG.Assignment))
                g.add((a, FG.task, t))
                g.add((a, FG.agent, who))
                g.add((a, FG.role, ROLE[unit.role]))
                g.add((a, FG.listPosition, Literal(unit.position)))
                g.add((a, FG.nameAsPrinted, Literal(unit.name, lang="zh")))
                _provenance(g, a, FG.derivedFromText, a + "/text", text, plan.source, unit.span)
                # The ORG roleProperty rule, materialised so simple questions need no n-ary pattern.
                g.add((t, ROLE_SHORTCUTS[unit.role], who))
                g.add((t, FG.responsibleAgent, who))

    for project in plan.projects:
        pr = p + f"/project/{project.key}"
        g.add((pr, RDF.type, FG.KeyProject))
        g.add((pr, FG.isStepOfPlan, p))
        g.add((pr, PPLAN.isStepOfPlan, p))
        g.add((pr, DCTERMS.title, Literal(project.title, lang="zh")))
        g.add((pr, DCTERMS.description, Literal(project.text, lang="zh")))
        if project.number is not None:
            g.add((pr, FG.projectNumber, Literal(project.number)))
        if project.note:
            g.add((pr, RDFS.comment, Literal(project.note, lang="en")))
        _provenance(g, pr, FG.derivedFromText, pr + "/text", text, plan.source, project.span)

    for duty in plan.duties:
        d = p + f"/duty/{duty.key}"
        g.add((d, RDF.type, FG.Duty))
        g.add((d, FG.dutyType, DUTY[duty.duty_type]))
        g.add((d, FG.concerns, p))
        g.add((d, FG.inSection, p + f"/section/{duty.section}"))
        g.add((d, DCTERMS.description, Literal(duty.text, lang="zh")))
        for holder in duty.holders:
            g.add((d, FG.dutyHolder, agent(holder)))
        if duty.addressee:
            g.add((d, FG.addressee, agent(duty.addressee)))
        if duty.frequency:
            g.add((d, FG.frequency, Literal(duty.frequency, lang="zh")))
        if duty.due_when:
            g.add((d, FG.dueWhen, Literal(duty.due_when, lang="zh")))
        for year in duty.due_years:
            g.add((d, FG.dueYear, Literal(str(year), datatype=XSD.gYear)))
        if duty.note:
            g.add((d, RDFS.comment, Literal(duty.note, lang="en")))
        _provenance(g, d, FG.derivedFromText, d + "/text", text, plan.source, duty.span)

    return g, list(unresolved.values())


def _source_text(g: Graph, source: SourceText) -> URIRef:
    t = ID[f"text/{source.sha256}"]
    g.add((t, RDF.type, FG.SourceText))
    g.add((t, FG.sha256, Literal(source.sha256)))
    g.add((t, FG.localPath, Literal(source.path)))
    g.add((t, DCTERMS.format, Literal("text/plain; charset=utf-8")))
    return t


def _provenance(g: Graph, subject: URIRef, prop: URIRef, node: URIRef, text: URIRef, source: SourceText,
                span: Span) -> None:
    """Point ``subject`` at ``source.raw[span.start:span.end]`` with Web Annotation selectors."""
    pos, quote = URIRef(node + "#position"), URIRef(node + "#quote")
    g.add((subject, prop, node))
    g.add((node, RDF.type, OA.SpecificResource))
    g.add((node, OA.hasSource, text))
    g.add((node, OA.hasSelector, pos))
    g.add((node, OA.hasSelector, quote))
    g.add((node, FG.sourceLine, Literal(span.line)))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(span.start)))
    g.add((pos, OA.end, Literal(span.end)))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(source.quote(span))))


def registry_graph(j: Jurisdiction, registry: Registry) -> Graph:
    """The named graph of one jurisdiction's registry: its division, bodies, collectives, changes, sources."""
    g = new_graph(registry_graph_iri(j.code))
    div = DIV[j.code]
    g.add((div, RDF.type, SKOS.Concept))
    g.add((div, SKOS.notation, Literal(j.code)))
    g.add((div, SKOS.prefLabel, Literal(j.name_zh, lang="zh")))
    g.add((div, SKOS.prefLabel, Literal(j.name_en, lang="en")))
    g.add((div, FG.adminLevel, LEVEL[j.level]))
    for src in j.sources.values():
        s = ID[f"source/{j.code}/{src.key}"]
        g.add((s, RDF.type, DCTERMS.BibliographicResource))
        g.add((s, DCTERMS.title, Literal(src.title)))
        if src.url:
            g.add((s, FOAF.page, URIRef(src.url)))
    for a in j.agencies:
        _agency(g, a, j, registry)
    for c in j.collectives:
        _collective(g, c, j)
    for ch in j.changes:
        g.add((ch.iri, RDF.type, ORG.ChangeEvent))
        g.add((ch.iri, FG.changeType, CHANGE[ch.type]))
        g.add((ch.iri, DCTERMS.date, Literal(ch.date, datatype=XSD.date if len(ch.date) == 10 else XSD.gYear)))
        g.add((ch.iri, FG.confidence, CONF[ch.confidence]))
        for key in ch.sources:
            g.add((ch.iri, DCTERMS.source, ID[f"source/{j.code}/{key}"]))
        if ch.note:
            g.add((ch.iri, SKOS.note, Literal(ch.note, lang="en")))
        for org in ch.original:
            g.add((ch.iri, ORG.originalOrganization, org))
            g.add((org, ORG.changedBy, ch.iri))
        for org in ch.resulting:
            g.add((ch.iri, ORG.resultingOrganization, org))
            g.add((org, ORG.resultedFrom, ch.iri))
    return g


def _agency(g: Graph, a: Agency, j: Jurisdiction, registry: Registry) -> None:
    g.add((a.iri, RDF.type, FG.Agency))
    g.add((a.iri, RDF.type, ORG.Organization))
    g.add((a.iri, SKOS.prefLabel, Literal(a.zh, lang="zh")))
    g.add((a.iri, SKOS.prefLabel, Literal(a.en, lang="en")))
    for name in a.short:
        g.add((a.iri, FG.shortName, Literal(name, lang="zh")))
        g.add((a.iri, SKOS.altLabel, Literal(name, lang="zh")))
    for name in a.alt:
        g.add((a.iri, SKOS.altLabel, Literal(name, lang="zh")))
    g.add((a.iri, ORG.classification, ATYPE[a.type]))
    g.add((a.iri, DCTERMS.spatial, DIV[j.code]))
    g.add((a.iri, FG.adminLevel, LEVEL[j.level]))
    g.add((a.iri, FG.confidence, CONF[a.confidence]))
    for key in a.sources:
        g.add((a.iri, DCTERMS.source, ID[f"source/{j.code}/{key}"]))
    if a.note:
        g.add((a.iri, SKOS.note, Literal(a.note, lang="en")))
    if a.counterpart:
        g.add((a.iri, FG.counterpart, registry.national(a.counterpart).iri))
    if a.part_of:
        g.add((a.iri, ORG.subOrganizationOf, registry.national(a.part_of).iri))


def _collective(g: Graph, c: Collective, j: Jurisdiction) -> None:
    g.add((c.iri, RDF.type, FG.CollectiveAgent))
    g.add((c.iri, RDF.type, PROV.Agent))
    g.add((c.iri, RDF.type, FOAF.Group))
    g.add((c.iri, SKOS.prefLabel, Literal(c.zh, lang="zh")))
    g.add((c.iri, SKOS.prefLabel, Literal(c.en, lang="en")))
    for name in c.short:
        g.add((c.iri, SKOS.altLabel, Literal(name, lang="zh")))
    g.add((c.iri, DCTERMS.spatial, DIV[j.code]))
    for level in c.members:
        g.add((c.iri, FG.memberCriterion, LEVEL[level]))
    if c.note:
        g.add((c.iri, SKOS.note, Literal(c.note, lang="en")))
