"""Per-agency measures on the co-responsibility and lead → participant networks."""

from __future__ import annotations

import math

import networkx as nx

from fengong.analysis.brokerage import ROLES, brokerage
from fengong.analysis.plan_measures import Communities

#: The columns of the per-agency table, in order, with what each means (for the report and the RDF).
COLUMNS = {
    "agent": "IRI of the agency (or collective, when kept)",
    "label": "name as printed in the plan",
    "name_zh": "official Chinese name",
    "name_en": "English name",
    "agency_type": "agency type (the brokerage group)",
    "kind": "agency | collective | unresolved",
    "tasks_led": "tasks it leads",
    "tasks_joined": "tasks it joins as a participant",
    "tasks_total": "tasks it is named in",
    "degree": "co-responsibility partners (distinct agencies sharing a task)",
    "strength": "shared-task ties summed over partners (edge weights)",
    "betweenness": "weighted betweenness centrality (distance = 1 / shared tasks), normalised",
    "eigenvector": "weighted eigenvector centrality",
    "constraint": "Burt's constraint (high = ties concentrated in a closed group)",
    "effective_size": "Burt's effective size (non-redundant partners)",
    "core_number": "k-core number (largest k with the agency in the k-core)",
    "community": "community index (0 = largest)",
    "participation": "participation coefficient across communities (0 = all ties inside its own)",
    "communities_reached": "communities its ties reach, its own included",
    "leads_agencies": "distinct agencies it leads (out-degree in the lead → participant network)",
    "led_by_agencies": "distinct agencies that lead it (in-degree)",
    **{role: f"brokerage as {role} (Gould–Fernandez, groups = agency types)" for role in ROLES},
    "brokerage_total": "open two-paths it brokers in the lead → participant network",
}


def _finite(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 6)


def agency_measures(co: nx.Graph, lead: nx.DiGraph, counts: dict, parts: Communities) -> list[dict]:
    """One row per node of ``co`` with every column of :data:`COLUMNS`, sorted by tasks named in, then name."""
    for _, _, data in co.edges(data=True):
        data["distance"] = 1 / data["weight"]
    betweenness = nx.betweenness_centrality(co, weight="distance", normalized=True)
    eigenvector = _eigenvector(co)
    constraint = nx.constraint(co, weight="weight")
    effective = nx.effective_size(co, weight="weight")
    cores = nx.core_number(co)
    groups = {node: co.nodes[node]["agency_type"] for node in co}
    broker = brokerage(lead, groups)
    rows = []
    for node, attributes in co.nodes(data=True):
        led, joined = counts[node]["lead"], counts[node]["participant"]
        row = {"agent": node, **{k: attributes[k] for k in ("label", "name_zh", "name_en", "agency_type", "kind")},
               "tasks_led": led, "tasks_joined": joined, "tasks_total": sum(counts[node].values()),
               "degree": co.degree(node), "strength": co.degree(node, weight="weight"),
               "betweenness": _finite(betweenness[node]), "eigenvector": _finite(eigenvector[node]),
               "constraint": _finite(constraint[node]), "effective_size": _finite(effective[node]),
               "core_number": cores[node], "community": parts.membership[node],
               "participation": _finite(parts.participation[node]),
               "communities_reached": parts.reached[node],
               "leads_agencies": lead.out_degree(node) if node in lead else 0,
               "led_by_agencies": lead.in_degree(node) if node in lead else 0}
        roles = broker.get(node, {})
        row.update({role: roles.get(role, 0) for role in ROLES})
        row["brokerage_total"] = sum(row[role] for role in ROLES)
        rows.append(row)
    for _, _, data in co.edges(data=True):
        del data["distance"]  # a helper for betweenness only; not an attribute of the exported network
    return sorted(rows, key=lambda r: (-r["tasks_total"], -r["tasks_led"], r["label"]))


def _eigenvector(graph: nx.Graph) -> dict:
    # Power iteration converges on each connected component; measure components apart so an isolated
    # pair cannot stop the whole run, then scale by component size so values stay comparable.
    values = {}
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if sub.number_of_edges() == 0:
            values.update({node: 0.0 for node in component})
            continue
        scores = nx.eigenvector_centrality(sub, weight="weight", max_iter=10_000, tol=1e-10)
        share = len(component) / graph.number_of_nodes()
        values.update({node: score * math.sqrt(share) for node, score in scores.items()})
    return values
