"""Running SPARQL operations with a hard time limit.

pyoxigraph evaluates a query in Rust and offers no way to cancel it, so every query runs in a worker
process forked from the service process (it shares the loaded store copy-on-write). The service waits for
the answer up to the time limit; a worker still busy then is killed, which stops the query and frees all
its memory at once, and the client gets 503. Workers are kept and reused between queries, at most
``query_workers`` of them per service process (queries are CPU-bound: more workers than CPUs only add
processes, each copying the store pages it reads; measured in docs/benchmarks.md); a request finding them
all busy waits for one (at most the time limit and a second). Workers also get an address-space limit and, when no
federation target is allowed, no network at all; they die with the process that forked them.

Updates (only ever with the update token) run in the service process itself, so that they change the
store every later worker is forked from; the workers forked before an update are retired.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph

from fengong.questions import with_values
from fengong.sparql import negotiation, results
from fengong.sparql.errors import SparqlError
from fengong.sparql.guard import drop_network

log = logging.getLogger(__name__)

#: Stands for "no graph" where the protocol asks for an empty default graph or an empty set of named
#: graphs (pyoxigraph takes a list of graphs, which must not be empty).
EMPTY_GRAPH = pyoxigraph.NamedNode("urn:x-fengong:no-graph")
_FORK = multiprocessing.get_context("fork")
#: How much longer than the time limit a request may wait for a free worker: time for a cut query's worker
#: to be killed and reaped, so that a request queued behind one runaway query is served, not refused.
_KILL_GRACE_S = 1.0
#: A new worker reads the store once and says so (:data:`_READY`) within this time, else another is forked (up
#: to :data:`_FORK_ATTEMPTS` in all): a process forked while another thread of the service held one of RocksDB's
#: locks (a flush or compaction after an update) would wait for it forever, and its first query would be cut.
_READY_S = 5.0
_FORK_ATTEMPTS = 3
_READY = "ready"


@dataclass
class Job:
    """A query to run: its text, dataset, base IRI, how to answer and how much to answer at most."""

    text: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    base_iri: str | None = None
    accept: str | None = None
    formats: list[str] = field(default_factory=list)
    max_rows: int = 10000
    #: Whether the default graph is the union of all graphs; only used when neither the request nor the
    #: query (FROM / FROM NAMED) names a dataset, which pyoxigraph's union option would override.
    union_default_graph: bool = True
    #: Values bound to variables before evaluation (pyoxigraph terms by variable name): how callers pass
    #: parameters as RDF terms instead of pasting them into the query text.
    substitutions: dict = field(default_factory=dict)


@dataclass
class Answer:
    """An HTTP answer: status, Content-Type, body, extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _dataset_options(job: Job) -> dict:
    if job.default_graphs or job.named_graphs:
        # The protocol dataset replaces the query's FROM/FROM NAMED; a part not given is empty.
        return {
            "default_graph": [pyoxigraph.NamedNode(g) for g in job.default_graphs] or [EMPTY_GRAPH],
            "named_graphs": [pyoxigraph.NamedNode(g) for g in job.named_graphs] or [EMPTY_GRAPH],
        }
    return {"use_default_graph_as_union": job.union_default_graph}


def run_query(store: pyoxigraph.Store, job: Job) -> Answer:
    """Evaluate ``job`` on ``store`` and write the answer (no time limit: see :class:`QueryEngine`)."""
    try:
        # Parameters go in as a VALUES block of terms written by pyoxigraph, as for a remote store: Oxigraph
        # applies `substitutions` only after evaluating the whole pattern, so a question about one plan would
        # walk every plan (measured in docs/benchmarks.md, national scale).
        text = with_values(job.text, job.substitutions) if job.substitutions else job.text
        outcome = store.query(text, base_iri=job.base_iri, **_dataset_options(job))
    except SyntaxError as error:
        raise SparqlError(400, f"SPARQL syntax error: {error}") from None
    headers = {}
    if isinstance(outcome, pyoxigraph.QueryBoolean):
        fmt = negotiation.choose("boolean", job.accept, job.formats)
        body = results.write_boolean(bool(outcome), fmt)
    elif isinstance(outcome, pyoxigraph.QuerySolutions):
        fmt = negotiation.choose("solutions", job.accept, job.formats)
        body, truncated = results.serialize_solutions(outcome, fmt, job.max_rows)
        headers = _cut_headers(truncated, job.max_rows)
    else:
        fmt = negotiation.choose("graph", job.accept, job.formats)
        triples, truncated = results.take(outcome, job.max_rows)
        body = results.write_graph(triples, fmt)
        headers = _cut_headers(truncated, job.max_rows)
    return Answer(200, fmt.content_type, body, headers)


