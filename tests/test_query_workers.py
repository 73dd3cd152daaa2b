"""The pool of query worker processes (fengong.sparql.engine): bounded, shared by the threads of a process,
a request waiting for a free worker within the time limit. Real worker processes on a real store."""

from __future__ import annotations

import json
import os
import threading
import time

import pyoxigraph
import pytest

from fengong.sparql import engine as engine_module
from fengong.sparql.engine import Job, QueryEngine, pool_size
from fengong.sparql.errors import SparqlError
from fengong.sparql.settings import resolve_settings
from fengong.store import open_store

#: Counts 10^10 combinations of constants: never finishes within a test's time limit.
RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { "
           + " ".join(f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(10)) + " }")
ASK = Job(text="ASK { ?s ?p ?o }", accept="application/sparql-results+json")


def _children() -> set[int]:
    """The live processes forked by this one (the query workers)."""
    me = str(os.getpid())
    children = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == me and fields[0] != "Z":
                children.add(int(entry))
    return children


@pytest.fixture
def engine_with():
    engines = []

    def make(**settings) -> QueryEngine:
        graph_store = open_store(None, [])
        graph_store.store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p"),
                                              pyoxigraph.Literal("o"), pyoxigraph.NamedNode("urn:g")))
        engine = QueryEngine(graph_store, resolve_settings(settings))
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()


def test_default_size_is_one_worker_per_cpu_within_the_threads():
    cpus = os.cpu_count() or 1
    assert pool_size(resolve_settings({"threads": 64})) == max(2, cpus)
    assert pool_size(resolve_settings({"threads": 1})) == 1
    assert pool_size(resolve_settings({"threads": 64, "query_workers": 3})) == 3


def test_many_threads_share_the_pool_and_never_exceed_it(engine_with):
    engine = engine_with(query_workers=2, threads=8)
    before = _children()
    answers, errors = [], []
    seen: set[int] = set()

    def ask() -> None:
        for _ in range(20):
            try:
                answers.append(engine.query(ASK).body)
            except SparqlError as error:
                errors.append(error.message)
            seen.update(_children() - before)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(answers) == 160 and all(json.loads(body)["boolean"] is True for body in answers)
    assert 1 <= len(seen) <= 2


def test_a_request_waits_for_a_busy_worker_and_is_answered(engine_with):
    engine = engine_with(query_workers=1, query_time_limit_s=2)
    outcome = {}

    def run_away() -> None:
        try:
            engine.query(Job(text=RUNAWAY))
        except SparqlError as error:
            outcome["runaway"] = error

    slow = threading.Thread(target=run_away)
    slow.start()
    while not engine._live:  # the runaway query holds the only worker
        time.sleep(0.01)
    answer = engine.query(ASK)  # waits until the runaway query is cut, then gets a new worker
    slow.join()
    assert outcome["runaway"].status == 503 and "cancelled" in outcome["runaway"].message
    assert answer.status == 200 and json.loads(answer.body)["boolean"] is True


def test_a_request_finding_every_worker_busy_for_the_whole_limit_gets_503(engine_with):
    engine = engine_with(query_workers=1, query_time_limit_s=0.5)
    held = engine._take_worker(time.monotonic() + 60)  # as a query that is still running
    try:
        with pytest.raises(SparqlError) as refused:
            engine.query(ASK)
        assert refused.value.status == 503
        assert "busy" in refused.value.message and refused.value.headers["Retry-After"] == "1"
    finally:
        engine._give_back(held)
    assert engine.query(ASK).status == 200  # the worker given back serves again


def _hanging_first(times: int, marks):
    """A worker main that hangs ``times`` times (as a process forked holding a lock it inherited locked), then
    works; ``marks`` (a directory) counts the hangs across the forked processes."""
    real = engine_module._worker_main

    def main(*arguments):
        if len(list(marks.iterdir())) < times:
            (marks / str(os.getpid())).touch()
            time.sleep(3600)
        real(*arguments)

    return main


def test_a_new_worker_that_cannot_read_the_store_is_replaced(engine_with, monkeypatch, tmp_path):
    monkeypatch.setattr(engine_module, "_READY_S", 0.5)
    monkeypatch.setattr(engine_module, "_worker_main", _hanging_first(1, tmp_path))
    engine = engine_with(query_workers=1)
    assert engine.query(ASK).status == 200
    assert len(list(tmp_path.iterdir())) == 1  # one worker hung and was replaced


def test_when_no_worker_can_be_started_the_request_gets_503(engine_with, monkeypatch, tmp_path):
    monkeypatch.setattr(engine_module, "_READY_S", 0.3)
    monkeypatch.setattr(engine_module, "_worker_main", _hanging_first(99, tmp_path))
    engine = engine_with(query_workers=1)
    with pytest.raises(SparqlError) as refused:
        engine.query(ASK)
    assert refused.value.status == 503 and "no query worker could be started" in refused.value.message
    assert len(list(tmp_path.iterdir())) == 3 and engine._live == 0


def _minor_faults(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as handle:
        return int(handle.read().rsplit(")", 1)[1].split()[7])


def test_a_worker_reuses_the_memory_its_last_query_freed(engine_with):
    """A query that builds a hash set of 90,000 strings (tens of MB) asked again: the worker's malloc kept what
    the first answer freed, so the second maps no fresh pages (glibc's default hands the memory back to the
    kernel and faults thousands of pages in again for every answer)."""
    engine = engine_with(query_workers=1)
    values = " ".join(str(i) for i in range(300))
    heavy = Job(text=f"SELECT (COUNT(DISTINCT CONCAT(STR(?a), '-', STR(?b))) AS ?n) "
                     f"WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }}",
                accept="application/sparql-results+json")
    others = _children()  # a session's live service, when one runs
    first = engine.query(heavy)
    assert json.loads(first.body)["results"]["bindings"][0]["n"]["value"] == "90000"
    (worker,) = _children() - others
    before = _minor_faults(worker)
    engine.query(heavy)
    assert _minor_faults(worker) - before < 500
