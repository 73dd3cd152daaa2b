"""The least a SPARQL endpoint hosted in Python can do: a bare WSGI function that reads ``query`` from a GET,
evaluates it in the request thread (no time limit) on the project's data and answers SPARQL JSON.

gunicorn serving it with the service's worker class and settings (``service_costs.py``) measures the floor of
any endpoint under gunicorn that asks pyoxigraph, without Flask and without query workers."""

from urllib.parse import parse_qs

import pyoxigraph

from fengong.store import default_data_files, open_store

_STORE = open_store(None, default_data_files()).store
_JSON = pyoxigraph.QueryResultsFormat.JSON


def app(environ, start_response):
    if environ["PATH_INFO"] == "/health":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    text = parse_qs(environ["QUERY_STRING"])["query"][0]
    body = _STORE.query(text, base_iri="http://127.0.0.1/sparql", use_default_graph_as_union=True).serialize(
        format=_JSON)
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(body)))])
    return [body]
