"""The network page: the co-responsibility network drawn interactively (vis-network, installed from npm into
``service/node_modules`` and served from there), and the measures as JSON at ``/network.json``.

The measures are computed from the service's own store with :mod:`fengong.analysis` (the same code as
``fengong analyze``) and kept until the store changes size.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, jsonify, render_template_string, request, send_from_directory

from fengong import PROJECT_ROOT
from fengong.analysis.load import NoAssignments, read_mentions
from fengong.analysis.networks import COLLECTIVES, OPEN_LISTS, Options
from fengong.analysis.run import analyse

VIS_BUILD = PROJECT_ROOT / "service" / "node_modules" / "vis-network"
VIS_FILES = {"vis-network.min.js": "standalone/umd", "vis-network.min.css": "styles"}

bp = Blueprint("network", __name__)

PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>共担责任网络 · Co-responsibility network</title>
<link rel="stylesheet" href="{{ base }}/assets/vis-network/vis-network.min.css">
<style>
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 1em; }
#network { height: 640px; border: 1px solid #ccc; }
#details { min-height: 3em; margin-top: 0.5em; }
</style></head><body>
<h1>共担责任网络 · Co-responsibility network</h1>
<p>节点 = 单位（大小按共同任务总数，颜色按类型）；边 = 同在一项任务（粗细按共同任务数）。集合责任主体默认排除；
列举未尽（等）的任务保留并标记。Nodes are agencies (size: shared-task ties, colour: type); edges join agencies
named on the same task. <a href="{{ base }}/network.json">network.json</a></p>
<p id="summary"></p>
<div id="network" role="img" aria-label="co-responsibility network"></div>
<div id="details">点击节点查看指标 · click a node for its measures</div>
<script src="{{ base }}/assets/vis-network/vis-network.min.js"></script>
<script>
const colours = {"government-department": "#4C72B0", "directly-affiliated": "#55A868",
  "peoples-organisation": "#C44E52", "party-organ": "#8172B2", "vertically-managed": "#CCB974",
  "coordination-body": "#64B5CD", "collective": "#999999", "unresolved": "#333333"};
fetch("{{ base }}/network.json" + window.location.search).then(r => r.json()).then(data => {
  const s = data.summary;
  document.getElementById("summary").textContent =
    `${s.agents} 个单位 agencies · ${s.ties} 条共担关系 ties · 密度 density ${s.density} · ` +
    `牵头基尼 lead Gini ${s.lead_gini} · HHI ${s.lead_hhi} · ${s.community_count} 个社区 communities`;
  const top = Math.max(1, ...data.nodes.map(n => n.strength));
  const nodes = new vis.DataSet(data.nodes.map(n => ({id: n.agent, label: n.label,
    title: `${n.name_zh}\\n${n.agency_type}\\n牵头 ${n.tasks_led} · 参与 ${n.tasks_joined}`,
    value: n.strength, color: colours[n.agency_type] || "#333333"})));
  const edges = new vis.DataSet(data.edges.map((e, i) => ({id: i, from: e.source, to: e.target,
    value: e.shared_tasks, dashes: e.open_list_tasks > 0, title: `${e.shared_tasks} 项共同任务 shared tasks`})));
  const network = new vis.Network(document.getElementById("network"), {nodes, edges}, {
    nodes: {shape: "dot", scaling: {min: 8, max: 40}, font: {size: 14}},
    edges: {color: {opacity: 0.3}, scaling: {min: 1, max: 8}},
    physics: {stabilization: {iterations: 300}}, layout: {randomSeed: 7}});
  window.fengongNetwork = network;  // for people debugging in the console, and for the browser test
  network.on("click", params => {
    if (!params.nodes.length) return;
    const n = data.nodes.find(x => x.agent === params.nodes[0]);
    const box = document.getElementById("details");
    box.textContent = "";
    const table = document.createElement("table");
    for (const key of ["label", "name_zh", "agency_type", "tasks_led", "tasks_joined", "degree", "strength",
                       "betweenness", "eigenvector", "constraint", "effective_size", "core_number",
                       "community", "brokerage_total"]) {
      const row = table.insertRow();
      row.insertCell().textContent = key;
      row.insertCell().textContent = n[key] === null ? "" : n[key];
    }
    box.appendChild(table);
  });
  document.body.dataset.ready = "true";
});
</script></body></html>
"""


def _options() -> tuple[Options, str | None]:
    collectives = request.args.get("collectives", "exclude")
    open_lists = request.args.get("open_lists", "keep")
    if collectives not in COLLECTIVES or open_lists not in OPEN_LISTS:
        abort(400, description=f"collectives is one of {COLLECTIVES}, open_lists one of {OPEN_LISTS}")
    plan = request.args.get("plan") or None
    if plan is not None:
        try:
            ox.NamedNode(plan)
        except ValueError as error:
            abort(400, description=f"plan must be the absolute IRI of a plan: {error}")
    return Options(collectives=collectives, open_lists=open_lists), plan


def measures(options: Options, plan: str | None) -> dict:
    """The network and its measures as one JSON document, cached per options until the store changes."""
    graph_store = current_app.extensions["fengong_store"]
    cache = current_app.extensions.setdefault("fengong_network", {})
    key = (options, plan, len(graph_store))
    if key not in cache:
        analysis = analyse(read_mentions(graph_store.store, plan), options)
        cache.clear()
        cache[key] = {"summary": analysis.summary, "nodes": analysis.agencies, "edges": analysis.ties(),
                      "lead_edges": analysis.lead_ties(), "communities": analysis.community_rows()}
    return cache[key]


@bp.get("/network")
def network_page():
    """The interactive network."""
    return render_template_string(PAGE, base=request.script_root)


@bp.get("/network.json")
def network_json():
    """Nodes with their measures, co-responsibility and lead → participant edges, the plan's summary."""
    options, plan = _options()
    try:
        return jsonify(measures(options, plan))
    except NoAssignments as error:
        return jsonify({"error": str(error)}), 404


@bp.get("/assets/vis-network/<name>")
def vis_asset(name: str):
    """The vis-network build files, from the npm installation."""
    if name not in VIS_FILES:
        abort(404)
    folder = VIS_BUILD / VIS_FILES[name]
    if not (folder / name).is_file():
        abort(500, description="vis-network is not installed: run scripts/setup-ui.sh")
    return send_from_directory(folder, name, max_age=86400)
