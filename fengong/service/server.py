"""``fengong serve``: the service under gunicorn (several worker processes, threads in each).

The application is built once in the gunicorn master, which loads the data; the workers are forked from
it and share the loaded store copy-on-write.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from pathlib import Path

import click
from gunicorn.app.base import BaseApplication
from tqdm import tqdm

from fengong import textindex
from fengong.inputs import InputError
from fengong.scale import derived
from fengong.sparql.settings import SETTINGS, Setting, resolve_settings
from fengong.store import GraphStore, LoadError, open_store

log = logging.getLogger(__name__)


class _Gunicorn(BaseApplication):
    """gunicorn running one already built WSGI application."""

    def __init__(self, application, options: dict):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def _progress_bar(path: Path):
    """A progress callback drawing a bar for one file (only on a terminal)."""
    if not sys.stderr.isatty():
        return None
    bar = tqdm(desc=path.name, total=path.stat().st_size, unit="B", unit_scale=True, leave=False)

    def advance(done: int) -> None:
        bar.update(done - bar.n)

    return advance


def _prepare_on_disk(store: str, load: list[str] | None, union_default_graph: bool) -> tuple[dict, str]:
    """Load files into the on-disk store in a child process, derive its derived graphs and build its text
    indexes there (reading the data as the questions will), and return its statistics and version (for which
    the derived graphs hold).

    RocksDB must never be used by the gunicorn master: workers forked from a process that has used it
    crash on exit. So a child loads and counts, the master never opens the store, and each worker opens
    it itself (:func:`serve`'s ``post_fork``).
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def load_and_count() -> None:
        try:
            graph_store = open_store(store, load, progress=_progress_bar)
            derived.ensure(graph_store)
            textindex.build(graph_store.store, textindex.index_directory(graph_store.location),
                            graph_store.version, union_default_graph)
            outcome = (graph_store.statistics(), graph_store.version)
            graph_store.close()
        except (LoadError, OSError, ValueError) as error:
            outcome = error if isinstance(error, LoadError) else LoadError(str(error))
        sender.send(outcome)

    child = context.Process(target=load_and_count, name="fengong-load")
    child.start()
    sender.close()
    try:
        outcome = receiver.recv()
    except EOFError:
        raise LoadError(f"loading into {store} failed (the loading process ended)") from None
    finally:
        child.join()
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def serve(store: str | None = None, load: list[str] | None = None, host: str = "127.0.0.1", port: int = 8000,
          backend: str | None = None, backend_user: str | None = None, backend_password: str | None = None,
          **settings) -> None:
    """Load the data and serve it until interrupted.

    ``settings`` are values for :data:`fengong.sparql.settings.SETTINGS` (missing ones take defaults).
    """
    from fengong.service.app import create_app

    values = resolve_settings(settings)
    if values["update_token"] and store is None and not backend:
        raise ValueError("--update-token needs --store DIR: an update to an in-memory store would be lost "
                         "when a worker process is restarted")
    if backend:
        from fengong.sparql.remote_engine import open_backend

        graph_store = open_backend(backend, backend_user, backend_password)
    elif store is None:
        graph_store = open_store(None, load, progress=_progress_bar)
        derived.ensure(graph_store)
    else:
        graph_store = GraphStore(store, read_only=not values["update_token"], closed=True)
        statistics, version = _prepare_on_disk(store, load, values["union_default_graph"])
        graph_store.set_statistics(statistics)
        graph_store.set_version(version)
        graph_store.derived_version = version
    if not values["public_base_url"]:
        values["public_base_url"] = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    app = create_app({**values, "graph_store": graph_store, "backend": backend})
    statistics = graph_store.statistics()
    workers = 1 if values["update_token"] else max(1, values["workers"])
    if values["update_token"] and values["workers"] > 1:
        log.warning("an update token is set: serving with 1 worker process, so every query sees the updates")
    def post_fork(_server, _worker) -> None:
        graph_store.reopen(read_only=not values["update_token"])
        if app.extensions["fengong_text_index"] is not None:
            app.extensions["fengong_text_index"].ensure()  # opened now, not by the first search

    def worker_exit(_server, _worker) -> None:
        # Stop the query workers, flush and close the store, and leave without the interpreter's shutdown:
        # RocksDB's static destructors can crash or hang there.
        app.extensions["fengong_engine"].close()
        graph_store.close()
        logging.shutdown()
        os._exit(0)

    options = {
        "post_fork": post_fork,
        "worker_exit": worker_exit,
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": max(1, values["threads"]),
        # gunicorn's own watchdog must never fire before the query time limit does.
        "timeout": max(30, int(values["query_time_limit_s"] * 3)),
        "graceful_timeout": 10,
        "limit_request_line": 8190,
        # No control socket: it would be shared by every service on the machine.
        "control_socket_disable": True,
        "accesslog": "-" if values["access_log"] else None,
        "loglevel": "info",
    }
    click.echo(f"serving {statistics['triples']} triples in {len(statistics['graphs'])} named graphs at "
               f"http://{host}:{port}/sparql", err=True)
    _Gunicorn(app, options).run()


def _option(setting: Setting):
    name = "--" + setting.name.replace("_", "-")
    envvar = "FENGONG_" + setting.name.upper()
    if setting.kind is bool:
        return click.option(f"{name}/--no-{name[2:]}", setting.name, default=setting.default, envvar=envvar,
                            show_default=True, help=setting.help)
    if setting.kind is list:
        return click.option(name, setting.name, multiple=True, envvar=envvar, help=setting.help)
    return click.option(name, setting.name, type=setting.kind, default=setting.default, envvar=envvar,
                        show_default=not setting.secret, help=setting.help)


def _with_settings(command):
    for setting in reversed(SETTINGS):
        command = _option(setting)(command)
    return command


@click.command("serve")
@click.option("--store", "store", type=click.Path(file_okay=False), default=None,
              help="Directory of a persistent store (created if missing, reused across restarts). "
                   "Default: an in-memory store.")
@click.option("--load", "load", type=click.Path(exists=True, dir_okay=False), multiple=True,
              help="RDF file to load (repeatable): Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML. "
                   "Default: data/graphs/*.trig, ontology/*.ttl and shapes/*.ttl of the project.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--backend", default=None, help="Answer from this external SPARQL 1.1 store (its query endpoint, "
              "loaded with `fengong load`) instead of the embedded one; --store and --load are then not used.")
@click.option("--backend-user", default=None, envvar="FENGONG_BACKEND_USER", help="User name for the backend.")
@click.option("--backend-password", default=None, envvar="FENGONG_BACKEND_PASSWORD",
              help="Password for the backend (better given as FENGONG_BACKEND_PASSWORD).")
@_with_settings
def serve_command(store, load, host, port, backend, backend_user, backend_password, **settings):
    """Serve the graphs over the SPARQL 1.1 Protocol (and the browser UI) under gunicorn."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        serve(store=store, load=list(load) or None, host=host, port=port, backend=backend,
              backend_user=backend_user, backend_password=backend_password, **settings)
    except (LoadError, OSError) as error:
        raise InputError(str(error)) from None
    except ValueError as error:
        raise click.ClickException(str(error)) from None


if __name__ == "__main__":
    serve_command()
