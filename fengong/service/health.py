"""``/health`` and ``/-/settings``: is the service up, what does it serve, how is it configured."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from fengong import __version__
from fengong.sparql.settings import public_settings

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
    })


@bp.get("/-/settings")
def settings():
    """Every setting with its value, default and help text (secrets only as set/unset)."""
    return jsonify(public_settings(current_app.config["FENGONG_SETTINGS"]))
