"""Throughput and latency of the fengong service against the Oxigraph server on the same data, same run.

    .venv/bin/pip install "oxigraph>=0.5,<0.6"    # the `oxigraph` binary, not a dependency of fengong
    .venv/bin/python benchmarks/bench_service.py --clients 12 --seconds 30 --write
    .venv/bin/python benchmarks/bench_service.py --plans 100 --write    # with 100 synthetic plans added

Both servers hold the project's default data (built graphs, ontology, shapes: loaded by fengong.store, and
posted to Oxigraph's /store as N-Quads) in memory, with the union of the graphs as default graph; the same
client threads send the questions of ``queries/`` (example values bound) over keep-alive connections, to one
server after the other in alternating rounds. fengong is asked the question's text at /sparql (as the Oxigraph
server is) and the same question through its questions API, each with its answer cache off (every request
evaluated) and on (clients sending plain requests, or revalidating with If-None-Match). The goals, with
zero errors: uncached at least 0.8 of Oxigraph's requests per second, cached at least as many.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph
from load_service import (
    TABLE_HEAD,
    Tally,
    free_port,
    machine,
    question_paths,
    questions,
    run_load,
    sparql_paths,
    start_fengong,
    stop,
    summary_row,
    tree_cpu_seconds,
    wait_until_up,
    write_section,
)

from fengong.store import default_data_files, open_store


def start_oxigraph(nquads: bytes) -> tuple[subprocess.Popen, int]:
    """``oxigraph serve`` with an in-memory store (as fengong's), the data posted to its /store."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        raise SystemExit('the oxigraph server is missing: pip install "oxigraph>=0.5,<0.6"')
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    wait_until_up(port, "/query?query=ASK%7B%7D", process)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", "/store", nquads, {"Content-Type": "application/n-quads"})
    response = connection.getresponse()
    response.read()
    if response.status >= 300:
        stop(process)
        raise SystemExit(f"loading the data into Oxigraph failed: {response.status}")
    return process, port


#: The fengong runs: name, whether its answer cache is on, how it is asked ("sparql": the question's text at
#: /sparql, as the Oxigraph server is asked; "api": the questions API, /queries/<name>.json with the same
#: values, what fengong's users get), whether the clients revalidate with If-None-Match.
RUNS = (
    ("SPARQL, uncached", False, "sparql", False),
    ("questions API, uncached", False, "api", False),
    ("SPARQL, answer cache", True, "sparql", False),
    ("questions API, answer cache", True, "api", False),
    ("questions API, revalidated (304)", True, "api", True),
)


def _differing_answers(oxigraph_port: int, sparql: list[str], fengong_port: int, api: list[str]) -> list[str]:
    """The API paths whose answer has another number of rows than the Oxigraph server's to the same question,
    each with both counts and, for a text search, how many things it found in all (it answers a page)."""
    def fetch(port: int, path: str) -> dict:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        document = json.loads(connection.getresponse().read())
        connection.close()
        return document if isinstance(document, dict) else {}

    differing = []
    for sparql_path, api_path in zip(sparql, api, strict=True):
        theirs = len(fetch(oxigraph_port, sparql_path).get("results", {}).get("bindings", []))
        answer = fetch(fengong_port, api_path)
        ours = len(answer.get("rows", []))
        if ours != theirs:
            page = (f": one page of a text search that found {answer['total']:,} things, the next page linked"
                    if answer.get("next") else "")
            differing.append(f"{api_path.split('?')[0]} ({theirs:,} rows from the Oxigraph server, {ours:,} from "
                             f"fengong{page})")
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=30, help="length of the run against each server")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds the run is split into")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--plans", type=int, default=0,
                        help="add this many synthetic plans (benchmarks/bench_scale.py's corpus) to the data")
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fengong-bench-") as work:
        run(args, Path(work))


