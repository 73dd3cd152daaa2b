"""Throughput and latency of the fengong service against the Oxigraph server on the same data, same run.

    .venv/bin/pip install "oxigraph>=0.5,<0.6"    # the `oxigraph` binary, not a dependency of fengong
    .venv/bin/python benchmarks/bench_service.py --clients 12 --seconds 30 --write

Both servers hold the project's default data (built graphs, ontology, shapes: loaded by fengong.store, and
posted to Oxigraph's /store as N-Quads) in memory, with the union of the graphs as default graph; the same
client threads send the questions of ``queries/`` (example values bound) over keep-alive connections, first
to one server then to the other. The goal: fengong answers at least half as many requests per second, with zero errors.
"""

from __future__ import annotations

import argparse
import http.client
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
from load_service import (
    TABLE_HEAD,
    Tally,
    free_port,
    machine,
    questions,
    run_load,
    start_fengong,
    stop,
    summary_row,
    wait_until_up,
    write_section,
)

from fengong.store import open_store


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=30, help="length of the run against each server")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds the run is split into")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()

    texts = list(questions().values())
    graph_store = open_store(None, None)
    triples = len(graph_store)
    nquads = pyoxigraph.serialize(graph_store.store, format=pyoxigraph.RdfFormat.N_QUADS)
    del graph_store
    oxigraph_process, oxigraph_port = start_oxigraph(nquads)
    fengong_process, fengong_port = start_fengong({"workers": args.workers, "threads": args.threads})
    # Short rounds, alternating, so that both servers meet the same background load of the machine.
    oxigraph, fengong = Tally(), Tally()
    elapsed_oxigraph = elapsed_fengong = 0.0
    try:
        for _ in range(args.rounds):
            tally, elapsed = run_load(oxigraph_port, "/query", texts, args.clients, args.seconds / args.rounds)
            oxigraph.merge(tally)
            elapsed_oxigraph += elapsed
            tally, elapsed = run_load(fengong_port, "/sparql", texts, args.clients, args.seconds / args.rounds)
            fengong.merge(tally)
            elapsed_fengong += elapsed
    finally:
        stop(oxigraph_process)
        stop(fengong_process)
    rows = [summary_row("Oxigraph server 0.5 (`serve`, in memory)", oxigraph, elapsed_oxigraph),
            summary_row(f"fengong ({args.workers} workers × {args.threads} threads)", fengong, elapsed_fengong)]
    ratio = (len(fengong.latencies) / elapsed_fengong) / max(len(oxigraph.latencies) / elapsed_oxigraph, 1e-9)
    command = "python benchmarks/bench_service.py " + shlex.join(sys.argv[1:])
    report = (f"Command: `{command.strip()}`\n\n{machine()}; {triples} triples; {args.clients} clients on "
              f"loopback, {args.seconds:g} s per server in {args.rounds} alternating rounds, the {len(texts)} "
              f"questions of `queries/` round-robin.\n\n{TABLE_HEAD}\n" + "\n".join(rows) +
              f"\n\nfengong / Oxigraph throughput: {ratio:.2f} (goal: at least 0.5).\n")
    for name, tally in (("Oxigraph", oxigraph), ("fengong", fengong)):
        if tally.errors:
            report += f"\n{name} errors (first): " + "; ".join(tally.errors[:5]) + "\n"
    print(report)
    if args.write:
        write_section("fengong against the Oxigraph server", report)


if __name__ == "__main__":
    main()
