"""The Flask application factory.

``create_app(config)`` resolves the settings, opens the store, registers the blueprints and wraps the
application in the middleware that reads request bodies (:mod:`fengong.service.bodies`) and fixes its public
address (:mod:`fengong.service.public_url`).
To add a resource, import its blueprint below and add it to :data:`BLUEPRINTS` (one line each).
"""

from __future__ import annotations

from flask import Flask

from fengong.service.bodies import ReadBodies
from fengong.service.errors import bp as errors_bp
from fengong.service.health import bp as health_bp
from fengong.service.network import bp as network_bp
from fengong.service.pages import bp as pages_bp
from fengong.service.public_url import PublicBaseUrl
from fengong.service.questions_api import bp as questions_bp
from fengong.service.shacl import bp as shacl_bp
from fengong.service.sparql import bp as sparql_bp
from fengong.service.ui import bp as ui_bp

#: Every blueprint the service serves, in registration order.
BLUEPRINTS = [
    sparql_bp,
    health_bp,
    ui_bp,
    pages_bp,
    questions_bp,
    shacl_bp,
    network_bp,
    errors_bp,
]


def create_app(config: dict | None = None) -> Flask:
    """Build the application.

    ``config`` maps setting names (see :mod:`fengong.sparql.settings`) and the keys ``store`` (a directory
    for a persistent store, or ``None`` for memory) and ``load`` (files to load) to values; anything missing
    takes its default. An already opened :class:`fengong.store.GraphStore` may be passed as ``graph_store``.
    """
    from fengong.scale import derived
    from fengong.sparql.cache import AnswerCache
    from fengong.sparql.engine import QueryEngine
    from fengong.sparql.settings import resolve_settings
    from fengong.store import open_configured_store
    from fengong.textindex import TextIndex, index_directory

    config = dict(config or {})
    app = Flask(__name__)
    app.config["FENGONG_SETTINGS"] = resolve_settings(config)
    graph_store = config.get("graph_store")
    if config.get("backend"):
        # An external SPARQL store answers instead of the embedded one (fengong serve --backend URL).
        from fengong.sparql.remote_engine import RemoteEngine as QueryEngine  # noqa: F811
        from fengong.sparql.remote_engine import open_backend

        graph_store = graph_store or open_backend(config["backend"], config.get("backend_user"),
                                                  config.get("backend_password"))
    if graph_store is None:
        graph_store = open_configured_store(config)
        derived.ensure(graph_store)
    app.extensions["fengong_store"] = graph_store
    # The text indexes of an embedded store, built now unless the store is opened later (an on-disk store, whose
    # loading process builds them); an external store answers text searches itself.
    text_index = None
    if not config.get("backend"):
        text_index = TextIndex(graph_store, index_directory(graph_store.location),
                               app.config["FENGONG_SETTINGS"]["union_default_graph"])
        if graph_store.store is not None:
            text_index.ensure()
    app.extensions["fengong_text_index"] = text_index
    if config.get("backend"):
        app.extensions["fengong_engine"] = QueryEngine(graph_store, app.config["FENGONG_SETTINGS"])
    else:
        # Every update derives the derived graphs again before any query sees it (fengong.scale.derived).
        app.extensions["fengong_engine"] = QueryEngine(graph_store, app.config["FENGONG_SETTINGS"],
                                                       after_update=derived.refresh_answers)
    app.extensions["fengong_answers"] = AnswerCache(app.config["FENGONG_SETTINGS"]["answer_cache_mb"] << 20)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    settings = app.config["FENGONG_SETTINGS"]
    app.wsgi_app = ReadBodies(app.wsgi_app, settings["max_body_bytes"], settings["body_time_limit_s"])
    if settings["public_base_url"]:
        app.wsgi_app = PublicBaseUrl(app.wsgi_app, settings["public_base_url"])
    return app
