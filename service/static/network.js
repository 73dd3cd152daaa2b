// Draws the co-responsibility network of /network.json with vis-network (served by this service), in the colours
// of the legend; once the layout settles, moves nodes apart until no two labels overlap (spread.js); shows a
// clicked node's measures, rounded.
"use strict";

const round = (value) => typeof value === "number" && !Number.isInteger(value) ? +value.toFixed(3) : value;

//: Measures shown for a clicked node, in this order.
const MEASURES = ["label", "name_zh", "agency_type", "tasks_led", "tasks_joined", "degree", "strength", "betweenness",
  "eigenvector", "constraint", "effective_size", "core_number", "community", "brokerage_total"];
function showDetails(node) {
  const box = document.getElementById("details");
  box.textContent = "";
  const table = document.createElement("table");
  for (const key of MEASURES) {
    const row = table.insertRow();
    row.insertCell().textContent = key;
    row.insertCell().textContent = node[key] === null || node[key] === undefined ? "" : round(node[key]);
  }
  const link = document.createElement("a");
  link.href = "/id/" + node.agent.split("/id/")[1];
  link.textContent = "单位页面 the agency's page";
  box.append(table, link);
}

document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("network");
  const colours = Object.fromEntries(JSON.parse(document.getElementById("type-colours").textContent)
    .map((entry) => [entry.type, entry.colour]));
  fetch(root.dataset.source + window.location.search).then((r) => r.json()).then((data) => {
    const s = data.summary;
    document.getElementById("summary").textContent =
      `${s.agents} 个单位 agencies · ${s.ties} 条共担关系 ties · 密度 density ${round(s.density)} · ` +
      `牵头基尼 lead Gini ${round(s.lead_gini)} · HHI ${round(s.lead_hhi)} · ${s.community_count} 个社区 communities`;
    const present = new Set(data.nodes.map((n) => n.agency_type));
    document.querySelectorAll("#legend li").forEach((item) => item.classList.toggle("absent",
      !present.has(item.dataset.type)));
    const nodes = new vis.DataSet(data.nodes.map((n) => ({ id: n.agent, label: n.label,
      title: `${n.name_zh}\n${n.agency_type}\n牵头 ${n.tasks_led} · 参与 ${n.tasks_joined}`,
      value: n.strength, color: colours[n.agency_type] || "#333333" })));
    const edges = new vis.DataSet(data.edges.map((e, i) => ({ id: i, from: e.source, to: e.target,
      value: e.shared_tasks, dashes: e.open_list_tasks > 0, title: `${e.shared_tasks} 项共同任务 shared tasks` })));
    const network = new vis.Network(root, { nodes, edges }, {
      nodes: { shape: "dot", scaling: { min: 8, max: 36 },
        font: { size: 16, face: "Noto Sans CJK SC, sans-serif", strokeWidth: 4, strokeColor: "#ffffff" } },
      edges: { color: { opacity: 0.25 }, scaling: { min: 1, max: 8 }, smooth: false },
      physics: { stabilization: { iterations: 400 }, barnesHut: { avoidOverlap: 0.3 } },
      layout: { randomSeed: 7 } });
    window.fengongNetwork = network;  // for people debugging in the console, and for the browser test
    // The boxes of the labels are known once drawn: separate after the first drawing of the settled layout, and
    // say the page is ready after the drawing that follows.
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      network.once("afterDrawing", () => {
        fengongSpread(network, nodes.getIds(), () => { document.body.dataset.ready = "true"; });
      });
      network.redraw();
    });
    network.on("click", (params) => {
      if (params.nodes.length) showDetails(data.nodes.find((x) => x.agent === params.nodes[0]));
    });
  });
});
