"""The safety rules, each against a real running service: no outbound connection for SERVICE/FROM/LOAD,
the time limit, read-only by default and the update token, the row cap, the body limit, CORS, and a
bounded fuzz run of hostile requests."""

from __future__ import annotations

import json
import threading
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TOKEN = "s3cret-token"
#: One slow query: counting 10^10 combinations of constants (needs no data, never finishes in time).
RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { "
           + " ".join(f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(10)) + " }")
#: Sorts 10^7 rows: needs far more than the 300 MiB the strict service allows a query worker.
MEMORY_HOG = ("SELECT * WHERE { " + " ".join(f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(7))
              + " } ORDER BY DESC(?v6)")
STRICT = {"query_time_limit_s": 1, "max_rows": 3, "max_body_bytes": 4000, "update_token": TOKEN,
          "query_memory_limit_mb": 300}


@pytest.fixture(scope="module")
def strict(live_service, tmp_path_factory):
    """A service with a 1 s time limit, a 3-row cap, a 4000-byte body limit, a 300 MiB memory limit per
    query worker and an update token (so on an on-disk store)."""
    return live_service(settings=STRICT, store=tmp_path_factory.mktemp("strict") / "store")




@pytest.mark.parametrize("template", [
    "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <{url}/sparql> { ?s ?p ?o } }",
    "PREFIX remote: <{url}/> SELECT * WHERE { service remote:sparql { ?s ?p ?o } }",
    "BASE <{url}/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVIC\\u0045 <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<{url}/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o # a comment }\n OPTIONAL { SERVICE <{url}/x> { ?s ?p ?o } } }",
])
def test_service_is_refused_without_any_connection(service, listener, template):
    port, seen = listener
    url = f"http://127.0.0.1:{port}"
    reply = service.query(template.replace("{url}", url))
    assert reply.status == 403, reply.text
    assert "allowlist" in reply.text
    assert seen == []


def test_from_and_dataset_iris_are_never_fetched(service, listener):
    port, seen = listener
    url = f"http://127.0.0.1:{port}"
    reply = service.query(f"SELECT * FROM <{url}/g> FROM NAMED <{url}/h> WHERE {{ ?s ?p ?o }}")
    assert reply.status == 200 and json.loads(reply.body)["results"]["bindings"] == []
    assert reply.headers["fengong-unknown-graphs"] == f"<{url}/g> <{url}/h>"
    reply = service.query("ASK { ?s ?p ?o }", **{"default-graph-uri": f"{url}/d", "named-graph-uri": f"{url}/n"})
    assert reply.status == 200 and json.loads(reply.body)["boolean"] is False
    assert seen == []


