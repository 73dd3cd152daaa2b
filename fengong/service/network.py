"""The network page: the co-responsibility network drawn interactively (vis-network, installed from npm into
``service/node_modules`` and served from there), and the measures as JSON at ``/network.json``.

The page's script is ``service/static/network.js``. The measures are computed from the service's own store with
:mod:`fengong.analysis` (the same code as ``fengong analyze``) and kept until the store changes size.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, jsonify, render_template, request, send_from_directory

from fengong import PROJECT_ROOT
from fengong.analysis.load import NoAssignments, read_mentions
from fengong.analysis.networks import COLLECTIVES, OPEN_LISTS, Options
from fengong.analysis.palette import TYPE_COLOURS, TYPE_NAMES
from fengong.analysis.run import analyse
from fengong.service.ui import TEMPLATES_DIR

VIS_BUILD = PROJECT_ROOT / "service" / "node_modules" / "vis-network"
VIS_FILES = {"vis-network.min.js": "standalone/umd", "vis-network.min.css": "styles"}

bp = Blueprint("network", __name__, template_folder=str(TEMPLATES_DIR))

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
    """The interactive network, with a legend of the agency types (the palette of the analysis figures)."""
    legend = [{"type": key, "colour": TYPE_COLOURS[key], "name": TYPE_NAMES[key]} for key in TYPE_COLOURS]
    return render_template("network.html", legend=legend, plans=plans(), chosen=request.args.get("plan", ""))


def plans() -> list[tuple[str, str]]:
    """The plans with tasks in the store, (IRI, Chinese title), by title: the page's choice of one plan."""
    query = """PREFIX fg: <https://w3id.org/fengong/ontology#> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?plan (SAMPLE(?title) AS ?name) WHERE {
          ?plan a fg:Plan . FILTER EXISTS { ?task fg:isStepOfPlan ?plan ; fg:taskNumber ?n }
          OPTIONAL { ?plan dct:title ?title FILTER (LANG(?title) = "zh") } } GROUP BY ?plan"""
    found = current_app.extensions["fengong_store"].store.query(query, use_default_graph_as_union=True)
    return sorted(((row["plan"].value, row["name"].value if row["name"] else row["plan"].value) for row in found),
                  key=lambda pair: pair[1])


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
