"""Real external SPARQL engines for the tests and the benchmark: the Oxigraph server (PyPI ``oxigraph``) and
Virtuoso (Debian ``virtuoso-opensource``), each started in a temporary folder on free loopback ports and
stopped (by its own process id) afterwards.

Virtuoso is configured by an ini file of our own: loopback only, no plugins, and a database created fresh, so
its administrator is ``dba``/``dba``; updates go to ``/sparql-auth`` with digest authentication.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from conftest import free_port  # tests/ is on sys.path (pytest, and the benchmarks that start engines)

VIRTUOSO = shutil.which("virtuoso-t")
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
VIRTUOSO_USER, VIRTUOSO_PASSWORD = "dba", "dba"


@dataclass
class Engine:
    """A running engine: its query endpoint, where updates go, credentials, and the process."""

    name: str
    query_url: str
    update_url: str
    process: subprocess.Popen
    folder: Path
    user: str | None = None
    password: str | None = None
    options: dict = field(default_factory=dict)

    def stop(self) -> None:
        """Stop the engine (SIGTERM, then SIGKILL after a grace period) and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def kill(self) -> None:
        """Kill the engine at once, as a crash would."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the engine ended (exit {process.returncode}):\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{url}: not answering after {seconds} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-2000:] if log.exists() else ""


def start_oxigraph(folder: Path, port: int | None = None, timeout_s: int | None = None) -> Engine:
    """The Oxigraph server on disk in ``folder`` (reused if it holds a store), union default graph."""
    port = port or free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "oxigraph.log"
    # The union default graph, as fengong's own service has it: questions match triples of any graph.
    command = [OXIGRAPH, "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]
    if timeout_s:
        command += ["--timeout-s", str(timeout_s)]
    with open(log, "ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(base + "/query", process, log)
    return Engine("oxigraph", base + "/query", base + "/update", process, folder,
                  options={"graph_store": base + "/store", "base": base})


_VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 2G
DirsAllowed = ., {dir}
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 10

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
"""


def start_virtuoso(folder: Path, memory_mb: int = 2000) -> Engine:
    """Virtuoso with a fresh (or reused) database in ``folder``; SPARQL at /sparql, updates at /sparql-auth."""
    if VIRTUOSO is None:
        raise RuntimeError("virtuoso-t is not installed: run scripts/install-system-deps.sh")
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    buffers = max(10000, memory_mb * 1024 // 8 * 2 // 3 // 8)  # 8 KB pages; about 2/3 of the memory given
    (folder / "virtuoso.ini").write_text(_VIRTUOSO_INI.format(
        dir=folder, sql_port=sql_port, http_port=http_port, buffers=buffers, dirty=buffers * 3 // 4))
    log = folder / "virtuoso.out"
    with open(log, "ab") as out:
        process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                   cwd=folder, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{http_port}"
    _wait_until_up(base + "/sparql", process, log, seconds=120)
    return Engine("virtuoso", base + "/sparql", base + "/sparql-auth", process, folder,
                  VIRTUOSO_USER, VIRTUOSO_PASSWORD,
                  options={"graph_store": base + "/sparql-graph-crud-auth", "base": base, "sql_port": sql_port})


def environment_without_proxies() -> dict:
    """The environment for child processes, with no HTTP proxy for loopback addresses."""
    env = dict(os.environ)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def synthetic_dataset(folder: Path, levels: tuple[str, ...] = ("national", "city")) -> Path:
    """A slice of the synthetic national corpus (``benchmarks/synthetic_corpus.py``, 40 documents), the plans
    of ``levels`` ingested into one TriG dataset; returns its path (made once per folder and levels)."""
    out = folder / f"slice-{'-'.join(levels)}.trig"
    if out.exists():
        return out
    root = Path(__file__).resolve().parents[1]
    corpus = folder / "corpus"
    if not corpus.exists():
        subprocess.run([sys.executable, str(root / "benchmarks" / "synthetic_corpus.py"), str(corpus),
                        "--documents", "40"], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "fengong", "ingest", *(str(corpus / level) for level in levels),
                    "-o", str(out)], check=True, capture_output=True)
    return out
