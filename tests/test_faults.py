"""Faults: ``kill -9`` during a build, a load into the on-disk store, or a push to an external store leaves the
previous data intact and a rerun finishes the job; a push whose store goes down mid-way resumes."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import free_port, start_service, stop_service
from engines import environment_without_proxies, start_oxigraph, synthetic_dataset
from jilin_graph import jilin_trig  # tests/ is on sys.path under pytest
from pyoxigraph import NamedNode, Store

from fengong.scale import derived
from fengong.scale.http import Endpoint
from fengong.store import open_store

JILIN = jilin_trig()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return synthetic_dataset(tmp_path_factory.mktemp("faults-data"))


def _fengong(*arguments: str, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "fengong", *arguments], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=environment_without_proxies(), **options)


def _wait_for(condition, process: subprocess.Popen, seconds: float = 120) -> bool:
    """Poll ``condition`` until it holds (True) or the process ends first (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return condition()
        time.sleep(0.01)
    raise AssertionError("timed out")


#: `fengong build` in a process that kills itself with SIGKILL at the moment the new graph is complete in its
#: temporary file, just before it would replace the output: the latest point a kill can tear anything.
KILLED_BEFORE_REPLACE = """
import os, signal, sys
os.replace = lambda *_: os.kill(os.getpid(), signal.SIGKILL)
from fengong.cli import main
main(["build", "--out", sys.argv[1]])
"""


def test_kill_during_build_leaves_the_previous_graph(tmp_path):
    out = tmp_path / "fengong.trig"
    reference = tmp_path / "reference.trig"
    assert subprocess.run([sys.executable, "-m", "fengong", "build", "--out", str(reference)],
                          capture_output=True, timeout=300).returncode == 0
    previous = b"# the previous build\n" + reference.read_bytes()
    out.write_bytes(previous)
    out.chmod(0o640)
    killed = subprocess.run([sys.executable, "-c", KILLED_BEFORE_REPLACE, str(out)], capture_output=True,
                            timeout=300)
    assert killed.returncode == -signal.SIGKILL
    left = list(tmp_path.glob(".fengong.trig.*.tmp"))
    assert [path.read_bytes() for path in left] == [reference.read_bytes()]  # killed with the new graph written
    assert out.read_bytes() == previous
    assert subprocess.run([sys.executable, "-m", "fengong", "build", "--out", str(out)], capture_output=True,
                          timeout=300).returncode == 0
    assert out.read_bytes() == reference.read_bytes()
    assert list(tmp_path.glob(".*.tmp")) == []  # the abandoned temporary file is gone
    assert out.stat().st_mode & 0o777 == 0o640  # and the output keeps its mode


#: `fengong serve --store DIR --load ...` whose loading process kills itself with SIGKILL once the first file
#: is loaded and flushed: as a kill in the middle of a load leaves it.
KILLED_AFTER_FIRST_FILE = """
import os, signal, sys
from fengong import store
load = store.GraphStore.load
def load_then_die(self, *arguments, **options):
    load(self, *arguments, **options)
    self.flush()
    os.kill(os.getpid(), signal.SIGKILL)
store.GraphStore.load = load_then_die
from fengong.service.server import serve_command
serve_command(sys.argv[1:])
"""


def test_a_load_killed_half_way_leaves_the_store_as_it_was(dataset, tmp_path):
    location = tmp_path / "store"
    files = [dataset, JILIN]
    whole = open_store(None, files)
    derived.ensure(whole)  # as the service derives them after the load
    expected = len(whole)
    first = start_service([JILIN], {}, tmp_path / "first.log", store=location)
    stop_service(first)
    before = set(Store.read_only(str(location)))
    loads = [argument for path in files for argument in ("--load", str(path))]
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_FIRST_FILE, "--store", str(location),
                             "--port", str(free_port()), *loads], capture_output=True, text=True, timeout=300)
    assert killed.returncode != 0
    # The store is the one before the load, whole (the killed load's copy lies beside it until the next open).
    assert set(Store.read_only(str(location))) == before and 0 < len(before) < expected
    restart = start_service([], {}, tmp_path / "restart.log", store=location)
    try:
        health = json.loads(restart.request("GET", "/health").body)
        assert health["triples"] == len(before) and health["last_load"] == "complete"
    finally:
        stop_service(restart)
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("store")) == ["store",
                                                                                                  "store.text"]
    # Loading again loads it all, and /health says so.
    service = start_service(files, {}, tmp_path / "service.log", store=location)
    try:
        health = json.loads(service.request("GET", "/health").body)
        assert health["triples"] == expected and health["last_load"] == "complete"
    finally:
        stop_service(service)


def _journal_lines(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def _push_arguments(engine, dataset: Path, journal: Path, *extra: str) -> list[str]:
    return ["load", "--endpoint", engine.query_url, "--graph-store", engine.options["graph_store"], "--data",
            str(dataset), "--data", str(JILIN), "--journal", str(journal), "--chunk", "200", *extra]


def test_kill_during_a_push_then_rerun_resumes(dataset, tmp_path):
    engine = start_oxigraph(tmp_path / "oxigraph")
    try:
        journal = tmp_path / "journal"
        push = _fengong(*_push_arguments(engine, dataset, journal))
        assert _wait_for(lambda: _journal_lines(journal) >= 3, push), "the push ended before it could be killed"
        push.send_signal(signal.SIGKILL)
        push.wait(timeout=30)
        pushed_before = _journal_lines(journal) - 1
        rerun = subprocess.run([sys.executable, "-m", "fengong", *_push_arguments(engine, dataset, journal)],
                               capture_output=True, text=True, timeout=600, env=environment_without_proxies())
        assert rerun.returncode == 0, rerun.stderr
        assert f"{pushed_before} already there" in rerun.stdout and "counts checked" in rerun.stdout
        local = open_store(None, [dataset, JILIN])
        derived.ensure(local)  # pushed with the data
        graphs = local.graph_names()
        counts = Endpoint(engine.query_url).graph_counts()
        assert set(graphs) <= set(counts)
        assert {json.loads(line)["graph"] for line in journal.read_text().splitlines()[1:]} == set(graphs)
    finally:
        engine.stop()


def test_a_push_whose_store_goes_down_resumes(dataset, tmp_path):
    folder = tmp_path / "oxigraph"
    engine = start_oxigraph(folder)
    port = int(engine.query_url.rsplit(":", 1)[1].split("/")[0])
    journal = tmp_path / "journal"
    try:
        push = _fengong(*_push_arguments(engine, dataset, journal, "--retry-seconds", "120"))
        assert _wait_for(lambda: _journal_lines(journal) >= 3, push), "the push ended before the store went down"
        engine.kill()
        time.sleep(1)
        engine = start_oxigraph(folder, port=port)
        out, err = push.communicate(timeout=600)
        assert push.returncode == 0, err
        assert "counts checked" in out
        local = open_store(None, [dataset, JILIN])
        counts = Endpoint(engine.query_url).graph_counts()
        for name in local.graph_names():
            assert counts.get(name) == sum(1 for _ in local.store.quads_for_pattern(None, None, None, NamedNode(name)))
    finally:
        engine.stop()
        shutil.rmtree(folder, ignore_errors=True)

