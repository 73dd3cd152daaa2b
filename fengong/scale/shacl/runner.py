"""The compiled checks run on a store: in this process, or in worker processes each opening the store read-only."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from fengong.scale.shacl.compiler import compile_shapes
from fengong.scale.shacl.terms import Check, Result

_ORDER = {"violation": 0, "warning": 1, "info": 2}


def run_checks(store: ox.Store, checks: list[Check], progress=None) -> list[Result]:
    """Run the compiled checks on ``store`` (its union of graphs is the data graph)."""
    results = []
    for check in checks:
        for row in store.query(check.query, use_default_graph_as_union=True):
            value = None if check.value is None else row[check.value]
            path = str(row["path"]) if check.path == "?path" else check.path
            results.append(Result(str(row["focus"]), check.shape, check.component, check.constraint,
                                  None if value is None else str(value), check.severity, path))
        if progress:
            progress(check)
    return results


#: The store of a worker process of :func:`run_checks_in_parallel`.
_worker_store: ox.Store | None = None


def _open_in_worker(location: str) -> None:
    global _worker_store
    _worker_store = ox.Store.read_only(location)


def _run_in_worker(check: Check) -> list[Result]:
    return run_checks(_worker_store, [check])


def run_checks_in_parallel(location: str | Path, checks: list[Check], jobs: int, progress=None) -> list[Result]:
    """:func:`run_checks` on the on-disk store at ``location``, in ``jobs`` worker processes; same results, same order.

    Each worker opens the store read-only itself: spawned, not forked, so that no process inherits an open
    RocksDB handle.
    """
    results = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_open_in_worker,
                             initargs=(str(location),)) as pool:
        for check, found in zip(checks, pool.map(_run_in_worker, checks), strict=True):
            results += found
            if progress:
                progress(check)
    return results


def validate_store(store: ox.Store | str | Path, shapes: Graph, jobs: int = 1, progress=None) -> list[Result]:
    """Validate everything ``store`` holds against ``shapes``; results sorted, worst first.

    ``store`` is a store, or the folder of one on disk, opened read-only; for a folder, ``jobs`` > 1 runs the
    checks in that many processes. ``progress(check)`` is called after each check. The shapes are compiled
    first: a shape that cannot be is refused (:class:`~.terms.UnsupportedShape`) before any check runs.
    """
    checks = compile_shapes(shapes)
    if isinstance(store, ox.Store):
        results = run_checks(store, checks, progress)
    elif jobs > 1:
        results = run_checks_in_parallel(store, checks, jobs, progress)
    else:
        results = run_checks(ox.Store.read_only(str(store)), checks, progress)
    return sorted(results, key=lambda r: (_ORDER.get(r.severity, 3), r.shape, r.focus, r.value or "", r.path or ""))
