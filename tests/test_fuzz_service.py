"""A bounded, seeded fuzz run against a live service (issue 13): queries, updates, posted documents and headers,
with nesting bombs among them. Every answer is below 500 or the documented 503; no gunicorn worker dies
(gunicorn logs "Booting worker" for each one it starts) and the triple count does not change."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

TOKEN = "fuzz-token"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
#: Pieces of SPARQL without any keyword that could change data, so that an update the fuzzer happens to
#: write correctly still leaves the triple count as it was.
_PIECES = st.sampled_from(["SELECT", "ASK", "WHERE", "{", "}", "(", ")", "[", "]", "?s", "<http://e/>", "SERVICE",
                           "FROM", "\\u007B", '"', "'''", "#", "FILTER", "GRAPH", "1", "<<", ">>", " ", "\n"])
_OPEN = st.sampled_from(["(", "{", "[", "\\u0028", "{ ?s ?p ?o . "])


@st.composite
def _bomb(draw) -> str:
    opening = draw(_OPEN)
    depth = draw(st.integers(min_value=1, max_value=8000))
    closing = {"(": ")", "{": "}", "[": "]", "\\u0028": "\\u0029"}.get(opening, "}")
    balanced = draw(st.booleans())
    return "SELECT * WHERE { FILTER(" + opening * depth + "1" + (closing * depth if balanced else "") + ") }"


@st.composite
def _json_bomb(draw) -> str:
    depth = draw(st.integers(min_value=1, max_value=12000))
    if draw(st.booleans()):
        return '{"@id": "http://e/a", "http://e/p": ' * depth + '"x"' + "}" * depth
    return '{"@id": "http://e/a", "http://e/p": {"@list": ' + "[" * depth + "1" + "]" * depth + "}}"


_SPARQL = st.one_of(_bomb(), st.lists(_PIECES, max_size=40).map(" ".join), st.text(max_size=200))
_DOCUMENTS = st.one_of(_json_bomb(), st.text(max_size=300),
                       st.sampled_from(["<< <http://e/a> <http://e/p> <http://e/o> >> <http://e/p> 1 .",
                                        '{"@context": "http://127.0.0.1:9/c", "@id": "http://e/a"}',
                                        "<http://e/a> <http://e/p> " + "[ <http://e/p> " * 3000 + "1" + " ]" * 3000
                                        + " ."]))
_TYPES = st.sampled_from(["text/turtle", "application/ld+json", "application/trig", "application/n-triples",
                          "application/rdf+xml", "text/plain"])
_HEADERS = st.fixed_dictionaries({}, optional={
    "Host": st.sampled_from(["evil.example", "", "a" * 300, "127.0.0.1:1@evil"]),
    "Accept": st.sampled_from(["*/*;q=x", "text/html", "application/json", ",,,"]),
    "X-Forwarded-Host": st.just("evil.example"),
})


@pytest.fixture(scope="module")
def target(live_service, tmp_path_factory):
    """A service with the update token (so on an on-disk store); its worker starts and triple count."""
    service = live_service(settings={"update_token": TOKEN}, store=tmp_path_factory.mktemp("fuzz") / "store")
    return service, service.log().count("Booting worker"), _count(service)


def _count(service) -> int:
    return int(json.loads(service.query(COUNT).body)["results"]["bindings"][0]["n"]["value"])


@seed(13)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(kind=st.sampled_from(["query", "update", "shacl"]), text=_SPARQL, document=_DOCUMENTS, content_type=_TYPES,
       headers=_HEADERS)
def test_fuzz_no_server_error_no_worker_death_no_change(target, kind, text, document, content_type, headers):
    service, boots, triples = target
    if kind == "query":
        reply = service.request("POST", "/sparql", text.encode("utf-8", "surrogatepass"),
                                {**headers, "Content-Type": "application/sparql-query"}, timeout=60)
    elif kind == "update":
        reply = service.request("POST", "/update", text.encode("utf-8", "surrogatepass"),
                                {**headers, "Content-Type": "application/sparql-update",
                                 "Authorization": f"Bearer {TOKEN}"}, timeout=60)
    else:
        reply = service.request("POST", "/shacl", document.encode("utf-8", "surrogatepass"),
                                {**headers, "Content-Type": content_type, "Accept": "application/json"}, timeout=60)
    assert reply.status < 500 or (reply.status == 503 and b"cancelled" in reply.body), (reply.status, reply.body)
    assert b"evil.example" not in reply.body
    assert service.log().count("Booting worker") == boots
    assert _count(service) == triples
