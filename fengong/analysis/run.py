"""The analysis from mentions to measures (:func:`analyse`), and from measures to files (:func:`write_all`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from fengong import __version__
from fengong.analysis import figures, networks, outputs, rdf, report
from fengong.analysis.load import Mention
from fengong.analysis.measures import agency_measures
from fengong.analysis.plan_measures import Communities, communities, gini, hhi


@dataclass
class Analysis:
    """Everything measured on one selection of mentions."""

    options: networks.Options
    selection: networks.Selection
    bipartite: nx.Graph
    co: nx.Graph
    lead: nx.DiGraph
    communities: Communities
    agencies: list[dict]
    summary: dict

    def ties(self) -> list[dict]:
        """The co-responsibility edges, heaviest first."""
        return _edge_rows(self.co, "shared_tasks")

    def lead_ties(self) -> list[dict]:
        """The lead → participant edges, heaviest first."""
        return _edge_rows(self.lead, "tasks")

    def community_rows(self) -> list[dict]:
        """One row per community: its index, size and members (names as printed)."""
        return [{"community": i, "size": len(group),
                 "members": "、".join(self.co.nodes[n]["label"] for n in group)}
                for i, group in enumerate(self.communities.groups)]


def _edge_rows(graph: nx.Graph, weight_name: str) -> list[dict]:
    rows = [{"source": a, "source_label": graph.nodes[a]["label"], "target": b,
             "target_label": graph.nodes[b]["label"], weight_name: d["weight"],
             "open_list_tasks": d["open_list_tasks"]} for a, b, d in graph.edges(data=True)]
    return sorted(rows, key=lambda r: (-r[weight_name], r["source_label"], r["target_label"]))


def analyse(mentions: list[Mention], options: networks.Options) -> Analysis:
    """Select, build the networks and measure them."""
    selection = networks.select(mentions, options)
    kept = selection.mentions
    bipartite, co, lead = networks.bipartite(kept), networks.co_responsibility(kept), networks.lead_network(kept)
    parts = communities(co)
    rows = agency_measures(co, lead, networks.role_counts(kept), parts)
    led = [r["tasks_led"] for r in rows]
    bridging = sorted((r for r in rows if r["communities_reached"] > 1),
                      key=lambda r: (-(r["participation"] or 0), r["label"]))
    summary = {
        "plans": sorted({m.plan for m in mentions}),
        "options": {"collectives": options.collectives, "open_lists": options.open_lists},
        "tasks": len({m.task for m in kept}),
        "assignments": len(kept),
        "agents": co.number_of_nodes(),
        "ties": co.number_of_edges(),
        "lead_ties": lead.number_of_edges(),
        "density": round(nx.density(co), 6) if co.number_of_nodes() > 1 else 0.0,
        "lead_gini": round(gini(led), 6),
        "lead_hhi": round(hhi(led), 6),
        "distinct_leads": sum(1 for n in led if n),
        "community_count": len(parts.groups),
        "modularity": round(parts.modularity, 6),
        "bridging_agencies": [{"agent": r["agent"], "label": r["label"], "participation": r["participation"],
                               "communities_reached": r["communities_reached"]} for r in bridging],
        "open_list_tasks": sorted(selection.open_tasks.values()),
        "excluded_tasks": sorted(selection.excluded_tasks.values()),
        "collective_agents": sorted(selection.collective_agents.values()),
        "excluded_agents": sorted(selection.excluded_agents.values()),
        "unresolved_agents": sorted(selection.unresolved_agents.values()),
    }
    return Analysis(options, selection, bipartite, co, lead, parts, rows, summary)


def _annotate(analysis: Analysis) -> nx.Graph:
    # The exported co-responsibility network carries the measures on its nodes, for Gephi.
    co = analysis.co.copy()
    for row in analysis.agencies:
        co.nodes[row["agent"]].update({k: v for k, v in row.items() if k not in ("agent",) and v is not None})
    return co


def write_all(analysis: Analysis, out: Path, date: str,
              step: Callable[[str], None] = lambda name: None) -> list[Path]:
    """Write tables, networks, figures, RDF and the report into ``out``; ``step`` is told each stage's name."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    step("tables")
    written += outputs.write_table(analysis.agencies, out, "agencies")
    written += outputs.write_table(analysis.ties(), out, "co_responsibility_ties")
    written += outputs.write_table(analysis.lead_ties(), out, "lead_participant_ties")
    written += outputs.write_table(analysis.community_rows(), out, "communities")
    written.append(outputs.write_json(analysis.summary, out / "summary.json"))
    step("networks")
    written += outputs.write_network(analysis.bipartite, out, "bipartite")
    written += outputs.write_network(_annotate(analysis), out, "co_responsibility")
    written += outputs.write_network(analysis.lead, out, "lead_participant")
    step("figures")
    written += figures.network_figure(analysis.co, out, "co_responsibility", "共担责任网络 Co-responsibility network")
    written += figures.network_figure(analysis.lead, out, "lead_participant",
                                      "牵头→参与网络 Lead → participant network")
    written += figures.counts_figure(analysis.agencies, out, "leads_and_participations",
                                     "各单位牵头与参与任务数 Tasks led and joined")
    step("rdf")
    software = f"fengong {__version__} (networkx {nx.__version__})"
    quads = rdf.measure_quads(analysis.summary, analysis.agencies, date, software)
    written.append(rdf.write_measures(quads, out / "measures.trig"))
    step("report")
    written.append(report.write_report(analysis, out / "report.html", date))
    return written
