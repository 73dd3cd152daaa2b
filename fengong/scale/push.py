"""``fengong load --endpoint URL``: push every named graph of a dataset to any SPARQL 1.1 store.

Graphs go through the Graph Store Protocol: a PUT replaces a graph with its content, so pushing a graph again
is harmless. A graph larger than the chunk size goes as a PUT of its first chunk and POSTs of the rest (graphs
with blank nodes are never split, so a blank node keeps its identity). After each graph the journal gets a
line (graph, triples, digest of its content), written and synced before the next graph starts: a push that
is killed, or whose store goes down, is resumed by running the same command again, which skips what the
journal holds. At the end the store's triple count of every graph is compared with ours; a graph that
differs is pushed again once, and if it still differs the command fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pyoxigraph as ox

from fengong.scale.http import Endpoint, EndpointError

#: Triples per request at most (a graph bigger than this is sent in several).
CHUNK = 50_000


@dataclass
class PushReport:
    """What a push did: graphs pushed now, graphs the journal already held, triples sent, mismatches left."""

    pushed: int
    skipped: int
    triples: int
    repaired: list[str]
    mismatched: dict[str, tuple[int, int]]  # graph → (ours, theirs)
    seconds: float


class Journal:
    """The graphs already pushed to one endpoint, kept in a JSON-lines file that only ever grows by whole
    lines (a line cut by a crash is ignored)."""

    def __init__(self, path: Path, endpoint: str):
        self.path = path
        self.done: dict[str, str] = {}
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        entries = []
        for line in lines:
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # the last line of a killed push
        if entries and entries[0].get("endpoint") == endpoint:
            self.done = {e["graph"]: e["digest"] for e in entries[1:] if "graph" in e}
            self._rewrite(entries)
        else:
            self._rewrite([{"endpoint": endpoint}])

    def _rewrite(self, entries: list[dict]) -> None:
        # Rewritten whole, atomically, so a cut last line never stays in front of new ones.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
        os.replace(tmp, self.path)

    def record(self, graph: str, triples: int, digest: str) -> None:
        """Note that ``graph`` is pushed whole (synced to disk before returning)."""
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"graph": graph, "triples": triples, "digest": digest}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.done[graph] = digest


def graph_names(store: ox.Store) -> list[str]:
    """The named graphs of ``store``, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def _chunks(triples: list[ox.Triple], size: int) -> Iterator[bytes]:
    splittable = not any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                         for t in triples)
    step = size if splittable else max(1, len(triples))
    for start in range(0, max(1, len(triples)), step):
        yield ox.serialize(triples[start:start + step], format=ox.RdfFormat.N_TRIPLES)


def _digest(triples: list[ox.Triple]) -> str:
    """A digest of a graph's content that does not depend on the order of its triples nor on the labels of its
    blank nodes (which the parser makes up anew at every run)."""
    lines = sorted(re.sub(r"_:\S+", "_:", str(t)) for t in triples)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def push(store: ox.Store, endpoint: Endpoint, journal: Journal, chunk: int = CHUNK, retry_seconds: float = 30,
         progress: Callable[[str], None] | None = None, instead: dict[str, list[ox.Triple]] | None = None
         ) -> PushReport:
    """Push every named graph of ``store`` not already in ``journal``, then compare the counts. ``instead``:
    graphs pushed with the triples given (whether ``store`` holds them or not)."""
    started = time.monotonic()
    pushed = skipped = sent = 0
    ours: dict[str, int] = {}
    instead = instead or {}

    def content(name: str) -> list[ox.Triple]:
        if name in instead:
            return instead[name]
        return [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]

    def send_graph(name: str, triples: list[ox.Triple]) -> None:
        for number, body in enumerate(_chunks(triples, chunk)):
            _with_retries(lambda body=body, number=number: endpoint.put_graph(name, body, replace=number == 0),
                          retry_seconds)

    for name in sorted(set(graph_names(store)) | set(instead)):
        triples = content(name)
        ours[name] = len(triples)
        digest = _digest(triples)
        if journal.done.get(name) == digest:
            skipped += 1
        else:
            send_graph(name, triples)
            journal.record(name, len(triples), digest)
            pushed += 1
            sent += len(triples)
        if progress:
            progress(name)
    theirs = _with_retries(endpoint.graph_counts, retry_seconds)
    repaired = [name for name, n in ours.items() if theirs.get(name, 0) != n]
    for name in repaired:
        send_graph(name, content(name))
    if repaired:
        theirs = _with_retries(endpoint.graph_counts, retry_seconds)
    mismatched = {name: (n, theirs.get(name, 0)) for name, n in ours.items() if theirs.get(name, 0) != n}
    return PushReport(pushed, skipped, sent, repaired, mismatched, time.monotonic() - started)