def _cut_headers(truncated: bool, max_rows: int) -> dict[str, str]:
    headers = {"Fengong-Truncated": "true" if truncated else "false"}
    if truncated:
        headers["Fengong-Max-Rows"] = str(max_rows)
    return headers


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    with open("/proc/self/statm") as handle:
        in_use = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = in_use + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _keep_freed_memory() -> None:
    """Have glibc's malloc keep the memory a query frees for the next query instead of handing it back to the
    kernel. A worker is forked from a thread, so it allocates from a thread arena, whose heaps are mapped and
    unmapped as a query's memory comes and goes: every answer needing a few tens of MB faulted each page in again
    (7,000 faults and 14 ms of system time per find-agency answer at 100 plans; the Oxigraph server: none).
    Bounded by the worker's address-space limit; a no-op without glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3
    mallopt(m_mmap_threshold, 32 * 1024 * 1024)  # glibc's largest: a larger block is mapped for itself anyway
    mallopt(m_top_pad, 64 * 1024 * 1024)  # a heap freed whole stays (glibc keeps one when the pad asks for it)
    mallopt(m_trim_threshold, 1024 * 1024 * 1024)


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when the process that forked it ends, however it ends.

    A query worker inherits the service's listening socket: one outliving a crashed or stopped service
    would keep the port (and hundreds of MiB) under pid 1.
    """
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(0)


def _worker_main(connection, store: pyoxigraph.Store, memory_mb: int, isolate: bool, parent: int) -> None:
    """The loop of a query worker process: receive a job, send back an Answer or a SparqlError."""
    _die_with(parent)
    # Forked from a gunicorn worker: drop its signal handlers, so that SIGTERM/SIGINT simply end this process.
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1,
                   signal.SIGUSR2, signal.SIGWINCH, signal.SIGCHLD):
        signal.signal(number, signal.SIG_DFL)
    if isolate and not drop_network():
        log.warning("query worker %d could not drop its network access", os.getpid())
    _limit_memory(memory_mb)
    _keep_freed_memory()
    store.query("ASK { ?s ?p ?o }")  # reads the store: hangs here, not in a query, if a lock came over locked
    connection.send(_READY)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            reply: Answer | SparqlError = run_query(store, job)
        except SparqlError as error:
            reply = error
        except MemoryError:
            reply = SparqlError(503, "the query needed more memory than this service allows")
        except (OSError, ValueError, TypeError, RuntimeError) as error:
            reply = SparqlError(400, f"the query could not be evaluated: {error}")
        connection.send(reply)


class _NotReady(Exception):
    """A new worker that did not show within :data:`_READY_S` that it can read the store."""


class _Worker:
    def __init__(self, store: pyoxigraph.Store, memory_mb: int, isolate: bool, generation: int):
        self.connection, child_end = _FORK.Pipe()
        self.process = _FORK.Process(target=_worker_main, args=(child_end, store, memory_mb, isolate, os.getpid()),
                                     daemon=True, name="fengong-query")
        self.process.start()
        child_end.close()
        self.generation = generation
        try:
            ready = self.connection.poll(_READY_S) and self.connection.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.stop()
            raise _NotReady

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


def pool_size(settings: dict) -> int:
    """How many query workers a service process keeps: ``query_workers``, or by default one per CPU (at
    least 2, so that one runaway query never holds them all) but no more than the threads that use them."""
    if settings["query_workers"] > 0:
        return settings["query_workers"]
    return max(1, min(settings["threads"], max(2, os.cpu_count() or 1)))


