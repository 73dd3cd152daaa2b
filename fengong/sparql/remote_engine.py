"""Answering from an external SPARQL store (``fengong serve --backend URL``) with the service's guarantees.

:class:`RemoteEngine` has the interface of :class:`fengong.sparql.engine.QueryEngine`: the service checks
requests (allowlist, body limit, tokens) as always, then the engine sends the query to the store over the
SPARQL 1.1 Protocol and writes the answer itself, so the time limit, the row cap and the formats are the
service's whatever the store does:

- the query is first evaluated on an empty local store, which checks its syntax (400 with pyoxigraph's
  message) and tells its form (SELECT, ASK, CONSTRUCT/DESCRIBE);
- parameters (``Job.substitutions``) are bound as RDF terms written by pyoxigraph in a ``VALUES`` block
  at the start of each ``WHERE`` group (:func:`fengong.questions.with_values`), never pasted as text;
- the answer is read as a stream and parsed by pyoxigraph, at most one row past the cap; the read stops at
  the time limit (503) and the connection is closed, whatever the store is still doing;
- updates are refused: the store is written with ``fengong load``, not through the service.

:class:`RemoteGraphStore` stands in for :class:`fengong.store.GraphStore` for the pages and ``/shacl``: it
lists graphs, counts statistics and matches quad patterns with small queries to the store.
"""

from __future__ import annotations

import threading
import time

import pyoxigraph

from fengong.questions import with_values
from fengong.scale.http import Endpoint, EndpointError
from fengong.sparql import negotiation, results
from fengong.sparql.engine import Answer, Job, _cut_headers
from fengong.sparql.errors import SparqlError

_JSON = "application/sparql-results+json"
_FORMS = {pyoxigraph.QuerySolutions: "solutions", pyoxigraph.QueryBoolean: "boolean",
          pyoxigraph.QueryTriples: "graph"}
#: Virtuoso answers ASK as a one-row SELECT of this variable (1 or 0).
_VIRTUOSO_ASK = "__ASK_RETVAL"


class _Deadline:
    """A response body that refuses to be read past a moment in time."""

    def __init__(self, response, deadline: float, limit: float):
        self.response, self.deadline, self.limit = response, deadline, limit

    def read(self, size: int = -1) -> bytes:
        if time.monotonic() > self.deadline:
            raise TimeoutError
        return self.response.read(size if size and size > 0 else 65536)

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readable(self) -> bool:
        return True


def _form(text: str, job: Job) -> str:
    """The query's form, found by evaluating it on an empty store (which also checks its syntax)."""
    try:
        outcome = pyoxigraph.Store().query(text, base_iri=job.base_iri)
    except SyntaxError as error:
        raise SparqlError(400, f"SPARQL syntax error: {error}") from None
    except (OSError, ValueError, RuntimeError) as error:
        raise SparqlError(400, f"the query could not be evaluated: {error}") from None
    return _FORMS[type(outcome)]


class RemoteEngine:
    """Runs queries on an external SPARQL store with the service's time limit and row cap."""

    isolated = True  # the service itself opens no connection but to the store

    def __init__(self, graph_store: RemoteGraphStore, settings: dict):
        self.graph_store = graph_store
        self.endpoint = graph_store.endpoint
        self.settings = settings

    def query(self, job: Job) -> Answer:
        """Run ``job`` on the store; raises :class:`SparqlError` (4xx, 502 when the store fails, 503 when cut)."""
        text = with_values(job.text, job.substitutions) if job.substitutions else job.text
        form = _form(text, job)
        limit = self.settings["query_time_limit_s"]
        deadline = time.monotonic() + limit
        parameters = [("default-graph-uri", g) for g in job.default_graphs]
        parameters += [("named-graph-uri", g) for g in job.named_graphs]
        accept = "application/n-triples" if form == "graph" else _JSON
        try:
            response = self.endpoint.send(self.endpoint.query_request(text, accept, parameters), timeout=limit)
        except EndpointError as error:
            if error.status == 0 and time.monotonic() >= deadline - 0.05:
                raise _cut(limit) from None
            raise SparqlError(400 if error.status == 400 else 502, f"the backend store: {error}") from None
        body = _Deadline(response, deadline, limit)
        try:
            return self._answer(form, body, job)
        except (TimeoutError, OSError) as error:
            if isinstance(error, TimeoutError) or time.monotonic() >= deadline - 0.05:
                raise _cut(limit) from None
            raise SparqlError(502, f"the backend store's answer was cut off: {error}") from None
        except SyntaxError as error:
            raise SparqlError(502, f"the backend store's answer cannot be read: {error}") from None
        finally:
            response.close()

    def _answer(self, form: str, body: _Deadline, job: Job) -> Answer:
        if form == "graph":
            fmt = negotiation.choose("graph", job.accept, job.formats)
            triples, truncated = results.take(
                pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES), job.max_rows)
            return Answer(200, fmt.content_type, results.write_graph(triples, fmt),
                          _cut_headers(truncated, job.max_rows))
        parsed = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)
        if form == "boolean":
            if isinstance(parsed, pyoxigraph.QuerySolutions):
                rows = list(parsed)
                value = bool(rows) and rows[0][_VIRTUOSO_ASK] is not None and rows[0][_VIRTUOSO_ASK].value == "1"
            else:
                value = bool(parsed)
            fmt = negotiation.choose("boolean", job.accept, job.formats)
            return Answer(200, fmt.content_type, results.write_boolean(value, fmt))
        fmt = negotiation.choose("solutions", job.accept, job.formats)
        data, truncated = results.serialize_solutions(parsed, fmt, job.max_rows)
        return Answer(200, fmt.content_type, data, _cut_headers(truncated, job.max_rows))

    def update(self, text: str, base_iri: str | None) -> None:
        """Refused: the service never writes to an external store."""
        raise SparqlError(403, "this service answers from an external store: write to it with `fengong load`")

    def statistics(self) -> dict:
        """The store's VoID statistics (asked once, then kept)."""
        return self.graph_store.statistics()

    def close(self) -> None:
        """Nothing to stop: every request has its own connection."""


