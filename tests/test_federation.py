"""Federation: a national graph on a second, real SPARQL server (the Oxigraph server), reached from fengong's
endpoint through an allowlisted SERVICE, and from the CLI (`fengong query --endpoint`, `--join-local`); and what
the user sees when the remote side is down, stalls, drips, fails or answers garbage — real local servers each.

The local side serves the Jilin plan and registry only; the national agencies' names exist only on the Oxigraph
server, so a national name in an answer proves the remote side was asked. Expected pairs come from the registry
files (吉林省民政厅's counterpart is 民政部; 吉林省卫生和计划生育委员会's is 国家卫生和计划生育委员会).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port
from SPARQLWrapper import JSON, SPARQLWrapper

from fengong import PROJECT_ROOT
from fengong.build import build_graphs
from fengong.graph import registry_graph
from fengong.registry import NATIONAL, default_registry_paths, load_registry
from fengong.trig import serialise_trig

PREFIXES = """PREFIX fg: <https://w3id.org/fengong/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
LOCAL_PAIRS = PREFIXES + """SELECT ?agencyName ?national WHERE {
  ?agency fg:counterpart ?national ; skos:prefLabel ?agencyName . FILTER (LANG(?agencyName) = "zh")
}"""
REMOTE_NAMES = PREFIXES + """SELECT ?national ?nationalName WHERE {
  ?national a fg:Agency ; skos:prefLabel ?nationalName . FILTER (LANG(?nationalName) = "zh")
}"""
EXPECTED = {("吉林省民政厅", "民政部"), ("吉林省卫生和计划生育委员会", "国家卫生和计划生育委员会"),
            ("吉林省残疾人联合会", "中国残疾人联合会")}
BOUND = 60  # seconds any subprocess of these tests may take before the test fails (a hang is a failure)


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).is_file():
        pytest.fail("the Oxigraph server (PyPI package 'oxigraph') is not installed in this environment")
    return found


@pytest.fixture(scope="module")
def graphs(tmp_path_factory) -> dict[str, Path]:
    """national.ttl: the national registry; jilin.trig: the Jilin plan and registry, without national bodies."""
    folder = tmp_path_factory.mktemp("federation")
    registry = load_registry(default_registry_paths(PROJECT_ROOT))
    # Turtle: the server's default graph holds the national bodies, as a plain SPARQL server would serve them.
    national = folder / "national.ttl"
    registry_graph(registry.jurisdictions[NATIONAL], registry).serialize(national, format="turtle")
    # The Jilin plan alone: the corpus's plans would bring the registries generated for their jurisdictions.
    local = [g for g in build_graphs(PROJECT_ROOT, corpus=False).graphs
             if "registry/100000" not in str(g.identifier) and "/plans/" not in str(g.identifier)]
    jilin = folder / "jilin.trig"
    jilin.write_text(serialise_trig(local), "utf-8")
    return {"national": national, "jilin": jilin, "folder": folder}


@pytest.fixture(scope="module")
def oxigraph(graphs):
    """The Oxigraph server holding the national graph, on a free loopback port; yields its query URL."""
    binary, location, port = oxigraph_binary(), graphs["folder"] / "oxigraph-store", free_port()
    subprocess.run([binary, "load", "--location", str(location), "--file", str(graphs["national"])], check=True,
                   capture_output=True, timeout=BOUND)
    log = (graphs["folder"] / "oxigraph.log").open("wb")
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(location), "--bind",
                                f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + BOUND
    while True:
        try:
            with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=5) as reply:
                if reply.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Oxigraph server did not start: {(graphs['folder'] / 'oxigraph.log').read_text()}")
            time.sleep(0.2)
    yield url
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=BOUND)
    log.close()


def federated_query(remote: str) -> str:
    return PREFIXES + f"""SELECT ?agencyName ?nationalName WHERE {{
  ?agency fg:counterpart ?national ; skos:prefLabel ?agencyName . FILTER (LANG(?agencyName) = "zh")
  SERVICE <{remote}> {{ ?national skos:prefLabel ?nationalName . FILTER (LANG(?nationalName) = "zh") }}
}}"""


def sparqlwrapper(endpoint: str, query: str) -> dict:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    client.setTimeout(BOUND)
    return client.query().convert()


def pairs(document: dict, left: str, right: str) -> set[tuple[str, str]]:
    return {(row[left]["value"], row[right]["value"]) for row in document["results"]["bindings"]}


# ---------------------------------------------------------------- SERVICE from fengong's endpoint

def test_allowlisted_service_reaches_the_national_server(live_service, graphs, oxigraph):
    prefix = oxigraph.rsplit("/", 1)[0] + "/"
    service = live_service(data_files=[graphs["jilin"]], settings={"federation_allowlist": [prefix]})
    local_only = sparqlwrapper(service.sparql_url, LOCAL_PAIRS.replace("?national WHERE", "?national ?name WHERE")
                               .replace("}", "OPTIONAL { ?national skos:prefLabel ?name } }"))
    assert not any("name" in row for row in local_only["results"]["bindings"]), "national names are remote only"
    answer = sparqlwrapper(service.sparql_url, federated_query(oxigraph))
    assert pairs(answer, "agencyName", "nationalName") >= EXPECTED


