"""The findings of issue 13 replayed against a live service on loopback: status tallies, gunicorn worker deaths,
connections that left, query workers outliving their parent. Results for docs/security.md.

    .venv/bin/python benchmarks/attacks.py                                   # this checkout
    git archive main | tar -x -C /tmp/before                                 # another version of fengong:
    PYTHONPATH=/tmp/before .venv/bin/python benchmarks/attacks.py            # its package is imported first

Traffic goes to 127.0.0.1 only: the service under test and listeners this script opens.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import fengong

ROOT = Path(fengong.__file__).resolve().parent.parent  # the checkout of the version under test, with its data
DATA = [ROOT / "tests" / "data" / "service" / "plans.trig", ROOT / "tests" / "data" / "service" / "extra.ttl"]
TOKEN = "attack-token"
REPEAT = 5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """``fengong.service.server`` started on a free loopback port with settings from the environment."""

    def __init__(self, settings: dict, store: Path | None = None):
        self.port = _free_port()
        self.log = Path(tempfile.mkstemp(suffix=".log")[1])
        command = [sys.executable, "-m", "fengong.service.server", "--port", str(self.port)]
        command += [argument for path in DATA for argument in ("--load", str(path))]
        command += ["--store", str(store)] if store else []
        environment = {**os.environ, **{"FENGONG_" + k.upper(): str(v) for k, v in settings.items()}}
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment,
                                            start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                # Ready once /health answers and every worker has logged its start.
                if self.send(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n", timeout=5)[0] == 200 \
                        and self.boots() >= (1 if "update_token" in settings else settings.get("workers", 2)):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the service did not start:\n{self.log.read_text()}")

    def send(self, raw: bytes, timeout: float = 60) -> tuple[int, bytes]:
        """Send raw bytes on a new connection; the status (0: no answer in time) and the answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as connection:
            connection.sendall(raw)
            received = b""
            try:
                while True:
                    part = connection.recv(65536)
                    if not part:
                        break
                    received += part
                    if _complete(received):
                        break
            except (TimeoutError, ConnectionResetError):
                pass
        return (int(received.split(b" ", 2)[1]) if received.startswith(b"HTTP/") else 0), received

    def post(self, path: str, body: bytes, content_type: str, **headers: str) -> tuple[int, bytes]:
        lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Type: {content_type}",
                 f"Content-Length: {len(body)}", "Connection: close", *(f"{k}: {v}" for k, v in headers.items())]
        return self.send(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    def get(self, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
        return self.send(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())

    def boots(self) -> int:
        return self.log.read_text(errors="replace").count("Booting worker")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


def _complete(received: bytes) -> bool:
    head, separator, body = received.partition(b"\r\n\r\n")
    if not separator:
        return False
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


def _row(name: str, statuses: list[int], service: Service, boots: int, **extra) -> dict:
    return {"attack": name, "requests": len(statuses), "statuses": dict(Counter(statuses)),
            "worker_deaths": service.boots() - boots, **extra}


def _tally(name: str, service: Service, requests) -> dict:
    boots = service.boots()
    statuses = [request()[0] for request in requests]
    time.sleep(1)  # let gunicorn log a replacement worker, if one died
    return _row(name, statuses, service, boots)


def nesting(service: Service, writable: Service) -> list[dict]:
    query = ("SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }").encode()
    update = ("INSERT { <http://e/s> <http://e/p> 1 } WHERE " + "{" * 5000 + "}" * 5000).encode()
    objects = ('{"@id": "http://e/a", "http://e/p": ' * 10_000 + '"x"' + "}" * 10_000).encode()
    lists = ('{"@id": "http://e/a", "http://e/p": {"@list": ' + "[" * 10_000 + "1" + "]" * 10_000 + "}}").encode()
    return [
        _tally("query nesting 5,000 (", service,
               [lambda: service.post("/sparql", query, "application/sparql-query")] * REPEAT),
        _tally("update nesting 5,000 {", writable,
               [lambda: writable.post("/update", update, "application/sparql-update",
                                      Authorization=f"Bearer {TOKEN}")] * REPEAT),
        _tally("JSON-LD objects nesting 10,000 on /shacl", service,
               [lambda: service.post("/shacl", objects, "application/ld+json")] * REPEAT),
        _tally("JSON-LD @list nesting 10,000 on /shacl", service,
               [lambda: service.post("/shacl", lists, "application/ld+json")] * REPEAT),
    ]


def orphans() -> dict:
    service = Service({"workers": 1})
    try:
        service.post("/sparql", b"ASK { ?s ?p ?o }", "application/sparql-query")
        (worker,) = _children(service.process.pid)
        query_workers = _children(worker)
        os.kill(worker, signal.SIGKILL)
        time.sleep(3)
        survivors_after_worker_kill = len([pid for pid in query_workers if Path(f"/proc/{pid}").exists()])
        service.post("/sparql", b"ASK { ?s ?p ?o }", "application/sparql-query")
        spawned = {pid for w in _children(service.process.pid) for pid in _children(w)}
        service.process.send_signal(signal.SIGTERM)
        service.process.wait(timeout=60)
        time.sleep(3)
        survivors_after_sigterm = len([pid for pid in spawned if Path(f"/proc/{pid}").exists()])
        for pid in (query_workers | spawned):
            if Path(f"/proc/{pid}").exists():
                os.kill(pid, signal.SIGKILL)
        return {"attack": "query workers alive 3 s after kill -9 of their gunicorn worker / SIGTERM of the master",
                "requests": 2, "statuses": {}, "worker_deaths": 1,
                "survivors": f"{survivors_after_worker_kill} of {len(query_workers)} / "
                             f"{survivors_after_sigterm} of {len(spawned)}"}
    finally:
        service.stop()


def allowlist() -> dict:
    allowed, outside = socket.socket(), socket.socket()
    for listener in (allowed, outside):
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.setblocking(False)
    port, other = allowed.getsockname()[1], outside.getsockname()[1]
    service = Service({"federation_allowlist": f"http://127.0.0.1:{port}"})
    try:
        boots = service.boots()
        targets = [f"http://127.0.0.1:{port}@127.0.0.1:{other}/x", f"http://127.0.0.1:{port}:x@127.0.0.1:{other}/x",
                   f"http://127.0.0.1:{other}/x", f"http://127.0.0.1:{port}0/x"]
        statuses = []
        for target in targets:
            query = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
            statuses.append(service.get("/sparql?" + urllib.parse.urlencode({"query": query}))[0])
        connections = 0
        while True:
            try:
                outside.accept()[0].close()
                connections += 1
            except BlockingIOError:
                break
        return _row("SERVICE to targets outside a non-empty allowlist", statuses, service, boots,
                    connections_outside=connections)
    finally:
        service.stop()
        allowed.close()
        outside.close()


def slow_bodies() -> dict:
    service = Service({"workers": 1, "threads": 2})
    try:
        boots = service.boots()
        head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 100\r\n\r\nASK {")
        stalled = []
        for _ in range(4):
            connection = socket.create_connection(("127.0.0.1", service.port), timeout=30)
            connection.sendall(head)
            stalled.append(connection)
        status = service.post("/sparql", b"ASK {}", "application/sparql-query")[0]
        answers = []
        for connection in stalled:
            try:
                received = connection.recv(4096)
                answers.append(int(received.split(b" ", 2)[1]) if received.startswith(b"HTTP/") else 0)
            except TimeoutError:
                answers.append(0)
            connection.close()
        return _row("4 stalled bodies (Content-Length 100, 6 bytes sent) on 2 threads, then one query; "
                    "0 = no answer within 30 s", [*answers, status], service, boots)
    finally:
        service.stop()


def server_errors(service: Service) -> list[dict]:
    chunked = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
               b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")
    star = b"<< <http://e/a> <http://e/p> <http://e/o> >> <http://e/p> <http://e/o> ."
    return [
        _tally("/network.json?plan= relative, 'not an iri', ../../etc/passwd", service,
               [lambda p=p: service.get("/network.json?" + urllib.parse.urlencode({"plan": p}))
                for p in ("relative", "not an iri", "../../etc/passwd")]),
        _tally("chunk size zz", service, [lambda: service.send(chunked)]),
        _tally("RDF-star Turtle on /shacl", service, [lambda: service.post("/shacl", star, "text/turtle")]),
    ]


def host_header(service: Service) -> dict:
    boots = service.boots()
    paths = ["/queries.json", "/sparql", "/.well-known/void", "/openapi.json"]
    replies = [service.get(path, host="evil.example") for path in paths]
    return _row("Host: evil.example on " + ", ".join(paths), [status for status, _ in replies], service, boots,
                answers_naming_the_forged_host=sum(b"evil.example" in body for _, body in replies))


def validation(service: Service) -> dict:
    from fengong.build import build_graphs
    from fengong.trig import serialise_trig

    try:
        graphs = build_graphs(ROOT, corpus=False).graphs  # the Jilin plan alone, freshly built
    except TypeError:  # a version from before the corpus was built: it builds the Jilin plan alone
        graphs = build_graphs(ROOT).graphs
    graph = serialise_trig(graphs).encode()
    boots = service.boots()
    status, answer = service.post("/shacl", graph, "application/trig")
    report = json.loads(answer.partition(b"\r\n\r\n")[2])
    violations = sum(result["severity"] == "violation" for result in report.get("results", []))
    return _row("POST the built Jilin graph to /shacl", [status], service, boots, violations=violations)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()  # no options: --help only
    print(f"fengong from {Path(fengong.__file__).parent}", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        service = Service({})
        store = Path(tmp) / "store"
        writable = Service({"update_token": TOKEN}, store=store)
        try:
            rows += nesting(service, writable)
            rows += server_errors(service)
            rows.append(host_header(service))
            rows.append(validation(service))
        finally:
            service.stop()
            writable.stop()
        rows.append(allowlist())
        rows.append(slow_bodies())
        rows.append(orphans())
    print(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
