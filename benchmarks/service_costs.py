"""Where the CPU of an uncached answer goes: the engine alone, the hand-off to a query worker, the HTTP fronts.

    .venv/bin/python benchmarks/service_costs.py --rounds 20 --write

One client asks the questions of ``queries/`` (their texts with the example values) one at a time, ``--rounds``
times over, of each of these in turn, and the CPU time of the processes that answered is counted:

- pyoxigraph in this process: the engine alone (query, answer written as SPARQL JSON), no HTTP;
- fengong's query engine in this process: the same queries evaluated by a query worker process (the hand-off
  and the row cap added), no HTTP;
- the Oxigraph server over HTTP (``oxigraph serve``, in memory): its engine and its HTTP front;
- fengong's service over HTTP without its answer cache: engine, query worker and the gunicorn/Flask front;
- fengong's service over HTTP answering from its answer cache: the front alone, nothing evaluated;
- fengong's service over HTTP evaluating in the request thread (``in_thread_service.py``, no time limit: not a
  mode the service offers): what the hand-off to query workers costs over HTTP, and the ceiling of the front;
- gunicorn with the service's worker class and settings running a bare WSGI function that evaluates in the
  request thread (``bare_endpoint.py``): the floor of any endpoint under gunicorn that asks pyoxigraph;
- gunicorn with the service's worker class and settings serving a fixed answer (``fixed_answer.py``): gunicorn's
  own floor.

In-process lines are compared with each other and HTTP lines with each other; the differences between them are
the costs of what one adds to the other. With ``--write`` the results replace the section "Where the CPU of an
uncached answer goes" of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pyoxigraph
from bench_service import start_oxigraph
from load_service import (
    free_port,
    machine,
    questions,
    sparql_paths,
    start_fengong,
    stop,
    tree_cpu_seconds,
    wait_until_up,
    write_section,
)

from fengong.sparql.engine import Job, QueryEngine, run_query
from fengong.sparql.settings import resolve_settings
from fengong.store import default_data_files, open_store

BENCHMARKS = Path(__file__).resolve().parent
TITLE = "Where the CPU of an uncached answer goes"
ACCEPT = "application/sparql-results+json"


def _in_process(ask, texts: list[str], rounds: int) -> float:
    """CPU ms per answer of ``ask(text)``: this process and the query workers it forks (before any server is
    started, the only processes under it)."""
    for text in texts:  # warm up: the worker forked, the caches filled
        ask(text)
    started = tree_cpu_seconds(os.getpid())
    for _ in range(rounds):
        for text in texts:
            ask(text)
    return (tree_cpu_seconds(os.getpid()) - started) * 1000 / (rounds * len(texts))


def _over_http(pid: int, port: int, paths: list[str], rounds: int) -> float:
    """CPU ms per answer of the process tree ``pid`` answering ``paths`` one at a time on one connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def ask(path: str) -> None:
        connection.request("GET", path, headers={"Accept": ACCEPT})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path[:80]}… answered {response.status}")

    for path in paths:
        ask(path)
    started = tree_cpu_seconds(pid)
    for _ in range(rounds):
        for path in paths:
            ask(path)
    connection.close()
    return (tree_cpu_seconds(pid) - started) * 1000 / (rounds * len(paths))


def start_in_thread(settings: dict, files: list[str]) -> tuple[subprocess.Popen, int]:
    """:mod:`in_thread_service` (fengong's service evaluating in its request threads) on a free port."""
    return start_fengong(settings, files, script=BENCHMARKS / "in_thread_service.py")


