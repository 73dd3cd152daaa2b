"""Hostile requests over raw sockets (issue 13): stalled and malformed bodies, a forged Host header, odd
parameters and RDF-star on /shacl — each answered 4xx, none holding a worker thread, none a 500."""

from __future__ import annotations

import json
import socket
from contextlib import closing

import pytest

#: A service that waits 1 s for a body: the stalled clients below are cut off then.
PATIENCE = {"body_time_limit_s": 1, "threads": 2, "workers": 1}


def _raw(service, head: str, body: bytes = b"") -> socket.socket:
    """A connection that has sent ``head`` (request line and headers) and ``body``, and is left open."""
    connection = socket.create_connection((service.host, service.port), timeout=60)
    connection.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
    return connection


def _status(connection: socket.socket) -> int:
    """The status of the answer read from ``connection`` (the socket timeout is the safety net)."""
    with closing(connection):
        received = b""
        while b"\r\n\r\n" not in received:
            part = connection.recv(4096)
            if not part:
                break
            received += part
    return int(received.split(b" ", 2)[1])


def _post_head(path: str, content_type: str, extra: str) -> str:
    return f"POST {path} HTTP/1.1\nHost: localhost\nContent-Type: {content_type}\n{extra}"


@pytest.fixture(scope="module")
def patient(live_service):
    return live_service(settings=PATIENCE)


def test_stalled_bodies_are_cut_off_and_others_served(patient):
    # More stalled uploads than the service has threads: without a deadline they would hold all of them.
    stalled = [_raw(patient, _post_head("/sparql", "application/sparql-query", "Content-Length: 100\n"), b"ASK {")
               for _ in range(PATIENCE["threads"] + 2)]
    stalled.append(_raw(patient, _post_head("/shacl", "text/turtle", "Transfer-Encoding: chunked\n"),
                        b"ffffffffffffffff\r\nabc"))
    assert [_status(connection) for connection in stalled] == [408] * len(stalled)
    assert patient.query("ASK { ?s ?p ?o }").status == 200


@pytest.mark.parametrize("chunks", [b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nASK {}\r\n0\r\n\r\n"])
def test_malformed_chunking_is_400(patient, chunks):
    connection = _raw(patient, _post_head("/sparql", "application/sparql-query", "Transfer-Encoding: chunked\n"),
                      chunks)
    assert _status(connection) == 400


def test_well_formed_chunking_is_read(patient):
    body = b"ASK {}"
    chunks = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    connection = _raw(patient, _post_head("/sparql", "application/sparql-query", "Transfer-Encoding: chunked\n"),
                      chunks)
    assert _status(connection) == 200


@pytest.mark.parametrize("path", ["/queries.json", "/sparql", "/.well-known/void", "/openapi.json"])
def test_host_header_is_never_copied_into_urls(service, live_service, path):
    forged = {"Host": "evil.example:666", "Accept": "text/turtle" if "json" not in path else "application/json"}
    reply = service.request("GET", path, headers=forged)
    assert reply.status == 200
    assert b"evil.example" not in reply.body
    assert f"127.0.0.1:{service.port}".encode() in reply.body
    public = live_service(settings={"public_base_url": "https://data.example.org/fengong"})
    reply = public.request("GET", path, headers=forged)
    assert b"evil.example" not in reply.body and b"https://data.example.org/fengong" in reply.body


@pytest.mark.parametrize("plan", ["relative", "not an iri", "../../etc/passwd"])
def test_network_with_a_plan_that_is_no_iri_is_400(service, plan):
    from urllib.parse import urlencode

    reply = service.request("GET", "/network.json?" + urlencode({"plan": plan}))
    assert reply.status == 400 and b"absolute IRI" in reply.body


def test_rdf_star_posted_to_shacl_is_400(service):
    reply = service.request("POST", "/shacl", "<< <http://e/a> <http://e/p> <http://e/o> >> <http://e/p> <http://e/o> .",
                            {"Content-Type": "text/turtle", "Accept": "application/json"})
    assert reply.status == 400
    assert "triple term" in json.loads(reply.body)["error"]
