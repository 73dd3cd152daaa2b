"""The measures as RDF, in an analysis named graph, so SPARQL can query them next to the plan.

Vocabulary: ``ontology/analysis.ttl`` (prefix ``fga:``). One ``fga:NetworkAnalysis`` (a ``prov:Activity``)
per run, with its method, options, date and plan-level measures; one ``fga:AgencyMeasures`` node per agent with
the per-agency measures. IRIs are derived from the plan and the date, so a re-run on the same day replaces
the same nodes.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from fengong.namespaces import BASE, GRAPH, ID, PREFIXES

FGA = BASE + "ontology/analysis#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_PROV = "http://www.w3.org/ns/prov#"
_DCT = "http://purl.org/dc/terms/"

#: Per-agency table columns → fga property local names (the rest are labels, kept in the plan graph).
AGENCY_PROPERTIES = {
    "tasks_led": "tasksLed", "tasks_joined": "tasksJoined", "tasks_total": "tasksTotal",
    "degree": "degree", "strength": "strength", "betweenness": "betweenness", "eigenvector": "eigenvector",
    "constraint": "constraint", "effective_size": "effectiveSize", "core_number": "coreNumber",
    "community": "community", "participation": "participationCoefficient",
    "communities_reached": "communitiesReached", "leads_agencies": "leadsAgencies",
    "led_by_agencies": "ledByAgencies", "coordinator": "brokerageCoordinator",
    "gatekeeper": "brokerageGatekeeper", "representative": "brokerageRepresentative",
    "consultant": "brokerageConsultant", "liaison": "brokerageLiaison", "brokerage_total": "brokerageTotal",
}
#: Plan-level summary keys → fga property local names.
SUMMARY_PROPERTIES = {
    "agents": "nodeCount", "ties": "edgeCount", "density": "density", "lead_gini": "leadGini",
    "lead_hhi": "leadHHI", "community_count": "communityCount", "modularity": "modularity",
}
METHOD = {
    "en": "Co-responsibility projection of the task–agent graph (weight = shared tasks) and the directed "
          "lead → participant network, measured with networkx: weighted betweenness (distance = 1/weight), "
          "eigenvector centrality, Burt's constraint and effective size, k-core, Gould–Fernandez brokerage "
          "(groups = agency types), greedy modularity communities, participation coefficient, Gini and HHI "
          "of tasks led.",
    "zh": "由任务—单位二部图投影得到共担责任网络（权重为共同任务数）及牵头→参与有向网络，用 networkx 计算："
          "加权中介中心性（距离 = 1/权重）、特征向量中心性、Burt 约束度与有效规模、k 核、Gould–Fernandez "
          "经纪角色（以单位类型分组）、贪心模块度社区、参与系数、牵头任务数的基尼系数与 HHI。",
}


def _literal(value) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
    return ox.Literal(repr(float(value)), datatype=ox.NamedNode(_XSD + "double"))


def run_iri(plans: list[str], date: str) -> str:
    """The IRI of an analysis run: the plan's slug (or ``all``) and the date."""
    slug = plans[0].rstrip("/").rsplit("/", 1)[-1] if len(plans) == 1 else "all-plans"
    return f"{ID}analysis/{slug}/{date}"


def graph_iri(plans: list[str]) -> str:
    """The named graph of a plan's analysis (one per plan, or one for several plans analysed together)."""
    slug = plans[0].rstrip("/").rsplit("/", 1)[-1] if len(plans) == 1 else "all-plans"
    return f"{GRAPH}analysis/{slug}"


def measure_quads(summary: dict, rows: list[dict], date: str, software: str) -> list[ox.Quad]:
    """The analysis as quads: the run with its summary, one measures node per agent."""
    plans = summary["plans"]
    graph = ox.NamedNode(graph_iri(plans))
    run = ox.NamedNode(run_iri(plans, date))
    quads = []

    def add(subject, predicate: str, obj) -> None:
        quads.append(ox.Quad(subject, ox.NamedNode(predicate), obj, graph))

    quads.append(ox.Quad(run, _RDF_TYPE, ox.NamedNode(FGA + "NetworkAnalysis"), graph))
    quads.append(ox.Quad(run, _RDF_TYPE, ox.NamedNode(_PROV + "Activity"), graph))
    for plan in plans:
        add(run, _PROV + "used", ox.NamedNode(plan))
    add(run, _DCT + "date", ox.Literal(date, datatype=ox.NamedNode(_XSD + "date")))
    add(run, _DCT + "creator", ox.Literal(software))
    for lang, text in METHOD.items():
        add(run, FGA + "method", ox.Literal(text, language=lang))
    add(run, FGA + "collectives", ox.Literal(summary["options"]["collectives"]))
    add(run, FGA + "openLists", ox.Literal(summary["options"]["open_lists"]))
    for key, local in SUMMARY_PROPERTIES.items():
        if summary.get(key) is not None:
            add(run, FGA + local, _literal(summary[key]))
    for row in rows:
        node = ox.NamedNode(f"{run.value}/agent/{row['agent'].removeprefix(str(ID)).replace('/', '-')}")
        quads.append(ox.Quad(node, _RDF_TYPE, ox.NamedNode(FGA + "AgencyMeasures"), graph))
        add(node, FGA + "analysis", run)
        add(node, FGA + "agent", ox.NamedNode(row["agent"]))
        for column, local in AGENCY_PROPERTIES.items():
            if row.get(column) is not None:
                add(node, FGA + local, _literal(row[column]))
    return quads


def write_measures(quads: list[ox.Quad], path: Path) -> Path:
    """Serialise the analysis quads as TriG."""
    prefixes = {p: str(ns) for p, ns in PREFIXES.items() if p in ("fg", "prov", "dct", "xsd", "fgid")}
    ox.serialize(sorted(quads, key=str), str(path), ox.RdfFormat.TRIG, prefixes={"fga": FGA, **prefixes})
    return path
