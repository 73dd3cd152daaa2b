"""Nothing a client sends brings a process down, and no process outlives the service (issue 13).

Each test drives a real gunicorn service on a loopback port with real HTTP requests and real signals.
Worker deaths are read from gunicorn's log: it logs "Booting worker" for every worker it starts.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import pytest
from conftest import SERVICE_DATA, start_service, stop_service
from processes import alive, children, wait_until

TOKEN = "crash-token"
DEEP = 5000


def _boots(service, workers: int = 2) -> int:
    """How many worker processes gunicorn has started, once the first ``workers`` have."""
    wait_until(lambda: service.log().count("Booting worker") >= workers)
    return service.log().count("Booting worker")


@pytest.fixture(scope="module")
def writable(live_service, tmp_path_factory):
    """A service with an update token, so on an on-disk store."""
    return live_service(settings={"update_token": TOKEN}, store=tmp_path_factory.mktemp("crash") / "store")


def test_deeply_nested_query_is_refused_and_kills_nothing(service):
    boots = _boots(service)
    query = "SELECT * WHERE { FILTER(" + "(" * DEEP + "1" + ")" * DEEP + ") }"
    reply = service.request("POST", "/sparql", query, {"Content-Type": "application/sparql-query"})
    assert reply.status == 400, reply.text
    assert "line 1, column" in reply.text and "nest deeper" in reply.text
    assert service.query("ASK { ?s ?p ?o }").status == 200
    assert _boots(service) == boots


def test_deeply_nested_update_is_refused_and_the_store_kept(writable):
    boots = _boots(writable, workers=1)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = json.loads(writable.query(count).body)["results"]["bindings"]
    update = "INSERT { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } } WHERE " + "{" * DEEP + "}" * DEEP
    reply = writable.request("POST", "/update", update, {"Content-Type": "application/sparql-update",
                                                         "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 400 and "nest deeper" in reply.text
    assert json.loads(writable.query(count).body)["results"]["bindings"] == before
    assert _boots(writable, workers=1) == boots


@pytest.mark.parametrize("document", [
    '{"@id": "http://e/a", "http://e/p": ' * 10_000 + '"x"' + "}" * 10_000,
    '{"@id": "http://e/a", "http://e/p": {"@list": ' + "[" * 10_000 + "1" + "]" * 10_000 + "}}",
])
def test_deeply_nested_json_ld_is_refused_and_kills_nothing(service, document):
    boots = _boots(service)
    reply = service.request("POST", "/shacl", document, {"Content-Type": "application/ld+json",
                                                          "Accept": "application/json"})
    assert reply.status == 400, reply.text
    assert "nest deeper" in json.loads(reply.body)["error"]
    assert service.request("GET", "/health").status == 200
    assert _boots(service) == boots


def test_an_accepted_update_survives_the_death_of_its_worker(writable):
    insert = 'INSERT DATA { GRAPH <http://e/kept> { <http://e/s> <http://e/p> "kept" } }'
    reply = writable.request("POST", "/update", insert, {"Content-Type": "application/sparql-update",
                                                         "Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 204
    (worker,) = children(writable.process.pid)
    os.kill(worker, signal.SIGKILL)
    wait_until(lambda: children(writable.process.pid) - {worker})
    wait_until(lambda: writable.request("GET", "/health").status == 200)
    reply = writable.query('ASK { GRAPH <http://e/kept> { ?s ?p "kept" } }')
    assert json.loads(reply.body)["boolean"] is True


def test_update_token_on_a_memory_store_is_refused():
    result = subprocess.run([sys.executable, "-m", "fengong.service.server", "--port", "9", "--update-token", "t",
                             "--load", str(SERVICE_DATA[0])], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "--update-token needs --store" in result.stderr


def _query_workers(master: int) -> set[int]:
    return {pid for worker in children(master) for pid in children(worker)}


def test_query_workers_die_with_their_worker_and_the_service(tmp_path):
    service = start_service(SERVICE_DATA, {"workers": 1}, tmp_path / "service.log")
    try:
        assert service.query("ASK { ?s ?p ?o }").status == 200
        (worker,) = children(service.process.pid)
        orphans = children(worker)
        assert orphans, "a query has run, so its worker process exists"
        os.kill(worker, signal.SIGKILL)
        wait_until(lambda: not any(alive(pid) for pid in orphans))
        wait_until(lambda: service.request("GET", "/health").status == 200)
        assert service.query("ASK { ?s ?p ?o }").status == 200
        spawned = _query_workers(service.process.pid)
        assert spawned
        service.process.send_signal(signal.SIGTERM)
        service.process.wait(timeout=60)
        wait_until(lambda: not any(alive(pid) for pid in spawned))
        # The port is free again: a new service could listen there.
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", service.port))
    finally:
        stop_service(service)