def _with_retries(action, retry_seconds: float):
    """Run ``action``; while the store cannot be reached (or answers 5xx), try again for ``retry_seconds``."""
    deadline = time.monotonic() + retry_seconds
    pause = 0.5
    while True:
        try:
            return action()
        except EndpointError as error:
            if (error.status and error.status < 500) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 5)


@click.command("load")
@click.option("--endpoint", required=True, help="The store's SPARQL query endpoint (used to count triples).")
@click.option("--graph-store", "graph_store", default=None,
              help="The store's Graph Store Protocol address. Default: ENDPOINT with /query or /sparql "
                   "replaced by /store (Oxigraph, Fuseki-style) — give it for other stores, e.g. "
                   "Virtuoso's http://HOST:8890/sparql-graph-crud-auth.")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="RDF file to push (repeatable). Default: the graph `fengong build` wrote, with the ontology "
                   "and shapes.")
@click.option("--store", "store_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Push what this on-disk store holds instead of --data.")
@click.option("--user", default=None, envvar="FENGONG_ENDPOINT_USER", help="User name for the store "
              "(digest or basic authentication).")
@click.option("--password", default=None, envvar="FENGONG_ENDPOINT_PASSWORD",
              help="Password for the store (better given as FENGONG_ENDPOINT_PASSWORD).")
@click.option("--journal", "journal_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("fengong-load.journal"), show_default=True,
              help="Where the push records the graphs it has written; run again to resume.")
@click.option("--chunk", default=CHUNK, show_default=True, help="Triples per request at most.")
@click.option("--retry-seconds", default=30.0, show_default=True,
              help="How long to keep retrying while the store cannot be reached.")
def load_command(endpoint, graph_store, data, store_dir, user, password, journal_path, chunk, retry_seconds):
    """Push every named graph to an external SPARQL 1.1 store (Graph Store Protocol), resumably.

    Each graph replaces the store's graph of that name. The journal makes a rerun skip the graphs already
    pushed; the triple count of every graph is checked at the end (exit 1 if a graph still differs). The
    derived graphs of the derived questions (fengong.scale.derived) are derived from the data and pushed
    with it, so that they can be asked on the store as well.
    """
    from tqdm import tqdm

    from fengong import load_state
    from fengong.inputs import InputError
    from fengong.scale import derived
    from fengong.store import LoadError, default_data_files, open_store

    if graph_store is None:
        stem = endpoint.rstrip("/").rsplit("/", 1)
        graph_store = stem[0] + "/store" if stem[-1] in ("query", "sparql") else None
    target = Endpoint(endpoint, graph_store, user, password)
    instead = {}
    try:
        if store_dir is not None:
            store = ox.Store.read_only(str(store_dir))
            if load_state.read(store_dir).get("derived") != derived.digests():
                # Not derived from the data as it is (a store fengong did not load): derived here, pushed.
                instead = {graph.value: [q.triple for q in quads]
                           for graph, quads in derived.derived_graphs(store).items()}
        else:
            opened = open_store(None, list(data) or default_data_files())
            derived.ensure(opened)
            store = opened.store
    except (LoadError, OSError) as error:
        raise InputError(str(error)) from None
    journal = Journal(journal_path, graph_store or endpoint)
    bar = tqdm(total=len(set(graph_names(store)) | set(instead)), desc="pushing", unit=" graphs", disable=None)
    try:
        report = push(store, target, journal, chunk, retry_seconds, progress=lambda _: bar.update(),
                      instead=instead)
    except EndpointError as error:
        raise click.ClickException(f"{error}\nThe graphs pushed so far are in {journal_path}: run the same "
                                   "command again to resume.") from None
    finally:
        bar.close()
    click.echo(f"pushed {report.pushed} graph(s) ({report.triples} triples), {report.skipped} already there, "
               f"in {report.seconds:.1f} s; counts checked"
               + (f"; pushed again: {len(report.repaired)}" if report.repaired else ""))
    if report.mismatched:
        for name, (n, m) in sorted(report.mismatched.items()):
            click.echo(f"count differs: {name}: {n} here, {m} in the store", err=True)
        raise SystemExit(1)
