"""``/sparql`` (queries), ``/update`` (SPARQL Update, with the token) and ``/.well-known/void``.

The views only move data between Flask and :mod:`fengong.sparql`; every rule lives there.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from fengong.service.caching import cached
from fengong.sparql import description, negotiation, results
from fengong.sparql.cache import cacheable, request_key
from fengong.sparql.engine import Job
from fengong.sparql.errors import SparqlError
from fengong.sparql.guard import check_remote, check_update_token, scan
from fengong.sparql.protocol import parse_request

bp = Blueprint("sparql", __name__)

_ALL_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
    "Access-Control-Expose-Headers": "Fengong-Truncated, Fengong-Max-Rows, Fengong-Unknown-Graphs, ETag",
    "Access-Control-Max-Age": "86400",
}


def _settings() -> dict:
    return current_app.config["FENGONG_SETTINGS"]


def _engine():
    return current_app.extensions["fengong_engine"]


def _body() -> bytes:
    """The request body, or 413 when it is larger than the limit (checked before and while reading)."""
    limit = _settings()["max_body_bytes"]
    if request.content_length is not None and request.content_length > limit:
        raise SparqlError(413, f"the request body is larger than the limit of {limit} bytes")
    body = request.stream.read(limit + 1)
    if len(body) > limit:
        raise SparqlError(413, f"the request body is larger than the limit of {limit} bytes")
    return body


def _error(error: SparqlError, cors: bool) -> Response:
    response = Response(error.message + "\n", status=error.status, content_type="text/plain; charset=utf-8")
    response.headers.update(error.headers)
    # The message may quote the request: it must never be read as anything but text.
    response.headers["X-Content-Type-Options"] = "nosniff"
    if cors:
        response.headers.update(CORS_HEADERS)
    return response


def _describe_service() -> Response:
    settings = _settings()
    fmt = negotiation.choose("graph", request.headers.get("Accept"), request.args.get("format"))
    triples = description.service_triples(request.base_url, _engine().statistics(), settings)
    return Response(results.write_graph(triples, fmt), content_type=fmt.content_type)


def _unknown_graphs(iris: list[str]) -> str:
    store = current_app.extensions["fengong_store"]
    return " ".join(f"<{iri}>" for iri in iris if not store.has_graph(iri))


def _answer(job: Job, fixed: bool) -> Response:
    """The answer to ``job``: 304 when the client holds it already, else from the answer cache or evaluated.

    ``fixed``: whether the answer depends on the data alone (see :mod:`fengong.sparql.cache`).
    """
    return cached(request_key(job) if fixed else None, lambda: _engine().query(job))


@bp.route("/sparql", methods=_ALL_METHODS)
@bp.route("/sparql/", methods=_ALL_METHODS)
def sparql():
    """The SPARQL 1.1 query endpoint; GET without a query gives the service description."""
    settings = _settings()
    cors = settings["cors"]
    if request.method == "OPTIONS":
        response = Response(status=204)
        response.headers["Allow"] = "GET, POST, OPTIONS"
        if cors:
            response.headers.update(CORS_HEADERS)
        return response
    try:
        body = _body() if request.method == "POST" else b""
        operation = parse_request(request.method, request.query_string, request.headers.get("Content-Type"),
                                  body)
        if operation is None:
            response = _describe_service()
        elif operation.kind == "update":
            raise SparqlError(403, "SPARQL Update is not accepted on /sparql: send it to /update "
                                   "(it needs the update token)")
        else:
            base_iri = request.base_url
            reach = scan(operation.text, base_iri)
            check_remote(reach, settings["federation_allowlist"])
            job = Job(text=operation.text, default_graphs=operation.default_graphs,
                      named_graphs=operation.named_graphs, base_iri=base_iri,
                      accept=request.headers.get("Accept"), formats=operation.formats,
                      max_rows=settings["max_rows"],
                      union_default_graph=settings["union_default_graph"] and not reach.graphs)
            response = _answer(job, cacheable(operation.text, bool(reach.remote)))
            dataset = operation.default_graphs + operation.named_graphs if operation.has_dataset \
                else reach.graphs
            unknown = _unknown_graphs(dataset)
            if unknown:
                response.headers["Fengong-Unknown-Graphs"] = unknown
    except SparqlError as error:
        return _error(error, cors)
    response.headers["Vary"] = "Accept"
    if cors:
        response.headers.update(CORS_HEADERS)
    return response


@bp.route("/update", methods=_ALL_METHODS)
def update():
    """SPARQL 1.1 Update: refused unless an update token is configured and the request bears it."""
    settings = _settings()
    try:
        check_update_token(request.headers.get("Authorization"), settings["update_token"])
        operation = parse_request(request.method, request.query_string, request.headers.get("Content-Type"),
                                  _body() if request.method == "POST" else b"", endpoint="update")
        if operation is None or operation.kind != "update":
            raise SparqlError(400, "send an update: POST application/sparql-update, or a form with 'update'")
        if operation.has_dataset:
            raise SparqlError(400, "using-graph-uri and using-named-graph-uri are not supported: "
                                   "write USING / USING NAMED / WITH in the update itself")
        check_remote(scan(operation.text, request.base_url), settings["federation_allowlist"])
        _engine().update(operation.text, request.url_root.rstrip("/") + "/update")
    except SparqlError as error:
        return _error(error, cors=False)
    return Response(status=204)


@bp.get("/.well-known/void")
def void():
    """The VoID description of the data, with statistics (content-negotiated RDF, Turtle by default)."""
    try:
        fmt = negotiation.choose("graph", request.headers.get("Accept"), request.args.get("format"))
    except SparqlError as error:
        return _error(error, cors=True)
    endpoint = request.url_root.rstrip("/") + "/sparql"
    triples = description.void_triples(
        description.NamedNode(request.base_url), endpoint, _engine().statistics())
    response = Response(results.write_graph(triples, fmt), content_type=fmt.content_type)
    response.headers.update(CORS_HEADERS)
    return response