def start_gunicorn(application: str, workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    """gunicorn serving ``application`` (a module of benchmarks/ and its WSGI callable) with the service's worker
    class."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads", str(threads),
                                "--worker-class", "gthread", "--bind", f"127.0.0.1:{port}", application],
                               cwd=BENCHMARKS, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    wait_until_up(port, "/health", process)
    return process, port


def measure_in_process(texts: list[str], rounds: int) -> tuple[dict[str, float], int, bytes]:
    """The in-process costs, the number of triples and the data as N-Quads (for the Oxigraph server)."""
    graph_store = open_store(None, default_data_files())
    base = "http://127.0.0.1/sparql"

    def engine_alone(text: str) -> None:
        graph_store.store.query(text, base_iri=base, use_default_graph_as_union=True).serialize(
            format=pyoxigraph.QueryResultsFormat.JSON)

    def job(text: str) -> Job:
        return Job(text=text, base_iri=base, accept=ACCEPT)

    costs = {"pyoxigraph": _in_process(engine_alone, texts, rounds),
             "run_query": _in_process(lambda text: run_query(graph_store.store, job(text)), texts, rounds)}
    engine = QueryEngine(graph_store, resolve_settings({"query_workers": 1}))
    costs["engine"] = _in_process(lambda text: engine.query(job(text)), texts, rounds)
    engine.close()
    return costs, len(graph_store), pyoxigraph.serialize(graph_store.store, format=pyoxigraph.RdfFormat.N_QUADS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="times each question is asked of each target")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()
    texts = list(questions().values())
    started_on = machine()
    costs, triples, nquads = measure_in_process(texts, args.rounds)
    service = {"workers": args.workers, "threads": args.threads, "access_log": False}
    files = list(map(str, default_data_files()))
    sparql = sparql_paths("/sparql", texts)
    for name, start, paths in (
            ("oxigraph", lambda: start_oxigraph(nquads), sparql_paths("/query", texts)),
            ("uncached", lambda: start_fengong({**service, "answer_cache_mb": 0}, files), sparql),
            ("cached", lambda: start_fengong(service, files), sparql),
            ("in_thread", lambda: start_in_thread({**service, "answer_cache_mb": 0}, files), sparql),
            ("bare", lambda: start_gunicorn("bare_endpoint:app", args.workers, args.threads), sparql),
            ("gunicorn", lambda: start_gunicorn("fixed_answer:app", args.workers, args.threads),
             ["/sparql"] * len(texts))):
        process, port = start()
        try:
            costs[name] = _over_http(process.pid, port, paths, args.rounds)
        finally:
            stop(process)
    ended_load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    command = "python benchmarks/service_costs.py " + shlex.join(sys.argv[1:])
    rows = [
        ("in this process", "pyoxigraph: query, answer written as SPARQL JSON", costs["pyoxigraph"]),
        ("in this process", "fengong's `run_query` (as a query worker runs it: the row cap, TSV then JSON)",
         costs["run_query"]),
        ("in this process", "fengong's query engine: `run_query` in a query worker process, the hand-off included",
         costs["engine"]),
        ("HTTP", "Oxigraph server 0.5 (`serve`, in memory)", costs["oxigraph"]),
        ("HTTP", f"fengong's service, uncached ({args.workers} workers × {args.threads} threads)", costs["uncached"]),
        ("HTTP", "fengong's service, every answer from its answer cache (the front alone)", costs["cached"]),
        ("HTTP", "fengong's service, uncached, evaluating in the request thread (no query worker, no time limit: "
                 "`in_thread_service.py`, not a mode the service offers)", costs["in_thread"]),
        ("HTTP", "gunicorn, same worker class and settings, a bare WSGI function evaluating in the request thread "
                 "(`bare_endpoint.py`: no Flask, no time limit)", costs["bare"]),
        ("HTTP", "gunicorn, same worker class and settings, a fixed answer from a bare WSGI function",
         costs["gunicorn"]),
    ]
    table = "\n".join(f"| {where} | {what} | {cost:.3f} |" for where, what, cost in rows)
    report = (
        f"Command: `{command.strip()}`\n\n{started_on}, at the end {ended_load}; the project's data, {triples} "
        f"triples; one client on loopback asking the {len(texts)} questions of `queries/` (texts with their example "
        f"values) one at a time, {args.rounds} times over; CPU time of the processes that answered (user + system, "
        "the query workers included).\n\n"
        "| where | what answers | CPU ms per answer |\n|---|---|---|\n" + table + "\n\n"
        "Differences (in-process lines with in-process lines, HTTP lines with HTTP lines):\n\n"
        f"- the hand-off to a query worker: {costs['engine'] - costs['run_query']:+.3f} ms per answer; the row cap "
        f"and the second writing: {costs['run_query'] - costs['pyoxigraph']:+.3f} ms;\n"
        f"- the Oxigraph server's HTTP front: {costs['oxigraph'] - costs['pyoxigraph']:+.3f} ms per answer over its "
        f"engine in-process; fengong's: {costs['uncached'] - costs['engine']:+.3f} ms over its query engine "
        f"in-process (gunicorn alone: {costs['gunicorn']:.3f} ms, the whole front without evaluating: "
        f"{costs['cached']:.3f} ms);\n"
        f"- the hand-off to query workers over HTTP: {costs['uncached'] - costs['in_thread']:+.3f} ms per answer "
        "(the service with workers against the same service evaluating in its request threads);\n"
        f"- fengong uncached / the Oxigraph server in answers per CPU second, one client: "
        f"**{costs['oxigraph'] / costs['uncached']:.2f}**; evaluating in the request thread (the ceiling of the "
        f"gunicorn/Flask front, without the time limit): {costs['oxigraph'] / costs['in_thread']:.2f}; a bare "
        f"function under gunicorn evaluating in its thread (the floor of any endpoint under gunicorn asking "
        f"pyoxigraph): {costs['oxigraph'] / costs['bare']:.2f}.\n")
    print(report)
    if args.write:
        write_section(TITLE, report)


if __name__ == "__main__":
    main()
