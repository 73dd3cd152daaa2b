// Draws the co-responsibility network of /network.json with vis-network (served by this service), in the colours
// of the legend; once the layout settles, moves nodes apart until no two labels overlap; shows a clicked node's
// measures, rounded.
"use strict";

//: Measures shown for a clicked node, in this order.
const MEASURES = ["label", "name_zh", "agency_type", "tasks_led", "tasks_joined", "degree", "strength", "betweenness",
  "eigenvector", "constraint", "effective_size", "core_number", "community", "brokerage_total"];
//: Space kept between two labels (canvas pixels).
const GAP = 6;

const round = (value) => typeof value === "number" && !Number.isInteger(value) ? +value.toFixed(3) : value;

// Moves the nodes apart, fewest pixels first, until no two of their boxes (dot and label) overlap.
function separate(network, ids) {
  const at = network.getPositions(ids);
  const extent = {};
  for (const id of ids) {
    const box = network.getBoundingBox(id);
    extent[id] = [box.left - at[id].x, box.right - at[id].x, box.top - at[id].y, box.bottom - at[id].y];
  }
  const box = (id) => [at[id].x + extent[id][0], at[id].x + extent[id][1], at[id].y + extent[id][2],
    at[id].y + extent[id][3]];
  for (let round = 0; round < 500; round += 1) {
    let moved = false;
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const [a, b] = [box(ids[i]), box(ids[j])];
        const across = Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + GAP;
        const down = Math.min(a[3], b[3]) - Math.max(a[2], b[2]) + GAP;
        if (across <= 0 || down <= 0) continue;
        moved = true;
        const [p, q] = [at[ids[i]], at[ids[j]]];
        // Sideways where it costs up to twice as much: the window is wider than it is tall.
        if (across < 2 * down) {
          const shift = (p.x <= q.x ? -1 : 1) * across / 2;
          p.x += shift; q.x -= shift;
        } else {
          const shift = (p.y <= q.y ? -1 : 1) * down / 2;
          p.y += shift; q.y -= shift;
        }
      }
    }
    if (!moved) break;
  }
  ids.forEach((id) => network.moveNode(id, at[id].x, at[id].y));
}

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
        separate(network, nodes.getIds());
        network.once("afterDrawing", () => { document.body.dataset.ready = "true"; });
        network.fit();
      });
      network.redraw();
    });
    network.on("click", (params) => {
      if (params.nodes.length) showDetails(data.nodes.find((x) => x.agent === params.nodes[0]));
    });
  });
});
