"""A bounded load run of the fengong service on loopback: mixed questions plus one runaway query.

    .venv/bin/python benchmarks/load_service.py --clients 16 --seconds 60

Starts ``fengong serve`` (gunicorn) on the project's data on a free port; ``--clients - 1`` threads send
the questions of ``queries/`` (with their example values) round-robin over keep-alive connections, one
more thread sends a runaway query again and again, which the time limit must cut (503) each time. Prints
requests/s and latency percentiles; any other answer than 200 to a question counts as an error. With
``--write`` the results replace the "Load run" section of docs/benchmarks.md.

The helpers here (questions, starting services, the client loop) are shared with bench_service.py.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
#: Counts 10^10 combinations of constants: needs no data and never ends within a time limit.
RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { "
           + " ".join(f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(10)) + " }")
#: Used when queries/ has no question files: counts over the Jilin graph.
FALLBACK_QUESTIONS = {
    "tasks-per-lead-agency": """PREFIX fg: <https://w3id.org/fengong/ontology#>
PREFIX role: <https://w3id.org/fengong/id/role/>
SELECT ?agency (COUNT(?task) AS ?tasks) WHERE { ?a fg:agent ?agency ; fg:role role:lead ; fg:task ?task }
GROUP BY ?agency ORDER BY DESC(?tasks)""",
    "task-count": "PREFIX fg: <https://w3id.org/fengong/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?t a fg:Task }",
}


def questions() -> dict[str, str]:
    """The benchmark questions: each ``queries/*.rq`` with its example values, else the fallback ones."""
    try:
        from fengong.questions import example_query, load_questions
        loaded = {name: example_query(question) for name, question in load_questions().items()}
    except (ImportError, ValueError, OSError) as error:
        print(f"using the fallback questions ({error})", file=sys.stderr)
        loaded = {}
    return loaded or FALLBACK_QUESTIONS


def sparql_paths(endpoint: str, texts: list[str]) -> list[str]:
    """GET paths asking ``texts`` at a SPARQL endpoint."""
    return [endpoint + "?" + urllib.parse.urlencode({"query": text}) for text in texts]


#: The page a text search (a question with ``#+ search:``) is asked for through the questions API: the
#: largest it answers, so that it holds every match of the example values, as the SPARQL answer does.
SEARCH_PAGE = {"_size": "500"}


def question_paths() -> list[str]:
    """GET paths asking the same questions as :func:`questions` (same order, same example values) through
    fengong's questions API, as its users do."""
    from fengong.questions import example_values, load_questions

    return [f"/queries/{name}.json?" + urllib.parse.urlencode(
        {**example_values(question), **(SEARCH_PAGE if question.search else {})})
        for name, question in load_questions().items()]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, path: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer on port {port} within {seconds} s")


def start_fengong(settings: dict[str, str], files: list[str] | None = None,
                  script: Path | None = None) -> tuple[subprocess.Popen, int]:
    """``python -m fengong.service.server`` (or ``script``, taking its arguments) on a free port (settings as
    FENGONG_* variables)."""
    port = free_port()
    command = [sys.executable, *([str(script)] if script else ["-m", "fengong.service.server"]), "--port", str(port)]
    for path in files or []:
        command += ["--load", path]
    environment = {**os.environ, **{"FENGONG_" + k.upper(): str(v) for k, v in settings.items()}}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    wait_until_up(port, "/health", process)
    return process, port


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass
class Tally:
    """What the clients saw: latency of every answered question, errors, runaway outcomes."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    runaway: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def merge(self, other: Tally) -> None:
        """Add the observations of another run."""
        self.latencies += other.latencies
        self.errors += other.errors
        for status, count in other.runaway.items():
            self.runaway[status] = self.runaway.get(status, 0) + count


def _get(connection: http.client.HTTPConnection, path: str, tag: str | None = None) -> tuple[int, bytes, str | None]:
    headers = {"Accept": "application/sparql-results+json"}
    if tag:
        headers["If-None-Match"] = tag
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response.status, response.read(), response.getheader("ETag")


def _question_client(port: int, paths: list[str], offset: int, until: float, tally: Tally,
                     revalidate: bool = False) -> None:
    """Send ``paths`` round-robin; with ``revalidate``, as a browser would: each answer's ETag is sent back
    in If-None-Match the next time, and a 304 counts as an answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    tags: dict[str, str] = {}
    position = offset
    while time.monotonic() < until:
        path = paths[position % len(paths)]
        position += 1
        started = time.perf_counter()
        try:
            status, body, tag = _get(connection, path, tags.get(path))
        except (OSError, http.client.HTTPException) as error:
            with tally.lock:
                tally.errors.append(f"{type(error).__name__}: {error}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        elapsed = time.perf_counter() - started
        if revalidate and tag:
            tags[path] = tag
        with tally.lock:
            if status == 200 or (status == 304 and revalidate):
                tally.latencies.append(elapsed)
            else:
                tally.errors.append(f"{status}: {body[:200]!r}")
    connection.close()


def _runaway_client(port: int, until: float, tally: Tally) -> None:
    path = "/sparql?" + urllib.parse.urlencode({"query": RUNAWAY})
    while time.monotonic() < until:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            status, _, _ = _get(connection, path)
        except (OSError, http.client.HTTPException):
            status = -1
        finally:
            connection.close()
        with tally.lock:
            tally.runaway[status] = tally.runaway.get(status, 0) + 1


def run_load(port: int, paths: list[str], clients: int, seconds: float,
             runaway: bool = False, revalidate: bool = False) -> tuple[Tally, float]:
    """Drive the server with ``clients`` threads sending ``paths`` for ``seconds``; returns the tally and the
    elapsed time.

    ``revalidate``: the clients send If-None-Match with the ETag they were given (see _question_client)."""
    tally = Tally()
    started = time.monotonic()
    until = started + seconds
    threads = [threading.Thread(target=_question_client, args=(port, paths, i, until, tally, revalidate))
               for i in range(clients - (1 if runaway else 0))]
    if runaway:
        threads.append(threading.Thread(target=_runaway_client, args=(port, until, tally)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by the live processes of the tree under ``pid``, from /proc.

    On a machine shared with other work, requests per second measure the share of the CPU a server got as much
    as its own cost; CPU seconds per answer measure the cost alone. (The query workers of fengong stay alive
    through a run, so their time is counted.)"""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {pid}, [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        tree.update(children)
        frontier.extend(children)
    return sum(times.get(member, 0.0) for member in tree)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def summary_row(name: str, tally: Tally, elapsed: float, cpu: float | None = None) -> str:
    """A row of :data:`TABLE_HEAD` (``cpu``: the server's CPU seconds over the run, if measured)."""
    count = len(tally.latencies)
    per_answer = f"{cpu / count * 1000:.2f}" if cpu is not None and count else "—"
    return (f"| {name} | {count} | {count / elapsed:.0f} | {percentile(tally.latencies, 0.5) * 1000:.1f} | "
            f"{percentile(tally.latencies, 0.99) * 1000:.1f} | {per_answer} | {len(tally.errors)} |")


TABLE_HEAD = ("| target | answered | requests/s | p50 ms | p99 ms | server CPU ms per answer | errors |\n"
              "|---|---|---|---|---|---|---|")


def commit() -> str:
    """The commit measured (``git rev-parse --short HEAD``), with ``+changes`` when the files differ from it:
    a reader can then tell whether a section is from the current build. docs/benchmarks.md is left out of the
    comparison, since ``--write`` itself changes it (a second benchmark would otherwise never see a clean tree)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()

    changed = git("status", "--porcelain", "--", ".", f":(exclude){DOCS.relative_to(ROOT)}")
    return git("rev-parse", "--short", "HEAD") + ("+changes" if changed else "")


def machine() -> str:
    """The machine, the date, the commit and the load average (other work on the machine changes every
    figure)."""
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
            f"; run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit {commit()}, load average at "
            f"the start {load} (1 / 5 / 15 min)")


def write_section(title: str, text: str) -> None:
    """Replace (or add) the ``## title`` section of docs/benchmarks.md. A new section goes after the last one of
    its family (the title up to its first comma: "National scale, 3,200 plans" after "National scale, 1,200
    plans"), else at the end."""
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    section = f"## {title}\n\n{text.strip()}\n\n"
    parts = [part if part.endswith("\n\n") else part + "\n" for part in re.split(r"(?m)^(?=## )", current)]
    replaced = [section if part.startswith(f"## {title}\n") else part for part in parts]
    if section not in replaced:
        family = [i for i, part in enumerate(parts) if part.startswith(f"## {title.split(',')[0]}")]
        replaced.insert(family[-1] + 1 if family else len(replaced), section)
    DOCS.write_text("".join(replaced).rstrip() + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--time-limit", type=float, default=10, help="query_time_limit_s of the service")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    args = parser.parse_args()

    texts = list(questions().values())
    process, port = start_fengong({"query_time_limit_s": args.time_limit, "workers": args.workers,
                                   "threads": args.threads})
    try:
        before = tree_cpu_seconds(process.pid)
        tally, elapsed = run_load(port, sparql_paths("/sparql", texts), args.clients, args.seconds, runaway=True)
        cpu = tree_cpu_seconds(process.pid) - before
    finally:
        stop(process)
    row = summary_row("fengong", tally, elapsed, cpu)
    runaway = ", ".join(f"{count} × {status}" for status, count in sorted(tally.runaway.items()))
    command = "python benchmarks/load_service.py " + shlex.join(sys.argv[1:])
    report = (f"Command: `{command.strip()}`\n\n{machine()}; {args.clients} clients on loopback for "
              f"{args.seconds:g} s ({args.clients - 1} sending the {len(texts)} questions of `queries/` "
              f"round-robin, 1 sending a runaway query); service: {args.workers} workers × {args.threads} "
              f"threads, time limit {args.time_limit:g} s, the default settings otherwise (so repeated "
              f"questions are answered from the answer cache; `bench_service.py` measures without it)."
              f"\n\n{TABLE_HEAD}\n{row}\n\n"
              f"Runaway query answers: {runaway} (503 = cut at the time limit, as intended).\n")
    if tally.errors:
        report += "\nFirst errors: " + "; ".join(tally.errors[:5]) + "\n"
    print(report)
    if args.write:
        write_section("Load run", report)
    if tally.errors or set(tally.runaway) - {503}:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