class QueryEngine:
    """Runs queries in killable worker processes and updates in place; one per service process."""

    def __init__(self, graph_store, settings: dict, after_update=None):
        self.graph_store = graph_store
        self.settings = settings
        #: Called with the store after each update, before any query sees it (the derived graphs follow).
        self.after_update = after_update
        self.isolated = not settings["federation_allowlist"]
        self.size = pool_size(settings)
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)
        self._idle: list[_Worker] = []
        self._live = 0  # workers of this process, idle or busy
        self._generation = 0
        self._owner = os.getpid()
        self._forker: ThreadPoolExecutor | None = None

    def _fork_worker(self) -> _Worker:
        """A new worker, forked by a thread that lives as long as this process: the kernel kills a worker
        when the thread that forked it ends (PR_SET_PDEATHSIG), and the pool outlives any request thread."""
        if self._forker is None:
            self._forker = ThreadPoolExecutor(1, thread_name_prefix="fengong-fork")
        for _ in range(_FORK_ATTEMPTS):
            try:
                return self._forker.submit(_Worker, self.graph_store.store, self.settings["query_memory_limit_mb"],
                                           self.isolated, self._generation).result()
            except _NotReady:
                log.warning("a new query worker could not read the store within %g s; forking another", _READY_S)
        raise SparqlError(503, f"no query worker could be started ({_FORK_ATTEMPTS} tried); try again",
                          {"Retry-After": "1"})

    def _take_worker(self, deadline: float) -> _Worker:
        with self._lock:
            if self._owner != os.getpid():
                # Forked (e.g. into a gunicorn worker): the workers of the parent are not ours.
                self._idle, self._live, self._owner, self._forker = [], 0, os.getpid(), None
            while True:
                while self._idle:
                    worker = self._idle.pop()
                    if worker.generation == self._generation and worker.process.is_alive():
                        return worker
                    worker.stop()
                    self._live -= 1
                if self._live < self.size:
                    # Forked under the lock, as statistics() reads the store under it: never during a fork.
                    worker = self._fork_worker()
                    self._live += 1
                    return worker
                if not self._freed.wait(deadline - time.monotonic()):
                    raise SparqlError(503, f"the service is busy: its {self.size} query worker(s) stayed busy "
                                           f"longer than the time limit ({self.settings['query_time_limit_s']:g} "
                                           "s); try again", {"Retry-After": "1"})

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if worker.generation == self._generation:
                self._idle.append(worker)
                self._freed.notify()
                return
        self._retire(worker)

    def _retire(self, worker: _Worker) -> None:
        """Stop ``worker`` (killed, dead or of an earlier generation) and let a waiting request start another."""
        worker.stop()
        with self._lock:
            self._live -= 1
            self._freed.notify()

    def query(self, job: Job) -> Answer:
        """Run a query with the time limit; raises :class:`SparqlError` (4xx, or 503 when cut)."""
        limit = self.settings["query_time_limit_s"]
        # A busy worker is freed at most the limit after its query began (and the moment a kill takes).
        worker = self._take_worker(time.monotonic() + limit + _KILL_GRACE_S)
        try:
            worker.connection.send(job)
            if not worker.connection.poll(limit):
                self._retire(worker)
                raise SparqlError(
                    503, f"the query was cancelled: it ran longer than the limit of {limit:g} s")
            reply = worker.connection.recv()
        except (EOFError, OSError):
            # The worker died: the memory limit stops a query by ending its process.
            self._retire(worker)
            raise SparqlError(503, "the query was stopped: its worker process ended, most likely because "
                                   "the query needed more memory than this service allows") from None
        self._give_back(worker)
        if isinstance(reply, SparqlError):
            raise reply
        return reply

    def update(self, text: str, base_iri: str | None) -> None:
        """Apply a SPARQL Update to the store (the caller has checked the token and the guard)."""
        with self._lock:
            try:
                self.graph_store.update(text, base_iri=base_iri)
            except SyntaxError as error:
                raise SparqlError(400, f"SPARQL syntax error: {error}") from None
            except (OSError, ValueError) as error:
                raise SparqlError(400, f"the update could not be applied: {error}") from None
            if self.after_update is not None:
                self.after_update(self.graph_store)
            self._generation += 1
            retired, self._idle = self._idle, []
            self._live -= len(retired)
            self._freed.notify(len(retired))
        for worker in retired:
            worker.stop()

    def statistics(self) -> dict:
        """The store's VoID statistics (computed under the lock: never while a worker is being forked)."""
        with self._lock:
            return self.graph_store.statistics()

    def close(self) -> None:
        """Stop every idle worker."""
        with self._lock:
            retired, self._idle = self._idle, []
            self._live -= len(retired)
            forker, self._forker = self._forker, None
        for worker in retired:
            worker.stop()
        if forker is not None:
            forker.shutdown(wait=False)
