"""Query answers cached per store version, against a real running service: ETag, If-None-Match → 304,
Cache-Control, a new ETag (and a fresh answer) after an update, nothing kept for answers the data does not
fix."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

TOKEN = "cache-token"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/cached> { ?s ?p ?o } }"
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def writable(live_service, tmp_path_factory):
    """A service that takes updates (one worker process, an on-disk store), answers cached."""
    return live_service(settings={"update_token": TOKEN}, store=tmp_path_factory.mktemp("cached") / "store")


def _count(reply) -> int:
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def _insert(service, value: str) -> None:
    update = f'INSERT DATA {{ GRAPH <http://example.org/cached> {{ <http://example.org/s> <http://example.org/p> "{value}" }} }}'
    reply = service.request("POST", "/update", update, {"Content-Type": "application/sparql-update",
                                                        "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 204, reply.text


def test_a_repeated_query_is_answered_304(service):
    query = "SELECT ?s WHERE { ?s a ?c } ORDER BY ?s"
    first = service.query(query, accept=JSON)
    assert first.status == 200
    tag = first.headers["etag"]
    assert tag.startswith('W/"')
    assert first.headers["cache-control"] == "public, no-cache"
    assert "Accept" in first.headers["vary"]
    again = service.request("GET", f"/sparql?query={quote(query)}",
                            headers={"Accept": JSON, "If-None-Match": tag})
    assert again.status == 304
    assert again.body == b""
    assert again.headers["etag"] == tag
    # Any other tag, or another query, gets the whole answer.
    other = service.request("GET", f"/sparql?query={quote(query)}",
                            headers={"Accept": JSON, "If-None-Match": 'W/"0.0-0"'})
    assert other.status == 200 and other.body == first.body


def test_the_etag_depends_on_what_is_asked(service):
    query = "SELECT ?s WHERE { ?s a ?c } LIMIT 2"
    tags = {service.query(query, accept=accept).headers["etag"] for accept in (JSON, "text/csv")}
    tags.add(service.query(query + " OFFSET 1", accept=JSON).headers["etag"])
    assert len(tags) == 3
    # The same request twice: the same tag, the same answer (the second from the answer cache).
    one, two = service.query(query, accept=JSON), service.query(query, accept=JSON)
    assert one.headers["etag"] == two.headers["etag"] and one.body == two.body


def test_an_update_gives_new_etags_and_fresh_answers(writable):
    _insert(writable, "one")
    before = writable.query(COUNT, accept=JSON)
    assert _count(before) == 1
    assert writable.request("GET", f"/sparql?query={quote(COUNT)}",
                            headers={"Accept": JSON, "If-None-Match": before.headers["etag"]}).status == 304
    _insert(writable, "two")
    after = writable.request("GET", f"/sparql?query={quote(COUNT)}",
                             headers={"Accept": JSON, "If-None-Match": before.headers["etag"]})
    assert after.status == 200, "the old ETag must not match once the data changed"
    assert _count(after) == 2
    assert after.headers["etag"] != before.headers["etag"]


@pytest.mark.parametrize("query", [
    "SELECT (RAND() AS ?r) WHERE {}",
    "SELECT (STRUUID() AS ?u) WHERE {}",
    "SELECT (now() AS ?t) WHERE {}",
])
def test_answers_the_data_does_not_fix_are_not_cached(service, query):
    reply = service.query(query, accept=JSON)
    assert reply.status == 200
    assert reply.headers["cache-control"] == "no-store"
    assert "etag" not in reply.headers


def test_max_age_is_a_setting(live_service):
    reply = live_service(settings={"cache_max_age_s": 60}).query("ASK { ?s ?p ?o }", accept=JSON)
    assert reply.headers["cache-control"] == "public, max-age=60"


def test_answers_are_the_same_with_the_cache_off(service, live_service):
    uncached = live_service(settings={"answer_cache_mb": 0})
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    for _ in range(2):
        assert uncached.query(query, accept=JSON).body == service.query(query, accept=JSON).body


def test_the_access_log_can_be_turned_off(service, live_service):
    quiet = live_service(settings={"access_log": False})
    for running in (service, quiet):
        assert running.request("GET", "/health").status == 200
    assert '"GET /health' in service.log()
    assert '"GET /health' not in quiet.log()


def test_question_answers_are_cached_and_revalidated_like_sparql(service, writable):
    path = "/queries/find-agency.json?text=%E6%B0%91%E6%94%BF"  # 民政: 省民政厅
    first = service.request("GET", path)
    assert first.status == 200 and json.loads(first.body)["rows"]
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    assert service.request("GET", path, headers={"If-None-Match": tag}).status == 304
    # Another value, or the CSV view, is another answer with its own tag.
    assert service.request("GET", "/queries/find-agency.json?text=%E6%AE%8B").headers["etag"] != tag
    assert service.request("GET", path.replace(".json", ".csv")).headers["etag"] != tag
    # The same request again: the same bytes (from the answer cache).
    assert service.request("GET", path).body == first.body
    # A question whose data changed answers afresh: the store version is part of the tag.
    before = writable.request("GET", path)
    _insert(writable, "three")
    after = writable.request("GET", path, headers={"If-None-Match": before.headers["etag"]})
    assert after.status == 200 and after.headers["etag"] != before.headers["etag"]


def test_question_errors_are_not_cached(service):
    reply = service.request("GET", "/queries/task-units.json?number=three")
    assert reply.status == 400
    assert reply.headers["cache-control"] == "no-store"
    assert "etag" not in reply.headers