def run(args, work: Path) -> None:
    texts = list(questions().values())
    files = default_data_files()
    if args.plans:
        from bench_scale import make_dataset

        files = [make_dataset(work, args.plans), *files]
    graph_store = open_store(None, files)
    triples = len(graph_store)
    nquads = pyoxigraph.serialize(graph_store.store, format=pyoxigraph.RdfFormat.N_QUADS)
    del graph_store
    started_on = machine()
    oxigraph_process, oxigraph_port = start_oxigraph(nquads)
    # No access log: the Oxigraph server writes none either.
    service = {"workers": args.workers, "threads": args.threads, "access_log": False}
    uncached_process, uncached_port = start_fengong({**service, "answer_cache_mb": 0}, list(map(str, files)))
    cached_process, cached_port = start_fengong(service, list(map(str, files)))
    paths = {"sparql": sparql_paths("/sparql", texts), "api": question_paths()}
    differing = _differing_answers(oxigraph_port, sparql_paths("/query", texts), uncached_port, paths["api"])
    targets = {"Oxigraph": (oxigraph_process.pid, oxigraph_port, sparql_paths("/query", texts), False)}
    targets.update({name: (cached_process.pid, cached_port, paths[kind], revalidate) if cache else
                    (uncached_process.pid, uncached_port, paths[kind], revalidate)
                    for name, cache, kind, revalidate in RUNS})
    # Short rounds, alternating, so that every server meets the same background load of the machine.
    tallies = {name: Tally() for name in targets}
    elapsed = dict.fromkeys(targets, 0.0)
    cpu = dict.fromkeys(targets, 0.0)
    try:
        for _ in range(args.rounds):
            for name, (pid, port, target_paths, revalidate) in targets.items():
                before = tree_cpu_seconds(pid)
                tally, seconds = run_load(port, target_paths, args.clients, args.seconds / args.rounds,
                                          revalidate=revalidate)
                cpu[name] += tree_cpu_seconds(pid) - before
                tallies[name].merge(tally)
                elapsed[name] += seconds
    finally:
        for process in (oxigraph_process, uncached_process, cached_process):
            stop(process)
    ended_load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    throughput = {name: len(tallies[name].latencies) / elapsed[name] for name in targets}
    labels = {"Oxigraph": "Oxigraph server 0.5 (`serve`, in memory)"}
    labels.update({name: f"fengong, {name} ({args.workers} workers × {args.threads} threads)"
                   for name, *_ in RUNS})
    rows = [summary_row(labels[name], tallies[name], elapsed[name], cpu[name]) for name in targets]
    per_cpu = {name: len(tallies[name].latencies) / max(cpu[name], 1e-9) for name in targets}
    ratios = "\n".join(f"- fengong {name} / Oxigraph: **{throughput[name] / max(throughput['Oxigraph'], 1e-9):.2f}** "
                       f"in requests per second, {per_cpu[name] / per_cpu['Oxigraph']:.2f} in answers per CPU "
                       "second of the server" for name, *_ in RUNS)
    command = "python benchmarks/bench_service.py " + shlex.join(sys.argv[1:])
    data = f"{args.plans} synthetic plans and the project's data" if args.plans else "the project's data"
    report = (f"Command: `{command.strip()}`\n\n{started_on}, at the end {ended_load}; {data}, {triples} triples; "
              f"{args.clients} clients on loopback (one Python process, on the same 2 cores), "
              f"{args.seconds:g} s per target in {args.rounds} alternating rounds, the {len(texts)} questions "
              f"of `queries/` round-robin with their example values; fengong without its access log "
              "(as the Oxigraph server).\n\n"
              "*SPARQL*: the question's text sent to `/sparql` (the Oxigraph server gets the same text at its "
              "`/query`); *questions API*: the same question with the same values asked at "
              "`/queries/<name>.json`, what fengong's users get (parameters bound by the service, its text "
              "index for text searches, rows as plain JSON); "
              "*uncached*: every request evaluated (the answer cache off, no If-None-Match); *answer cache*: "
              "the clients send plain requests, the service answers repeated ones from its cache; "
              "*revalidated*: the clients send back the ETag they were given, answered 304 while the data "
              f"is unchanged.\n\n{TABLE_HEAD}\n" + "\n".join(rows) +
              f"\n\nRatios (goals: uncached ≥ 0.8, cached ≥ 1.0; requests per second depend on the share of "
              f"the 2 cores each server wins against the other work on the machine, answers per CPU second do "
              f"not):\n\n{ratios}\n")
    report += ("\nThe questions API answered every question with as many rows as the Oxigraph server (the text "
               "searches asked for a page of up to 500 matches, which holds all of them).\n" if not differing else
               f"\nThe questions API answered these questions with another number of rows than the Oxigraph "
               f"server: {', '.join(differing)}.\n")
    for name, tally in tallies.items():
        if tally.errors:
            report += f"\n{name} errors (first): " + "; ".join(tally.errors[:5]) + "\n"
    print(report)
    if args.write:
        write_section("fengong against the Oxigraph server" + (f", {args.plans} plans" if args.plans else ""), report)


if __name__ == "__main__":
    main()
