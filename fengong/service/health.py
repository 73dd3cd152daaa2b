"""``/health`` and ``/-/settings``: is the service up, what does it serve, how is it configured."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from fengong import __version__, load_state
from fengong.sparql.settings import public_settings
from fengong.store import GraphStore

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    """Liveness and a summary of the data: triples and named graphs."""
    engine = current_app.extensions["fengong_engine"]
    statistics = engine.statistics()
    return jsonify({
        "status": "ok",
        "version": __version__,
        "triples": statistics["triples"],
        "graphs": len(statistics["graphs"]),
        "read_only": not engine.settings["update_token"],
        "query_workers_without_network": engine.isolated,
        "last_load": _last_load(current_app.extensions["fengong_store"]),
    })


def _last_load(graph_store) -> str:
    """How the data got there: "complete" for a store loaded by this process or whose last load finished,
    "unknown" for an on-disk store loaded before loads were recorded, "external" for a backend."""
    location = getattr(graph_store, "location", None)
    if location is None:
        return load_state.COMPLETE if isinstance(graph_store, GraphStore) else "external"
    return load_state.read(location)["state"]


@bp.get("/-/settings")
def settings():
    """Every setting with its value, default and help text (secrets only as set/unset)."""
    return jsonify(public_settings(current_app.config["FENGONG_SETTINGS"]))
