"""Fixtures that start the real service (gunicorn, ``fengong.service.server``) on a free loopback port.

``live_service(data_files=..., settings=...)`` starts a service (one per distinct configuration, kept for
the whole session) and returns a :class:`LiveService` with small HTTP helpers; ``service`` is the one
on the fixture dataset ``tests/data/service/`` with default settings.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SERVICE_DATA = [TESTS / "data" / "service" / "plans.trig", TESTS / "data" / "service" / "extra.ttl"]
STARTUP_SECONDS = 60


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Reply:
    """An HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class LiveService:
    """A running service: its address and plain-HTTP helpers (``http.client``, one connection per call)."""

    host: str
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def sparql_url(self) -> str:
        return self.url + "/sparql"

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None, timeout: float = 60) -> Reply:
        """Send one request exactly as given (path and query string are not re-encoded)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            if isinstance(body, str):
                body = body.encode("utf-8")
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def query(self, text: str, accept: str | None = None, **params: str) -> Reply:
        """GET /sparql with ``query`` (and other parameters) form-encoded in the URL."""
        path = "/sparql?" + urllib.parse.urlencode({"query": text, **params})
        return self.request("GET", path, headers={"Accept": accept} if accept else {})

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def start_service(data_files, settings: dict, log_path: Path, store: Path | None = None) -> LiveService:
    """Start ``fengong.service.server`` and wait until ``/health`` answers."""
    port = free_port()
    command = [sys.executable, "-m", "fengong.service.server", "--host", "127.0.0.1", "--port", str(port)]
    for path in data_files:
        command += ["--load", str(path)]
    if store is not None:
        command += ["--store", str(store)]
    environment = dict(os.environ)
    for name, value in settings.items():
        key = "FENGONG_" + name.upper()
        if isinstance(value, (list, tuple)):
            environment[key] = " ".join(value)
        elif isinstance(value, bool):
            environment[key] = "true" if value else "false"
        else:
            environment[key] = str(value)
    with open(log_path, "wb") as log:  # the child keeps its own copy of the file descriptor
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment,
                                   start_new_session=True)
    service = LiveService("127.0.0.1", port, process, log_path)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited with {process.returncode}:\n{service.log()}")
        try:
            if service.request("GET", "/health", timeout=5).status == 200:
                return service
        except OSError:
            pass
        time.sleep(0.2)
    stop_service(service)
    raise RuntimeError(f"the service did not answer within {STARTUP_SECONDS} s:\n{service.log()}")


def stop_service(service: LiveService) -> None:
    """Stop the gunicorn master at once (it stops its workers), and the process group if it lingers."""
    if service.process.poll() is None:
        service.process.send_signal(signal.SIGINT)
        try:
            service.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(service.process.pid, signal.SIGKILL)
            service.process.wait(timeout=10)


@pytest.fixture(scope="session")
def live_service(tmp_path_factory):
    """A factory: ``live_service(data_files=None, settings=None, store=None)`` → a running LiveService.

    Services are cached by configuration for the session, so tests asking for the same one share it.
    ``data_files`` defaults to the fixture dataset; ``settings`` maps setting names to values.
    """
    running: dict[tuple, LiveService] = {}

    def get(data_files=None, settings: dict | None = None, store: Path | None = None) -> LiveService:
        files = tuple(str(f) for f in (SERVICE_DATA if data_files is None else data_files))
        settings = settings or {}
        key = (files, tuple(sorted((k, str(v)) for k, v in settings.items())), str(store))
        if key not in running:
            log_path = tmp_path_factory.mktemp("service") / "service.log"
            running[key] = start_service(files, settings, log_path, store)
        return running[key]

    yield get
    for service in running.values():
        stop_service(service)


@pytest.fixture(scope="session")
def service(live_service) -> LiveService:
    """The service on the fixture dataset with default settings."""
    return live_service()


@pytest.fixture
def listener():
    """A TCP listener on loopback that records every connection made to it: ``(port, seen)``.

    Tests that promise "no outbound connection" point a request at it and check ``seen`` stays empty.
    """
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    seen.append(connection.recv(4096) or b"(connected)")
                except OSError:
                    seen.append(b"(connected)")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join(timeout=2)
    server.close()
