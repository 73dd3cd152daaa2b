"""Talking to an external SPARQL store over HTTP: the query endpoint, the Graph Store Protocol, credentials.

Only the standard library: digest and basic authentication (Virtuoso's ``-auth`` endpoints want digest), no
proxy for any address (the store is reached directly, as configured), errors turned into messages for people.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


class EndpointError(Exception):
    """The store refused a request or could not be reached; ``status`` is the HTTP status (0: no answer)."""

    def __init__(self, message: str, status: int = 0):
        super().__init__(message)
        self.status = status


@dataclass
class Endpoint:
    """An external store: where queries go, where graphs are written (Graph Store Protocol), credentials."""

    query_url: str
    graph_store_url: str | None = None
    user: str | None = None
    password: str | None = None

    def __post_init__(self):
        handlers: list = [urllib.request.ProxyHandler({})]
        if self.user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (self.query_url, self.graph_store_url):
                if url:
                    passwords.add_password(None, url, self.user, self.password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                         urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, request: urllib.request.Request, timeout: float | None):
        """Open ``request``; the response (a file-like object) on 2xx, else :class:`EndpointError`."""
        try:
            return self._opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            detail = error.read(2000).decode("utf-8", "replace").strip()
            raise EndpointError(f"{request.full_url.split('?')[0]} answered {error.code}: {detail}",
                                error.code) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise EndpointError(f"{request.full_url.split('?')[0]} cannot be reached: {reason}") from None

    def query_request(self, text: str, accept: str, parameters: list[tuple[str, str]] | None = None
                      ) -> urllib.request.Request:
        """A SPARQL 1.1 Protocol query by POST (form-encoded), with extra protocol parameters."""
        body = urllib.parse.urlencode([("query", text), *(parameters or [])]).encode()
        return urllib.request.Request(self.query_url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    def select_json(self, text: str, timeout: float | None = 600) -> list[dict]:
        """The bindings of a SELECT as SPARQL JSON dictionaries."""
        with self.send(self.query_request(text, "application/sparql-results+json"), timeout) as response:
            return json.load(response)["results"]["bindings"]

    def put_graph(self, graph: str, ntriples: bytes, replace: bool, timeout: float | None = 600) -> None:
        """Write N-Triples into ``graph`` (PUT replaces the graph, POST adds to it)."""
        if not self.graph_store_url:
            raise EndpointError("no Graph Store Protocol address is known for this store: give --graph-store")
        url = self.graph_store_url + ("&" if "?" in self.graph_store_url else "?") + urllib.parse.urlencode(
            {"graph": graph})
        request = urllib.request.Request(url, data=ntriples, method="PUT" if replace else "POST",
                                         headers={"Content-Type": "application/n-triples"})
        with self.send(request, timeout) as response:
            response.read()

    def graph_counts(self, timeout: float | None = 600) -> dict[str, int]:
        """Triples per named graph, as the store counts them."""
        rows = self.select_json("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", timeout)
        return {row["g"]["value"]: int(row["n"]["value"]) for row in rows if row["g"]["type"] == "uri"}