def _cut(limit: float) -> SparqlError:
    return SparqlError(503, f"the query was cancelled: it ran longer than the limit of {limit:g} s")


class RemoteGraphStore:
    """What the service reads directly from its store, answered by the external store."""

    #: The external store's data can change behind the service's back: no version, so no answer is cached.
    version = None

    def __init__(self, url: str, user: str | None = None, password: str | None = None):
        self.endpoint = Endpoint(url, None, user, password)
        self.location = None
        self.store = self  # the pages and /shacl call pyoxigraph.Store methods on ``graph_store.store``
        self._statistics: dict | None = None
        self._lock = threading.Lock()

    def _select(self, text: str) -> pyoxigraph.QuerySolutions:
        request = self.endpoint.query_request(text, _JSON)
        with self.endpoint.send(request, timeout=600) as response:
            return pyoxigraph.parse_query_results(response.read(), format=pyoxigraph.QueryResultsFormat.JSON)

    def statistics(self) -> dict:
        """Triples, distinct subjects, properties, objects, classes and triples per graph (named graphs)."""
        with self._lock:
            if self._statistics is None:
                def number(expression: str, pattern: str = "GRAPH ?g { ?s ?p ?o }") -> int:
                    rows = list(self._select(f"SELECT ({expression} AS ?n) WHERE {{ {pattern} }}"))
                    return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0

                graphs = self.endpoint.graph_counts()
                self._statistics = {
                    "triples": sum(graphs.values()),
                    "distinct_subjects": number("COUNT(DISTINCT ?s)"),
                    "properties": number("COUNT(DISTINCT ?p)"),
                    "distinct_objects": number("COUNT(DISTINCT ?o)"),
                    "classes": number("COUNT(DISTINCT ?c)", "GRAPH ?g { ?s a ?c }"),
                    "graphs": graphs,
                }
            return self._statistics

    def reopen(self, read_only: bool = True) -> None:
        """Nothing to reopen: every request has its own connection (called in each gunicorn worker)."""

    def close(self) -> None:
        """Nothing to close."""

    def forget_statistics(self) -> None:
        """Ask the store again next time."""
        self._statistics = None

    def has_graph(self, iri: str) -> bool:
        """Whether the store has a named graph called ``iri``."""
        return iri in self.statistics()["graphs"]

    def graph_names(self) -> list[str]:
        """The IRIs of the store's named graphs, sorted."""
        return sorted(self.statistics()["graphs"])

    def __len__(self) -> int:
        return self.statistics()["triples"]

    # ------------------------------------------------ the few pyoxigraph.Store methods the pages use

    def quads_for_pattern(self, subject, predicate, obj, graph_name=None):
        """The quads of named graphs matching a pattern (``None`` matches anything), as pyoxigraph quads."""
        terms = {"s": subject, "p": predicate, "o": obj,
                 "g": None if isinstance(graph_name, pyoxigraph.DefaultGraph) else graph_name}
        pattern = " ".join(str(t) if t is not None else f"?{k}" for k, t in terms.items() if k != "g")
        graph = str(terms["g"]) if terms["g"] is not None else "?g"
        for row in self._select(f"SELECT * WHERE {{ GRAPH {graph} {{ {pattern} }} }}"):
            value = {k: (t if t is not None else row[k]) for k, t in terms.items()}
            yield pyoxigraph.Quad(value["s"], value["p"], value["o"], value["g"])

    def named_graphs(self):
        """The store's named graphs as pyoxigraph nodes."""
        return [pyoxigraph.NamedNode(g) for g in self.graph_names()]

    def contains_named_graph(self, graph) -> bool:
        """Whether the store has the named graph ``graph`` (a pyoxigraph node)."""
        return self.has_graph(graph.value)


def open_backend(url: str, user: str | None = None, password: str | None = None) -> RemoteGraphStore:
    """The external store at ``url``, checked to answer a query."""
    graph_store = RemoteGraphStore(url, user, password)
    try:
        list(graph_store._select("SELECT * WHERE { } LIMIT 1"))
    except EndpointError as error:
        raise OSError(f"the backend store does not answer: {error}") from None
    return graph_store