def test_service_outside_the_allowlist_is_refused(live_service, graphs, oxigraph):
    service = live_service(data_files=[graphs["jilin"]])
    reply = service.query(federated_query(oxigraph), accept="application/sparql-results+json")
    assert reply.status == 403
    assert "allowlist" in reply.text


def test_service_to_a_stalled_server_ends_at_the_time_limit(live_service, graphs, misbehaving):
    url = misbehaving("stall")
    service = live_service(data_files=[graphs["jilin"]],
                           settings={"federation_allowlist": [url.rsplit("/", 1)[0] + "/"], "query_time_limit_s": 3})
    reply = service.query(federated_query(url), accept="application/sparql-results+json")
    assert reply.status == 503
    assert "limit of 3 s" in reply.text


# ---------------------------------------------------------------- from the command line

def fengong(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fengong", *args], capture_output=True, text=True, timeout=BOUND,
                          cwd=PROJECT_ROOT)


def test_cli_endpoint_query(tmp_path, oxigraph):
    query = tmp_path / "names.rq"
    query.write_text(REMOTE_NAMES, encoding="utf-8")
    done = fengong("query", str(query), "--endpoint", oxigraph, "--format", "json")
    assert done.returncode == 0, done.stderr
    names = {row["nationalName"]["value"] for row in json.loads(done.stdout)["results"]["bindings"]}
    assert {"民政部", "中国残疾人联合会", "国家卫生健康委员会"} <= names


def test_cli_joins_remote_and_local_answers(tmp_path, graphs, oxigraph):
    remote, local = tmp_path / "remote.rq", tmp_path / "local.rq"
    remote.write_text(REMOTE_NAMES, encoding="utf-8")
    local.write_text(LOCAL_PAIRS, encoding="utf-8")
    done = fengong("query", str(remote), "--endpoint", oxigraph, "--join-local", str(local),
                   "--data", str(graphs["jilin"]), "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert pairs(document, "agencyName", "nationalName") >= EXPECTED
    registry = tomllib.loads((PROJECT_ROOT / "data/registry/agencies-220000.toml").read_text(encoding="utf-8"))
    with_counterpart = [a for a in registry["agency"] if a.get("counterpart")]
    assert len(document["results"]["bindings"]) == len(with_counterpart)


def test_join_local_needs_an_endpoint(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text(REMOTE_NAMES, encoding="utf-8")
    done = fengong("query", str(query), "--join-local", str(query))
    assert done.returncode == 2
    assert "--join-local needs --endpoint" in done.stderr


# ---------------------------------------------------------------- misbehaving remote servers

class Misbehaving(threading.Thread):
    """A loopback HTTP server that misbehaves in one way: ``stall`` (never answers), ``drip`` (sends one byte
    every half second), ``garbage`` (200 with a body that is not SPARQL JSON), ``error`` (500)."""

    def __init__(self, mode: str):
        super().__init__(daemon=True)
        self.mode, self.stop = mode, threading.Event()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.5)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/sparql"

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self.answer, args=(connection,), daemon=True).start()

    def answer(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            try:
                connection.recv(65536)
                if self.mode == "stall":
                    self.stop.wait(BOUND)
                elif self.mode == "drip":
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                       b"Content-Length: 100000\r\n\r\n")
                    for _ in range(2 * BOUND):  # bounded: at most BOUND seconds of dripping
                        if self.stop.wait(0.5):
                            break
                        connection.sendall(b" ")
                else:
                    status, body = (("200 OK", b"<html>not results</html>") if self.mode == "garbage"
                                    else ("500 Internal Server Error", b"the database is on fire"))
                    connection.sendall(f"HTTP/1.1 {status}\r\nContent-Type: application/sparql-results+json\r\n"
                                       f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.join(timeout=5)
        self.server.close()


@pytest.fixture
def misbehaving():
    servers = []

    def start(mode: str) -> str:
        server = Misbehaving(mode)
        server.start()
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.close()


@pytest.mark.parametrize(("mode", "message"), [
    ("stall", "did not answer within 2 s"),
    ("drip", "did not answer within 2 s"),
    ("garbage", "not SPARQL JSON"),
    ("error", "500"),
])
def test_cli_reports_a_misbehaving_endpoint(tmp_path, misbehaving, mode, message):
    query = tmp_path / "q.rq"
    query.write_text(REMOTE_NAMES, encoding="utf-8")
    done = fengong("query", str(query), "--endpoint", misbehaving(mode), "--timeout", "2")
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_reports_an_endpoint_that_is_down(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text(REMOTE_NAMES, encoding="utf-8")
    done = fengong("query", str(query), "--endpoint", f"http://127.0.0.1:{free_port()}/sparql", "--timeout", "5")
    assert done.returncode == 2
    assert "cannot reach" in done.stderr and "Traceback" not in done.stderr
