// Moving the nodes of a vis-network drawing apart until no two labels overlap: shared by the network page and
// the ontology's class diagram. Call it once the layout has settled and been drawn.
"use strict";

//: Space kept between two labels (canvas pixels).
const SPREAD_GAP = 6;

// Moves the nodes apart, fewest pixels first, until no two of their boxes (shape and label, as vis-network drew
// them) overlap; then fits the view and calls done() once that is drawn.
function fengongSpread(network, ids, done) {
  const at = network.getPositions(ids);
  const extent = {};
  for (const id of ids) {
    const box = network.getBoundingBox(id);
    extent[id] = [box.left - at[id].x, box.right - at[id].x, box.top - at[id].y, box.bottom - at[id].y];
  }
  const box = (id) => [at[id].x + extent[id][0], at[id].x + extent[id][1], at[id].y + extent[id][2],
    at[id].y + extent[id][3]];
  for (let pass = 0; pass < 500; pass += 1) {
    let moved = false;
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const [a, b] = [box(ids[i]), box(ids[j])];
        const across = Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + SPREAD_GAP;
        const down = Math.min(a[3], b[3]) - Math.max(a[2], b[2]) + SPREAD_GAP;
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
  network.once("afterDrawing", done);
  network.fit();
}

