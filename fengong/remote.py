"""Questions to a remote SPARQL endpoint (``fengong query --endpoint URL``), and joining its answer with the local
store's when the endpoint may not use ``SERVICE`` itself.

The request goes through SPARQLWrapper. Whatever the remote side does — refuse the connection, answer an HTTP
error, stall, drip bytes, send something that is not SPARQL JSON — the caller gets a :class:`RemoteError` with a
message for people within ``timeout`` seconds: the request runs in a worker thread that is abandoned at the
deadline, since a socket timeout alone restarts with every byte a slow server sends.
"""

from __future__ import annotations

import json
import threading
import urllib.error
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from fengong import __version__

DEFAULT_TIMEOUT = 30.0


class RemoteError(Exception):
    """The remote endpoint could not answer; the message says which endpoint and what went wrong."""


def fetch(url: str, text: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The endpoint's answer to a SELECT or ASK query, as SPARQL JSON bytes (checked to be SPARQL JSON)."""
    client = SPARQLWrapper(url, agent=f"fengong/{__version__}")
    client.setQuery(text)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(max(1, int(timeout)))
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            response = client.query().response
            outcome["body"] = response.read()
        except BaseException as exc:  # handed to the caller's thread, which explains it
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="fengong-remote", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise RemoteError(f"{url} did not answer within {timeout:g} s (the query was abandoned)")
    if "error" in outcome:
        raise RemoteError(_explain(url, outcome["error"], timeout)) from None
    body = outcome["body"]
    try:
        ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{url} answered something that is not SPARQL JSON results ({exc}); it begins: "
                          f"{body[:120]!r}") from None
    return body


def _explain(url: str, error: BaseException, timeout: float) -> str:
    if isinstance(error, SPARQLWrapperException):
        return f"{url} refused the query: {' '.join(str(error).split())[:300]}"
    if isinstance(error, urllib.error.HTTPError):
        detail = error.read()[:200].decode("utf-8", "replace") if error.fp else ""
        return f"{url} answered HTTP {error.code} {error.reason}: {' '.join(detail.split())}"
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return f"{url} did not answer within {timeout:g} s"
        return f"cannot reach {url}: {reason}"
    if isinstance(error, TimeoutError):
        return f"{url} did not answer within {timeout:g} s"
    if isinstance(error, OSError):
        return f"the connection to {url} failed: {error}"
    return f"{url}: {type(error).__name__}: {error}"


def join(left: dict, right: dict) -> dict:
    """The natural join of two SPARQL JSON SELECT results (rows that agree on every shared variable).

    Variables bound in only one of two rows do not constrain them, as in SPARQL's join of compatible mappings.
    """
    names = list(left["head"]["vars"]) + [v for v in right["head"]["vars"] if v not in left["head"]["vars"]]
    rows = []
    for a in left["results"]["bindings"]:
        for b in right["results"]["bindings"]:
            if all(a[k] == b[k] for k in a.keys() & b.keys()):
                rows.append({**a, **b})
    return {"head": {"vars": names}, "results": {"bindings": rows}}


def answer(url: str, text: str, timeout: float = DEFAULT_TIMEOUT, local: tuple[ox.Store, str] | None = None):
    """The remote answer as pyoxigraph results; with ``local`` (a store and a SELECT query) joined with the local
    answer on their shared variables."""
    body = fetch(url, text, timeout)
    if local is None:
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    remote = json.loads(body)
    if "results" not in remote:
        raise RemoteError(f"{url} answered a boolean (ASK); only SELECT answers can be joined")
    store, local_text = local
    mine = store.query(local_text, use_default_graph_as_union=True)
    if not isinstance(mine, ox.QuerySolutions):
        raise RemoteError("the local query must be a SELECT query to be joined")
    joined = join(remote, json.loads(mine.serialize(format=ox.QueryResultsFormat.JSON)))
    return ox.parse_query_results(json.dumps(joined).encode(), format=ox.QueryResultsFormat.JSON)
