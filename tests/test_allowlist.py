"""The federation allowlist compares parsed URLs (issue 13): a non-empty list, targets outside it, and none
reached — not through user information, a longer port, another scheme or another path."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from conftest import free_port


@pytest.fixture
def outside():
    """A loopback listener that is not on the allowlist: ``(port, connected)``, ``connected()`` telling whether
    anything has connected to it (the kernel queues the connection even if nobody accepts it)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)

    def connected() -> bool:
        try:
            server.accept()[0].close()
        except BlockingIOError:
            return False
        return True

    yield server.getsockname()[1], connected
    server.close()


def _service_query(target: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize(("allowed", "targets"), [
    # As in the issue: the allowlisted address, then '@' and the address really reached.
    ("http://127.0.0.1:{port}", ["http://127.0.0.1:{port}@127.0.0.1:{other}/x",
                                 "http://127.0.0.1:{port}:x@127.0.0.1:{other}/x",
                                 "http://127.0.0.1:{other}/x",
                                 "https://127.0.0.1:{port}/x"]),
    ("http://127.0.0.1:{port}/sparql", ["http://127.0.0.1:{port}/sparqlx", "http://127.0.0.1:{port}/other"]),
])
def test_targets_outside_a_non_empty_allowlist_are_refused_unreached(live_service, listener, outside, allowed,
                                                                     targets):
    port, seen = listener
    other, connected = outside
    allowing = live_service(settings={"federation_allowlist": [allowed.format(port=port)]})
    for target in targets:
        target = target.format(port=port, other=other)
        reply = allowing.query(_service_query(target))
        assert reply.status == 403, (target, reply.text)
        assert "allowlist" in reply.text
    assert not connected() and seen == []


def test_load_to_a_target_outside_the_allowlist_is_refused(live_service, tmp_path_factory, listener, outside):
    port, seen = listener
    other, connected = outside
    writable = live_service(settings={"federation_allowlist": [f"http://127.0.0.1:{port}"], "update_token": "t"},
                            store=tmp_path_factory.mktemp("allowlist") / "store")
    reply = writable.request("POST", "/update", f"LOAD <http://127.0.0.1:{port}@127.0.0.1:{other}/data.ttl>",
                             {"Content-Type": "application/sparql-update", "Authorization": "Bearer t"})
    assert reply.status == 403 and "LOAD" in reply.text
    assert not connected() and seen == []


def test_refusals_do_not_tell_open_ports_from_closed_ones(live_service, listener, outside):
    port, _ = listener
    other, _ = outside
    closed = free_port()
    allowing = live_service(settings={"federation_allowlist": [f"http://127.0.0.1:{port}"]})
    texts = []
    for target_port in (other, closed):
        reply = allowing.query(_service_query(f"http://127.0.0.1:{port}@127.0.0.1:{target_port}/sparql"))
        texts.append((reply.status, reply.text.replace(str(target_port), "PORT")))
    assert texts[0] == texts[1] and texts[0][0] == 403


def test_cli_endpoint_with_user_information_is_refused(tmp_path, outside):
    other, connected = outside
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?s ?p ?o }")
    result = subprocess.run([sys.executable, "-m", "fengong", "query", str(query), "--endpoint",
                             f"http://127.0.0.1:1@127.0.0.1:{other}/sparql"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert "user information" in result.stderr
    assert not connected()