def test_load_is_refused_without_any_connection(strict, listener):
    port, seen = listener
    url = f"http://127.0.0.1:{port}"
    reply = strict.request("POST", "/update", f"LOAD <{url}/data.ttl>",
                           {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 403 and "LOAD" in reply.text
    assert seen == []


def test_allowlisted_service_is_reached(live_service, listener):
    """The positive control: with the listener on the allowlist, the same SERVICE does connect to it."""
    port, seen = listener
    url = f"http://127.0.0.1:{port}"
    allowing = live_service(settings={"federation_allowlist": [url + "/"]})
    reply = allowing.query(f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}")
    assert reply.status == 400  # the listener answers nothing useful
    assert seen and seen[0].startswith(b"POST /sparql")
    assert json.loads(allowing.request("GET", "/health").body)["query_workers_without_network"] is False


def test_runaway_query_is_cut_while_others_are_served(strict):
    outcome = {}

    def run_slow():
        outcome["reply"] = strict.query(RUNAWAY)

    slow = threading.Thread(target=run_slow)
    slow.start()
    answered_meanwhile = []
    while slow.is_alive() and len(answered_meanwhile) < 3:
        reply = strict.query("ASK { ?s ?p ?o }")
        answered_meanwhile.append((reply.status, slow.is_alive()))
    slow.join(timeout=60)
    assert outcome["reply"].status == 503
    assert "cancelled" in outcome["reply"].text and "1 s" in outcome["reply"].text
    # At least one other query was answered while the runaway one was still running.
    assert (200, True) in answered_meanwhile
    # And the service goes on answering after the cut.
    assert strict.query("ASK { ?s ?p ?o }").status == 200


def test_memory_hungry_query_is_stopped(live_service):
    # The time limit is raised here so that the memory limit is what stops the query.
    hungry = live_service(settings={**STRICT, "query_time_limit_s": 60, "update_token": ""})
    reply = hungry.query(MEMORY_HOG)
    assert reply.status == 503 and "memory" in reply.text
    assert hungry.query("ASK { ?s ?p ?o }").status == 200


def test_updates_are_refused_by_default(service):
    for path in ("/update", "/sparql"):
        reply = service.request("POST", path, "CLEAR ALL", {"Content-Type": "application/sparql-update"})
        assert reply.status == 403, (path, reply.text)
    form = urllib.parse.urlencode({"update": "DROP ALL"})
    reply = service.request("POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert reply.status == 403
    assert json.loads(service.request("GET", "/health").body)["triples"] == 35


def test_update_needs_the_bearer_token(strict):
    insert = 'INSERT DATA { GRAPH <http://example.org/added> { <http://example.org/s> <http://example.org/p> "v" } }'
    headers = {"Content-Type": "application/sparql-update"}
    assert strict.request("POST", "/update", insert, headers).status == 401
    assert strict.request("POST", "/update", insert, {**headers, "Authorization": "Bearer wrong"}).status == 401
    # The token does not open /sparql to updates.
    assert strict.request("POST", "/sparql", insert, {**headers, "Authorization": f"Bearer {TOKEN}"}).status == 403
    reply = strict.request("POST", "/update", insert, {**headers, "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 204, reply.text
    ask = strict.query('ASK { GRAPH <http://example.org/added> { ?s ?p "v" } }')
    assert json.loads(ask.body)["boolean"] is True


def test_row_cap_is_flagged(strict):
    reply = strict.query("SELECT ?x WHERE { VALUES ?x { 1 2 3 4 5 } }")
    answer = json.loads(reply.body)
    assert [row["x"]["value"] for row in answer["results"]["bindings"]] == ["1", "2", "3"]
    assert answer["fengong:truncated"] is True
    assert reply.headers["fengong-truncated"] == "true" and reply.headers["fengong-max-rows"] == "3"
    reply = strict.query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", accept="text/csv")
    assert reply.text.split() == ["x", "1", "2", "3"] and reply.headers["fengong-truncated"] == "false"
    reply = strict.query("CONSTRUCT { ?x <http://e/p> 1 } WHERE { VALUES ?x { <http://e/1> <http://e/2> "
                         "<http://e/3> <http://e/4> } }", accept="application/n-triples")
    assert len(reply.text.strip().splitlines()) == 3 and reply.headers["fengong-truncated"] == "true"


def test_body_limit_is_413(strict):
    big = "ASK {} #" + "x" * 5000
    reply = strict.request("POST", "/sparql", big, {"Content-Type": "application/sparql-query"})
    assert reply.status == 413
    assert strict.request("POST", "/sparql", "ASK {}", {"Content-Type": "application/sparql-query"}).status == 200


def test_cors_for_queries_without_credentials(service):
    reply = service.query("ASK {}")
    assert reply.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in reply.headers
    preflight = service.request("OPTIONS", "/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status == 204
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    update = service.request("POST", "/update", "CLEAR ALL", {"Content-Type": "application/sparql-update"})
    assert "access-control-allow-origin" not in update.headers


_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
_PIECES = st.sampled_from(["SELECT", "ASK", "CONSTRUCT", "{", "}", "?s", "<http://e/>", "SERVICE", "FROM",
                           "\\u0053", '"', "'''", "#", "(", ")", "FILTER", "GRAPH", "LIMIT", "1", " ", "\n"])
_QUERIES = st.one_of(_TEXT, st.lists(_PIECES, max_size=30).map(" ".join))
_CONTENT_TYPES = st.sampled_from([None, "application/sparql-query", "application/x-www-form-urlencoded",
                                  "application/sparql-update", "text/plain", "application/sparql-query; charset=",
                                  "multipart/form-data; boundary=x", ";;;", "application/sparql-query;q=\x7f"])
_ACCEPTS = st.one_of(st.none(), st.sampled_from(["*/*;q=x", "text/csv;q=0", ",,,", "application/*", "a/b;q=2"]),
                     st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=st.sampled_from(["GET", "POST", "PUT", "HEAD", "OPTIONS", "PATCH"]), query=_QUERIES,
       body=st.one_of(st.binary(max_size=300), _QUERIES.map(lambda q: q.encode("utf-8", "surrogatepass"))),
       content_type=_CONTENT_TYPES, accept=_ACCEPTS, raw_query=st.binary(max_size=80))
def test_fuzz_never_a_server_error(strict, method, query, body, content_type, accept, raw_query):
    """Malformed queries, bodies, headers and encodings get an answer below 500 (or the 503 of the time
    limit), never a hang: each request has a client timeout."""
    path = "/sparql?" + urllib.parse.urlencode({"query": query}) + "&" + urllib.parse.quote_from_bytes(raw_query,
                                                                                                      safe="=&%")
    headers = {}
    if content_type is not None:
        headers["Content-Type"] = content_type
    if accept is not None:
        headers["Accept"] = accept
    reply = strict.request(method, path, body if method != "GET" else None, headers, timeout=30)
    assert reply.status < 500 or reply.status == 503, (reply.status, reply.body[:300])
